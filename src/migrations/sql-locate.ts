/**
 * Where in a parsed statement's text an operation on a named object is written: the AST gives the
 * object's name but not the offset of the clause. These are the regexes
 *   `\bNAME\b`                                                        (locateWord)
 *   `RENAME\s+(?:COLUMN\s+)?["`]?COL`                                   (locateColumn "RENAME", /i)
 *   `\bDROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?["`]?COL\b`             (locateColumn "DROP", /i)
 *   `\bALTER\s+(?:COLUMN\s+)?["`]?COL\b`                               (locateColumn "ALTER", /i)
 * run on `text.slice(from, to)`. Building a RegExp per name costs a compilation each (tens of µs for a
 * name not seen before), so plain names (word characters only, the usual case) are matched by hand with
 * the same result; other names still go through the built regex.
 */

const PLAIN_NAME = /^\w+$/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `\w` of a non-unicode regex: [A-Za-z0-9_]. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** The offset of the first match of `re` in [from, to) of text, or `fallback`. */
function firstIn(text: string, from: number, to: number, re: RegExp, fallback: number): number {
  const m = re.exec(text.slice(from, to));
  return m ? from + m.index : fallback;
}

/** The first whole-word, case-sensitive occurrence of `name` in [from, to) of text, or `fallback`. */
export function locateWord(text: string, from: number, to: number, name: string, fallback: number): number {
  if (!PLAIN_NAME.test(name)) return firstIn(text, from, to, new RegExp(`\\b${escapeRe(name)}\\b`), fallback);
  // The slice's ends count as word boundaries, as they do for a regex run on the slice.
  for (let i = text.indexOf(name, from); i >= 0 && i + name.length <= to; i = text.indexOf(name, i + 1)) {
    const end = i + name.length;
    if ((i === from || !isWordCode(text.charCodeAt(i - 1))) && (end === to || !isWordCode(text.charCodeAt(end))))
      return i;
  }
  return fallback;
}

type ColumnClause = "RENAME" | "DROP" | "ALTER";

// Each keyword with the whole run of spaces after it: what follows (COLUMN, IF, a quote, a plain name)
// never starts with a space, so a match can only continue after the whole run.
const CLAUSE_START: Record<ColumnClause, RegExp> = {
  RENAME: /RENAME\s+/gi,
  DROP: /\bDROP\s+/gi,
  ALTER: /\bALTER\s+/gi,
};
const COLUMN_WORD = /COLUMN\s+/iy;
const IF_EXISTS = /IF\s+EXISTS\s+/iy;

/** `col` (plain, matched ASCII case-insensitively as /i does) at `i` of `s`, then a word boundary if `bounded`. */
function columnAt(s: string, i: number, col: string, bounded: boolean): boolean {
  const end = i + col.length;
  if (end > s.length) return false;
  for (let k = 0; k < col.length; k++) {
    const a = s.charCodeAt(i + k);
    const b = col.charCodeAt(k);
    if (a !== b && !(isLetterCode(b) && (a | 0x20) === (b | 0x20))) return false;
  }
  return !bounded || end === s.length || !isWordCode(s.charCodeAt(end));
}

/** `["`]?col` at `i`. */
function quotedColumnAt(s: string, i: number, col: string, bounded: boolean): boolean {
  const q = s.charCodeAt(i);
  return ((q === 34 || q === 96) && columnAt(s, i + 1, col, bounded)) || columnAt(s, i, col, bounded);
}

/** After the sticky `re` at `i`: the offset where it ends, or -1. */
function after(re: RegExp, s: string, i: number): number {
  re.lastIndex = i;
  return re.test(s) ? re.lastIndex : -1;
}

/** The start of the clause `KEYWORD [COLUMN] [IF EXISTS] ["`]col` in [from, to) of text, or `fallback`. */
export function locateColumn(
  text: string,
  from: number,
  to: number,
  clause: ColumnClause,
  col: string,
  fallback: number,
): number {
  const bounded = clause !== "RENAME";
  if (!PLAIN_NAME.test(col)) {
    const ifExists = clause === "DROP" ? String.raw`(?:IF\s+EXISTS\s+)?` : "";
    const source = String.raw`${bounded ? "\\b" : ""}${clause}\s+(?:COLUMN\s+)?${ifExists}["\x60]?${escapeRe(col)}${bounded ? "\\b" : ""}`;
    return firstIn(text, from, to, new RegExp(source, "i"), fallback);
  }
  const s = text.slice(from, to);
  const start = CLAUSE_START[clause];
  start.lastIndex = 0;
  for (let m = start.exec(s); m; m = start.exec(s)) {
    const e0 = m.index + m[0].length;
    const e1 = after(COLUMN_WORD, s, e0);
    const ends = e1 < 0 ? [e0] : [e0, e1];
    if (clause === "DROP")
      for (const e of e1 < 0 ? [e0] : [e0, e1]) {
        const e2 = after(IF_EXISTS, s, e);
        if (e2 >= 0) ends.push(e2);
      }
    for (const e of ends) if (quotedColumnAt(s, e, col, bounded)) return from + m.index;
  }
  return fallback;
}
