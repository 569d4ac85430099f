/**
 * Line-level helpers for migration source files (the new side of a file, src/diff/side.ts): which
 * lines belong to an up or a down (rollback) section, which table block a line sits in, string literals
 * (SQL embedded in code), and call arguments. All of it is tolerant: a diff shows fragments of files.
 */
import { indentOf } from "../diff/line-syntax.js";
import type { SideLine } from "../diff/side.js";
import type { MigrationLanguage } from "./detect.js";

/** A UTF-16 code unit that a regex `\s` matches, without building a one-character string for ASCII. */
export function isRegexSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return NON_ASCII_SPACE.test(String.fromCharCode(code));
}
const NON_ASCII_SPACE = /\s/;

// ---------------------------------------------------------------------------------------------
// String literals (the SQL that code migrations pass to execute/raw/query/RunSQL)

export interface Literal {
  text: string;
  /** Offsets in `text` where each source line starts, with the matching SideLine index. */
  starts: number[];
  lineIdx: number[];
}

/** Map an offset in a literal to the SideLine index it falls on. */
export function literalLineIndex(lit: Literal, offset: number): number {
  let lo = 0;
  let hi = lit.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lit.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lit.lineIdx[lo] ?? lit.lineIdx[0] ?? 0;
}

interface ScanResult {
  literals: Literal[];
  /** Per SideLine: the line starts inside a multi-line string (docstring, heredoc, SQL block). */
  startsInString: boolean[];
}

type Delim = { close: string; multiline: boolean; escapes: boolean } | { heredoc: string };

function commentStart(language: MigrationLanguage, s: string, i: number): "line" | "block" | null {
  const c = s[i];
  if (c === "#" && (language === "ruby" || language === "python" || language === "elixir" || language === "php"))
    return language === "elixir" && s[i + 1] === "{" ? null : "line";
  if (
    c === "/" &&
    s[i + 1] === "/" &&
    (language === "js" || language === "php" || language === "csharp" || language === "go")
  )
    return "line";
  if (
    c === "/" &&
    s[i + 1] === "*" &&
    (language === "js" || language === "php" || language === "csharp" || language === "go")
  )
    return "block";
  return null;
}

