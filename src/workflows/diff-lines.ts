import type { ChangedFile, DiffLine } from "../diff/model.js";
import { basenameOf, extensionOf } from "../util/paths.js";

/**
 * Line helpers shared by the ci-workflow, destructive-command and safety-bypass rules:
 * an ordered view of one side of a file's hunks, comment detection, and line-length caps
 * that keep every regex linear and cheap.
 */

/** Lines longer than this are trimmed before any regex runs (minified or generated text). */
export const MAX_LINE = 4000;

export function capLine(s: string): string {
  return s.length > MAX_LINE ? s.slice(0, MAX_LINE) : s;
}

/** One line of a side of the diff, in hunk order. `changed` is true for added (new side) or removed (old side). */
export interface SideLine {
  line: number;
  content: string;
  changed: boolean;
  /** Index of the hunk the line belongs to: a walk back to find a parent key stops at the hunk start. */
  hunk: number;
}

/** The new side (context + added lines) or the old side (context + removed lines), in order. */
export function sideView(file: ChangedFile, side: "new" | "old"): SideLine[] {
  const out: SideLine[] = [];
  file.hunks.forEach((hunk, h) => {
    for (const c of hunk.changes) {
      if (side === "new") {
        if (c.type === "del" || c.newLine === undefined) continue;
        out.push({ line: c.newLine, content: c.content, changed: c.type === "add", hunk: h });
      } else {
        if (c.type === "add" || c.oldLine === undefined) continue;
        out.push({ line: c.oldLine, content: c.content, changed: c.type === "del", hunk: h });
      }
    }
  });
  return out;
}

const HASH_COMMENT_EXT = new Set([
  "sh",
  "bash",
  "zsh",
  "ksh",
  "fish",
  "py",
  "rb",
  "yml",
  "yaml",
  "toml",
  "tf",
  "tfvars",
  "hcl",
  "pl",
  "r",
  "ps1",
  "mk",
  "cfg",
  "conf",
  "ini",
  "env",
  "dockerfile",
  "",
]);
const DASH_COMMENT_EXT = new Set(["sql", "lua", "hs", "ada"]);

/** True when the line is only a comment in the file's language (best effort, by extension). */
export function isCommentLine(path: string, content: string): boolean {
  const t = content.trimStart();
  if (t.length === 0) return false;
  const ext = extensionOf(path);
  if (t.startsWith("//") || t.startsWith("/*") || t.startsWith("* ") || t === "*" || t.startsWith("<!--")) return true;
  if (t.startsWith("#")) {
    // `#!` shebangs and `#[attr]` (Rust), `#include` (C) are code, not comments.
    if (t.startsWith("#!") || t.startsWith("#[") || t.startsWith("#include") || t.startsWith("#define")) return false;
    const base = basenameOf(path).toLowerCase();
    return HASH_COMMENT_EXT.has(ext) || base === "makefile" || base.startsWith("dockerfile") || base === "jenkinsfile";
  }
  if (t.startsWith("-- ") && DASH_COMMENT_EXT.has(ext)) return true;
  if (/^rem\s/i.test(t) && (ext === "bat" || ext === "cmd")) return true;
  return false;
}

/**
 * Added (or removed) lines joined across shell continuations (`\` at the end), so a command split
 * over several lines is matched as one. Each logical line keeps the number of its first line.
 */
export function logicalLines(lines: readonly DiffLine[], maxJoin = 20): DiffLine[] {
  const out: DiffLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    let text = capLine(first.content);
    let last = first.line;
    let joined = 0;
    while (text.trimEnd().endsWith("\\") && joined < maxJoin && i + 1 < lines.length) {
      const next = lines[i + 1]!;
      if (next.line !== last + 1) break;
      text = `${text.trimEnd().slice(0, -1)} ${capLine(next.content).trim()}`;
      last = next.line;
      i++;
      joined++;
    }
    out.push({ line: first.line, content: text });
    i++;
  }
  return out;
}

/**
 * Counts what the removed lines already had, so an added line that only re-states it (a moved or
 * re-indented skip, suppression or setting) is not reported as new. `take(key)` consumes one.
 */
export class RemovedTally {
  private readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  take(key: string): boolean {
    const n = this.counts.get(key) ?? 0;
    if (n <= 0) return false;
    this.counts.set(key, n - 1);
    return true;
  }
}

/** Short quoted text for messages. */
export function shorten(s: string, max = 80): string {
  const t = s.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const addedTextCache = new WeakMap<ChangedFile, string>();
const removedTextCache = new WeakMap<ChangedFile, string>();

function joinLines(lines: readonly DiffLine[]): string {
  const parts: string[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) parts[i] = capLine(lines[i]!.content);
  return parts.join("\n");
}

/**
 * All added lines of a file as one string, cached: rules test their keywords on it once per file
 * (one fast scan) and only walk the lines of files that can match.
 */
export function addedText(file: ChangedFile): string {
  let t = addedTextCache.get(file);
  if (t === undefined) {
    t = joinLines(file.added);
    addedTextCache.set(file, t);
  }
  return t;
}

/** All removed lines of a file as one string, cached (see addedText). */
export function removedText(file: ChangedFile): string {
  let t = removedTextCache.get(file);
  if (t === undefined) {
    t = joinLines(file.removed);
    removedTextCache.set(file, t);
  }
  return t;
}

/** Memoize a per-file path test for one classifier (picomatch calls are the costly part). */
export function memoByFile<K extends object>(
  cache: WeakMap<K, WeakMap<ChangedFile, boolean>>,
  key: K,
  file: ChangedFile,
  compute: () => boolean,
): boolean {
  let inner = cache.get(key);
  if (!inner) {
    inner = new WeakMap();
    cache.set(key, inner);
  }
  let v = inner.get(file);
  if (v === undefined) {
    v = compute();
    inner.set(file, v);
  }
  return v;
}
