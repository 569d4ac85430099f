import { extensionOf } from "../util/paths.js";
import { isCommentLine } from "./line-syntax.js";
import type { ChangedFile } from "./model.js";
import { cutLine } from "./side.js";

/**
 * What counts as a real code change (the missing-tests rule counts these). Added lines that are blank,
 * comments, import/include/require lines, lone punctuation or block keywords (`}`, `end`, `else`),
 * or the same text as a removed line of the same file (moved or re-indented code) change no
 * behaviour a test could catch, so they do not count.
 */

const IMPORT_LINE =
  /^(?:import\s|import\(|from\s+[\w.]+\s+import\s|export\s+(?:\*|\{[^}]*\})\s+from\s|(?:const|let|var)\s+[\w{},\s]+=\s*require\(["'][^"']+["']\);?$|require(?:_relative)?\s*\(?["']|use\s+[\w:\\{}, ]+;?$|using\s+[\w.=\s]+;$|#include\s|package\s+[\w.]+;?$|@import\s|alias\s+[\w.]+$)/;
/** First characters of the statements IMPORT_LINE knows (i, f, e, c, l, v, r, u, #, p, @, a): a cheap prefilter. */
const IMPORT_FIRST_CHARS = new Set([..."ifeclvru#p@a"].map((c) => c.charCodeAt(0)));
const PUNCTUATION_ONLY = /^[\s{}()[\];,.:]*$/;
const BLOCK_KEYWORDS = new Set([
  "end",
  "else",
  "else:",
  "pass",
  "begin",
  "}else{",
  "} else {",
  "try:",
  "finally:",
  "do",
]);

/** A Python docstring line: documentation, like a comment. */
function isDocstringLine(trimmed: string, ext: string): boolean {
  return ext === "py" && (trimmed.startsWith('"""') || trimmed.startsWith("'''"));
}

/**
 * Added lines of a file that change behaviour, counted up to `limit` (callers only need to know
 * "at least one" and "more than the large-change threshold"). Linear in the file's changed lines.
 */
export function meaningfulAddedLines(file: ChangedFile, limit = Number.POSITIVE_INFINITY): number {
  if (file.added.length === 0) return 0;
  const ext = extensionOf(file.path);
  // Multiset of removed lines (trimmed), built on first need: an added line equal to a removed one is a move.
  let removed: Map<string, number> | null = null;
  let count = 0;
  let inGoImportBlock = false;
  for (const a of file.added) {
    const t = cutLine(a.content).trim();
    if (ext === "go") {
      if (/^import\s*\($/.test(t)) {
        inGoImportBlock = true;
        continue;
      }
      if (inGoImportBlock) {
        if (t === ")") inGoImportBlock = false;
        continue;
      }
    }
    if (t === "" || PUNCTUATION_ONLY.test(t)) continue;
    if (t.length < 20 && BLOCK_KEYWORDS.has(t.replace(/[{}():;,\s]+/g, " ").trim())) continue;
    if (
      isCommentLine(file.path, t) ||
      isDocstringLine(t, ext) ||
      (IMPORT_FIRST_CHARS.has(t.charCodeAt(0)) && IMPORT_LINE.test(t))
    )
      continue;
    if (removed === null) {
      removed = new Map();
      for (const r of file.removed) {
        const rt = r.content.trim();
        removed.set(rt, (removed.get(rt) ?? 0) + 1);
      }
    }
    const moved = removed.get(t);
    if (moved) {
      removed.set(t, moved - 1);
      continue;
    }
    if (++count >= limit) return count;
  }
  return count;
}