function openDelim(language: MigrationLanguage, s: string, i: number): { delim: Delim; len: number } | null {
  const c = s[i];
  if (language === "python" || language === "elixir" || language === "csharp") {
    if ((c === '"' || c === "'") && s[i + 1] === c && s[i + 2] === c) {
      const raw = language === "python" && /[rR]/.test(s[i - 1] ?? "");
      return { delim: { close: c.repeat(3), multiline: true, escapes: !raw }, len: 3 };
    }
  }
  if (language === "ruby" || language === "php") {
    const m = /^<<(?:<)?[~-]?(["']?)([A-Z_][A-Z0-9_]*)\1/.exec(s.slice(i, i + 40));
    if (m && (language === "php" || s[i + 2] !== "<")) return { delim: { heredoc: m[2]! }, len: m[0].length };
  }
  if (c === "`" && (language === "js" || language === "go"))
    return { delim: { close: "`", multiline: true, escapes: language === "js" }, len: 1 };
  if (c === '"' || c === "'") {
    if (language === "csharp" && s[i - 1] === "@")
      return { delim: { close: '"', multiline: true, escapes: false }, len: 1 };
    if (language === "elixir" && c === "'") return null;
    if (language === "go" && c === "'") return null;
    const multiline = language === "ruby" || language === "elixir" || language === "php";
    const raw = language === "python" && /[rR]/.test(s[i - 1] ?? "");
    return { delim: { close: c, multiline, escapes: !raw }, len: 1 };
  }
  return null;
}

/**
 * Collect string literals across the new-side lines (a small tokenizer: quotes, escapes, comments,
 * triple quotes, heredocs, template strings). Adjacent literals joined by `+` or whitespace are merged,
 * so SQL split over several concatenated strings is seen whole. Linear in the text.
 */
export function scanLiterals(lines: readonly SideLine[], language: MigrationLanguage): ScanResult {
  const literals: Literal[] = [];
  const startsInString: boolean[] = new Array(lines.length).fill(false);
  let delim: Delim | null = null;
  let blockComment = false;
  let cur: Literal | null = null;
  let lastClosed: { lit: Literal; gap: string } | null = null;

  const begin = (idx: number) => {
    if (lastClosed && /^\s*\+?\s*$/.test(lastClosed.gap) && lastClosed.gap.length < 200) {
      cur = lastClosed.lit;
      cur.text += " ";
      cur.starts.push(cur.text.length);
      cur.lineIdx.push(idx);
    } else {
      cur = { text: "", starts: [0], lineIdx: [idx] };
      literals.push(cur);
    }
    lastClosed = null;
  };

  for (let idx = 0; idx < lines.length; idx++) {
    const sl = lines[idx]!;
    if (idx > 0 && lines[idx - 1]!.hunk !== sl.hunk) {
      delim = null;
      blockComment = false;
      cur = null;
      lastClosed = null;
    }
    const s = sl.text;
    startsInString[idx] = delim !== null;
    if (delim && cur) {
      const c = cur as Literal;
      if (c.text.length > 0) c.text += "\n";
      c.starts.push(c.text.length);
      c.lineIdx.push(idx);
    }
    if (delim && "heredoc" in delim) {
      if (s.trim() === delim.heredoc || s.trim() === `${delim.heredoc};`) {
        delim = null;
        lastClosed = cur ? { lit: cur, gap: "" } : null;
        cur = null;
      } else if (cur) (cur as Literal).text += s;
      continue;
    }
    let i = 0;
    let pendingHeredoc: string | null = null;
    while (i < s.length) {
      if (blockComment) {
        const end = s.indexOf("*/", i);
        if (end < 0) {
          i = s.length;
          break;
        }
        blockComment = false;
        i = end + 2;
        continue;
      }
      if (delim && !("heredoc" in delim)) {
        const d = delim;
        const ch = s[i]!;
        if (d.escapes && ch === "\\") {
          if (cur) (cur as Literal).text += s.slice(i, i + 2);
          i += 2;
          continue;
        }
        if (s.startsWith(d.close, i)) {
          delim = null;
          i += d.close.length;
          lastClosed = cur ? { lit: cur, gap: "" } : null;
          cur = null;
          continue;
        }
        if (cur) (cur as Literal).text += ch;
        i++;
        continue;
      }
      const comment = commentStart(language, s, i);
      if (comment === "line") break;
      if (comment === "block") {
        blockComment = true;
        i += 2;
        continue;
      }
      const open = openDelim(language, s, i);
      if (open) {
        if ("heredoc" in open.delim) {
          // A heredoc body starts on the next line; the rest of this line is code.
          pendingHeredoc = open.delim.heredoc;
          i += open.len;
          continue;
        }
        delim = open.delim;
        begin(idx);
        i += open.len;
        continue;
      }
      if (lastClosed) lastClosed.gap += s[i];
      i++;
    }
    if (delim && !("heredoc" in delim) && !delim.multiline) {
      delim = null;
      lastClosed = cur ? { lit: cur, gap: "" } : null;
      cur = null;
    }
    if (lastClosed) lastClosed.gap += "\n";
    if (pendingHeredoc && !delim) {
      delim = { heredoc: pendingHeredoc };
      cur = { text: "", starts: [], lineIdx: [] };
      literals.push(cur);
      lastClosed = null;
    }
  }
  for (const lit of literals) {
    if (lit.starts.length === 0) {
      lit.starts.push(0);
      lit.lineIdx.push(0);
    }
  }
  return { literals, startsInString };
}

// ---------------------------------------------------------------------------------------------
// Sections (up / down / state-only) and table blocks

export type Section = "up" | "down" | "state" | "neutral";

export interface LineContext {
  section: Section;
  /** The enclosing table block (`change_table :t do`, `alterTable("t", ...)`, `alter table(:t) do`). */
  table?: string;
  tableMode?: "alter" | "create";
}

interface HeaderPatterns {
  down: RegExp[];
  up: RegExp[];
  /** Any other function: a new neutral scope. */
  fn?: RegExp;
  table?: { re: RegExp; mode: (m: RegExpExecArray) => "alter" | "create"; name: (m: RegExpExecArray) => string }[];
}

const PY_DOWN_NAMES = "(?:downgrade|backwards?|reverse|rollback|unapply|undo|revert)\\w*";

const HEADERS: Partial<Record<MigrationLanguage, HeaderPatterns>> = {
  ruby: {
    down: [/^\s*def\s+(?:self\.)?down\b/, /^\s*\w+\.down\s*(?:do\b|\{)/],
    up: [/^\s*def\s+(?:self\.)?(?:up|change)\b/, /^\s*\w+\.up\s*(?:do\b|\{)/],
    fn: /^\s*def\s+\w/,
    table: [
      {
        re: /^\s*(create_table|change_table)\s*\(?\s*[:"']([\w.]+)/,
        mode: (m) => (m[1] === "create_table" ? "create" : "alter"),
        name: (m) => m[2]!,
      },
    ],
  },
  python: {
    down: [new RegExp(`^\\s*(?:async\\s+)?def\\s+${PY_DOWN_NAMES}\\s*\\(`)],
    up: [/^\s*(?:async\s+)?def\s+(?:upgrade|forwards?)\w*\s*\(/],
    fn: /^\s*(?:async\s+)?def\s+\w/,
    table: [
      { re: /batch_alter_table\(\s*["']([\w.]+)/, mode: () => "alter", name: (m) => m[1]! },
      { re: /\bop\.create_table\(\s*["']([\w.]+)/, mode: () => "create", name: (m) => m[1]! },
    ],
  },
  js: {
    down: [
      /^\s*(?:export\s+)?(?:async\s+)?function\s*\*?\s*down\b/,
      /\bexports\.down\s*=/,
      /^\s*(?:public\s+|private\s+)?(?:async\s+)?down\s*\(/,
      /^\s*["']?down["']?\s*:/,
      /^\s*(?:export\s+)?const\s+down\s*=/,
    ],
    up: [
      /^\s*(?:export\s+)?(?:async\s+)?function\s*\*?\s*up\b/,
      /\bexports\.up\s*=/,
      /^\s*(?:public\s+|private\s+)?(?:async\s+)?up\s*\(/,
      /^\s*["']?up["']?\s*:/,
      /^\s*(?:export\s+)?const\s+up\s*=/,
    ],
    fn: /^\s*(?:export\s+)?(?:async\s+)?function\b/,
    table: [
      {
        re: /\.(createTable|createTableIfNotExists|createTableLike|alterTable|table)\(\s*["'`]([\w.]+)/,
        mode: (m) => (m[1]!.startsWith("create") ? "create" : "alter"),
        name: (m) => m[2]!,
      },
    ],
  },
  php: {
    down: [/\bfunction\s+down\s*\(/],
    up: [/\bfunction\s+up\s*\(/],
    fn: /\bfunction\s+\w+\s*\(/,
    table: [
      {
        re: /Schema::(create|table)\(\s*['"]([\w.]+)/,
        mode: (m) => (m[1] === "create" ? "create" : "alter"),
        name: (m) => m[2]!,
      },
    ],
  },
  csharp: {
    down: [/\bvoid\s+Down\s*\(/],
    up: [/\bvoid\s+Up\s*\(/],
  },
  go: {
    down: [/^\s*func\s+[dD]own\w*\s*\(/],
    up: [/^\s*func\s+[uU]p\w*\s*\(/],
    fn: /^\s*func\s/,
  },
  elixir: {
    down: [/^\s*def\s+down\b/],
    up: [/^\s*def\s+(?:up|change)\b/],
    fn: /^\s*defp?\s+\w/,
    table: [
      {
        re: /^\s*(create|create_if_not_exists|alter)\s+table\(\s*[:"]([\w.]+)/,
        mode: (m) => (m[1] === "alter" ? "alter" : "create"),
        name: (m) => m[2]!,
      },
    ],
  },
  yaml: { down: [/^\s*-?\s*rollback\s*:/], up: [] },
};

interface Frame {
  indent: number;
  section?: Section;
  table?: { name: string; mode: "alter" | "create" };
}

/**
 * Per line: up/down/state section and table block. Sections come from function headers (indentation
 * scopes), Django keyword arguments (`reverse_sql=`, `reverse_code=`, `state_operations=`), Liquibase
 * `<rollback>` blocks and `--rollback` lines, and goose/dbmate `Down` markers in SQL files.
 */
export function classifyLines(
  lines: readonly SideLine[],
  language: MigrationLanguage,
  hunkHeaders: readonly string[],
  startsInString: readonly boolean[],
): LineContext[] {
  const out: LineContext[] = new Array(lines.length);
  if (language === "sql") return classifySql(lines);
  if (language === "xml") return classifyXml(lines);
  const h = HEADERS[language];
  const downNames = language === "python" || language === "go" ? reverseFunctionNames(lines) : null;
  const regions = language === "python" ? djangoRegions(lines) : null;
  let stack: Frame[] = [];
  let hunk = -1;
  for (let i = 0; i < lines.length; i++) {
    const sl = lines[i]!;
    if (sl.hunk !== hunk) {
      hunk = sl.hunk;
      stack = [];
      const header = hunkHeaders[hunk] ?? "";
      if (h && header) {
        const f = headerFrame(header, h, downNames);
        if (f) stack.push(f);
      }
    }
    const s = sl.text;
    // An opening brace on its own line (PHP, C#, Allman style) belongs to the header above it.
    if (h && !startsInString[i] && s.trim() !== "" && s.trim() !== "{") {
      const ind = indentOf(s);
      while (stack.length > 0 && ind <= stack[stack.length - 1]!.indent) stack.pop();
      const f = headerFrame(s, h, downNames);
      if (f) stack.push(f);
    }
    let section: Section = "neutral";
    let table: Frame["table"];
    for (let k = stack.length - 1; k >= 0; k--) {
      const f = stack[k]!;
      if (!table && f.table) table = f.table;
      if (f.section) {
        section = f.section;
        break;
      }
    }
    // A table block opened above a section header still applies inside it.
    if (!table) for (let k = stack.length - 1; k >= 0 && !table; k--) table = stack[k]!.table;
    const region = regions?.[i];
    if (region) section = region;
    out[i] = table ? { section, table: table.name, tableMode: table.mode } : { section };
  }
  return out;
}

function headerFrame(s: string, h: HeaderPatterns, downNames: Set<string> | null): Frame | null {
  const indent = indentOf(s);
  for (const re of h.down) if (re.test(s)) return { indent, section: "down" };
  for (const re of h.up) if (re.test(s)) return { indent, section: "up" };
  if (h.fn?.test(s)) {
    const name = /(?:def|func|function)\s+(\w+)/.exec(s)?.[1];
    return { indent, section: name && downNames?.has(name) ? "down" : "neutral" };
  }
  if (h.table)
    for (const t of h.table) {
      const m = t.re.exec(s);
      if (m) return { indent, table: { name: t.name(m), mode: t.mode(m) } };
    }
  return null;
}

/** Names of rollback functions: Django `RunPython(fwd, rev)` / `reverse_code=rev`, goose `AddMigration(up, down)`. */
function reverseFunctionNames(lines: readonly SideLine[]): Set<string> {
  const names = new Set<string>();
  for (const sl of lines) {
    const s = sl.text;
    if (!s.includes("RunPython") && !s.includes("reverse_code") && !s.includes("AddMigration")) continue;
    const kw = /reverse_code\s*=\s*([A-Za-z_]\w*)/.exec(s);
    if (kw) names.add(kw[1]!);
    const pos = /(?:RunPython|AddMigration\w*)\(\s*[A-Za-z_][\w.]*\s*,\s*([A-Za-z_]\w*)\s*[,)]/.exec(s);
    if (pos) names.add(pos[1]!);
  }
  return names;
}

/** Django keyword regions whose code never runs forward against the database. */
function djangoRegions(lines: readonly SideLine[]): (Section | undefined)[] {
  const out: (Section | undefined)[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]!.text;
    // A module-level constant named like a rollback (`REVERSE_SQL = """DROP TABLE ..."""`) is the reverse too.
    const constant = /^([A-Za-z_]\w*)\s*=(?!=)/.exec(s);
    const rollbackConstant =
      constant && /reverse|rollback|backward|undo|revert|down/i.test(constant[1]!) ? constant : null;
    if (!rollbackConstant && !s.includes("reverse_") && !s.includes("state_operations")) continue;
    const m = rollbackConstant ?? /\b(reverse_sql|reverse_code|state_operations)\s*=/.exec(s);
    if (!m) continue;
    const section: Section = m[1] === "state_operations" ? "state" : "down";
    const end = expressionEnd(lines, i, m.index + m[0].length);
    for (let k = i; k <= end; k++) out[k] = section;
  }
  return out;
}

/**
 * The last line index of a Python/JS-ish expression starting at (line, col): brackets and quotes
 * balanced, ending at a top-level `,` or `)` or the end of a line with nothing open. Bounded.
 */
export function expressionEnd(lines: readonly SideLine[], start: number, col: number): number {
  let depth = 0;
  let quote: string | null = null;
  const limit = Math.min(lines.length, start + 200);
  for (let k = start; k < limit; k++) {
    if (k > start && lines[k]!.hunk !== lines[start]!.hunk) return k - 1;
    const s = lines[k]!.text;
    for (let i = k === start ? col : 0; i < s.length; i++) {
      const c = s[i]!;
      if (quote) {
        if (c === "\\") i++;
        else if (s.startsWith(quote, i)) {
          i += quote.length - 1;
          quote = null;
        }
        continue;
      }
      if ((c === '"' || c === "'") && s[i + 1] === c && s[i + 2] === c) {
        quote = c.repeat(3);
        i += 2;
      } else if (c === '"' || c === "'" || c === "`") quote = c;
      else if (c === "#") break;
      else if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") {
        if (depth === 0) return k;
        depth--;
      } else if (c === "," && depth === 0) return k;
    }
    if (quote && quote.length === 1) quote = null;
    if (depth === 0 && !quote) {
      const rest = s.slice(k === start ? col : 0).trim();
      if (rest !== "" && !rest.endsWith("\\")) return k;
    }
  }
  return limit - 1;
}

const SQL_DOWN_MARKER =
  /^\s*--\s*(?:\+\s*(?:goose|migrate)\s+down\b|migrate:down\b|\/\/\s*@UNDO\b|down\s+migration\b|rollback\b)/i;
const SQL_UP_MARKER = /^\s*--\s*(?:\+\s*(?:goose|migrate)\s+up\b|migrate:up\b|up\s+migration\b|changeset\b)/i;

function classifySql(lines: readonly SideLine[]): LineContext[] {
  const out: LineContext[] = [];
  let section: Section = "neutral";
  for (const sl of lines) {
    const s = sl.text;
    // Liquibase formatted SQL: `--rollback <stmt>` lines are the rollback of the changeset above.
    if (/^\s*--\s*rollback\b/i.test(s)) {
      out.push({ section: "down" });
      continue;
    }
    if (SQL_DOWN_MARKER.test(s)) section = "down";
    else if (SQL_UP_MARKER.test(s)) section = "up";
    out.push({ section });
  }
  return out;
}

function classifyXml(lines: readonly SideLine[]): LineContext[] {
  const out: LineContext[] = [];
  let inRollback = false;
  for (const sl of lines) {
    const s = sl.text;
    const opens = /<rollback\b(?![^>]*\/>)/.test(s);
    if (opens) inRollback = true;
    out.push({ section: inRollback || /<rollback\b/.test(s) ? "down" : "neutral" });
    if (/<\/rollback>/.test(s)) inRollback = false;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Calls and arguments

/**
 * The text of a call starting at `col` of line `start`: up to the balancing `)` when the call has
 * parentheses, otherwise (Ruby/Elixir) the line plus continuation lines ending in `,` or `\`.
 * Bounded to 40 lines of the same hunk.
 */
export function gatherCall(lines: readonly SideLine[], start: number, col: number): { text: string; end: number } {
  const first = lines[start]!.text.slice(col);
  const paren = /^[\w.:>$-]*\s*\(/.exec(first) !== null;
  let text = "";
  let depth = 0;
  let quote: string | null = null;
  let opened = false;
  const limit = Math.min(lines.length, start + 40);
  for (let k = start; k < limit; k++) {
    if (k > start && lines[k]!.hunk !== lines[start]!.hunk) return { text, end: k - 1 };
    const s = k === start ? first : lines[k]!.text;
    if (!paren) {
      text += (k === start ? "" : " ") + s.trim();
      const t = s.trimEnd();
      if (!(t.endsWith(",") || t.endsWith("\\") || t.endsWith("(") || t.endsWith("["))) return { text, end: k };
      continue;
    }
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      text += c;
      if (quote) {
        if (c === "\\") {
          text += s[i + 1] ?? "";
          i++;
        } else if (c === quote) quote = null;
        continue;
      }
      if (c === '"' || c === "'" || c === "`") quote = c;
      else if (c === "(" || c === "[" || c === "{") {
        depth++;
        opened = true;
      } else if (c === ")" || c === "]" || c === "}") {
        depth--;
        if (opened && depth <= 0) return { text, end: k };
      }
    }
    if (quote !== "`") quote = null;
    text += "\n";
  }
  return { text, end: limit - 1 };
}

/** Split the argument list of a call text (after its first `(`, or after the method name) at top-level commas. */
export function splitArgs(callText: string): string[] {
  const open = callText.indexOf("(");
  const nameEnd = /^[\w.:>$-]*\s*/.exec(callText)?.[0].length ?? 0;
  let body =
    open >= 0 && open <= nameEnd
      ? callText.slice(open + 1)
      : // Ruby/Elixir calls without parentheses may open a block: `create_table :tags do |t|`.
        callText
          .slice(nameEnd)
          .replace(/\s+do\s*(?:\|[^|]*\|)?\s*$/, "")
          .replace(/\s*\{\s*\|[^|]*\|.*$/, "");
  const args: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote) {
      cur += c;
      if (c === "\\") {
        cur += body[i + 1] ?? "";
        i++;
      } else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") {
      quote = c;
      cur += c;
    } else if (c === "(" || c === "[" || c === "{") {
      depth++;
      cur += c;
    } else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) {
        body = "";
        break;
      }
      depth--;
      cur += c;
    } else if (c === "," && depth === 0) {
      args.push(cur.trim());
      cur = "";
    } else cur += c;
  }
  if (cur.trim() !== "") args.push(cur.trim());
  return args;
}

/** A keyword argument `name: x` / `name=x` / `name => x` among split args, or undefined. */
export function namedArg(args: readonly string[], name: string): string | undefined {
  const re = new RegExp(`^${name}\\s*(?::(?!:)|=>|=(?!=))\\s*([\\s\\S]*)$`);
  for (const a of args) {
    const m = re.exec(a);
    if (m) return m[1]!.trim();
  }
  return undefined;
}

/** Positional arguments: those that are not `key: value` / `key=value`. */
export function positionalArgs(args: readonly string[]): string[] {
  return args.filter((a) => !/^\w+\s*(?::(?!:)\s|=>|=(?!=))/.test(a) && !/^\w+:$/.test(a));
}

/** The identifier(s) an argument literally names: `:users`, `"users"`, `%i[a b]`, `[:a, :b]`, `table(:users)`. */
export function literalNames(arg: string | undefined): string[] {
  if (!arg) return [];
  const a = arg.trim().replace(/^\*+/, "");
  let m = /^:"?([\w.$]+)"?$/.exec(a);
  if (m) return [m[1]!];
  m = /^[rbuf]?["'`]([^"'`]*)["'`]$/i.exec(a);
  if (m) return m[1] ? [m[1].replace(/^"|"$/g, "")] : [];
  m = /^%[iwIW][[(]([^\])]*)[\])]$/.exec(a);
  if (m) return m[1]!.split(/\s+/).filter(Boolean);
  m = /^\[([\s\S]*)\]$/.exec(a);
  if (m)
    return m[1]!
      .split(",")
      .flatMap((x) => literalNames(x))
      .slice(0, 50);
  m = /^(?:table|index|unique_index)\(\s*:?["']?([\w.]+)/.exec(a);
  if (m) return [m[1]!];
  m = /^(?:sa\.)?Column\(\s*["']([\w.]+)["']/.exec(a);
  if (m) return [m[1]!];
  m = /^nameof\((\w+)\)$/.exec(a);
  if (m) return [m[1]!];
  return [];
}

export function literalName(arg: string | undefined): string | undefined {
  return literalNames(arg)[0];
}
