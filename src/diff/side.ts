import type { ChangedFile, DiffLine } from "./model.js";

/**
 * One side of a diff: the lines of a changed file as they read before ("old": context and removed
 * lines) or after ("new": context and added lines) the change, in file order. Every reader of the
 * engine (workflow YAML, infrastructure, dependency manifests, migrations, line rules) walks this one
 * view, computed once per file and side and shared for the whole analysis.
 */

export type Side = "old" | "new";

/**
 * The engine's one long-line policy: a line longer than this is cut to it, and marked with CUT_MARK,
 * before any reader sees it (minified or generated text). Every regex then runs on bounded input; the
 * start of a long line, where a command or a key sits, is still read; and the mark keeps the cut from
 * looking like the line's end (`$`-anchored patterns, closing quotes, `\` continuations do not match it).
 */
export const MAX_LINE = 4000;
export const CUT_MARK = "\u2026";

/** Whole-side text above this size is never handed to a parser (YAML, HCL, JSON); line readers take over. */
export const MAX_PARSE_CHARS = 512 * 1024;

export function cutLine(text: string): string {
  return text.length > MAX_LINE ? text.slice(0, MAX_LINE) + CUT_MARK : text;
}

/** One line of one side of a file. */
export interface SideLine {
  /** 1-based line number on this side. */
  line: number;
  /** The line's text, cut to MAX_LINE characters. */
  text: string;
  /** True for an added (new side) or removed (old side) line; false for context. */
  changed: boolean;
  /** Index of the hunk the line belongs to: lines of different hunks are not contiguous. */
  hunk: number;
  /** First line of its hunk: what came before it is not visible, so structural state is uncertain. */
  hunkStart: boolean;
  /** The hunk header's trailing text (git's "function context": often the enclosing block or key). */
  header: string;
}

export interface SideView {
  side: Side;
  /** Every line of this side the diff shows, in order. */
  lines: readonly SideLine[];
  /** The same lines grouped by hunk; `hunks[i]` belongs to `file.hunks[i]` (empty when it has none here). */
  hunks: readonly (readonly SideLine[])[];
  /** Index in `lines` of the line with this number, or undefined when the diff does not show it. */
  indexOf(line: number): number | undefined;
}

const views = { old: new WeakMap<ChangedFile, SideView>(), new: new WeakMap<ChangedFile, SideView>() };

/** The view of one side of a file; built on first use and shared by every reader of this file. */
export function sideOf(file: ChangedFile, side: Side): SideView {
  const cache = views[side];
  let view = cache.get(file);
  if (!view) {
    view = buildView(file, side);
    cache.set(file, view);
  }
  return view;
}

function buildView(file: ChangedFile, side: Side): SideView {
  const lines: SideLine[] = [];
  const hunks: SideLine[][] = [];
  const skip = side === "new" ? "del" : "add";
  for (let h = 0; h < file.hunks.length; h++) {
    const hunk = file.hunks[h]!;
    const own: SideLine[] = [];
    for (const c of hunk.changes) {
      if (c.type === skip) continue;
      const line = side === "new" ? c.newLine : c.oldLine;
      if (line === undefined) continue;
      const sideLine: SideLine = {
        line,
        text: cutLine(c.content),
        changed: c.type !== "context",
        hunk: h,
        hunkStart: own.length === 0,
        header: hunk.header,
      };
      own.push(sideLine);
      lines.push(sideLine);
    }
    hunks.push(own);
  }
  let index: Map<number, number> | null = null;
  return {
    side,
    lines,
    hunks,
    indexOf(line) {
      if (!index) {
        index = new Map();
        for (let i = 0; i < lines.length; i++) index.set(lines[i]!.line, i);
      }
      return index.get(line);
    },
  };
}

const changedTexts = { old: new WeakMap<ChangedFile, string>(), new: new WeakMap<ChangedFile, string>() };

function joinCut(lines: readonly DiffLine[]): string {
  const parts: string[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) parts[i] = cutLine(lines[i]!.content);
  return parts.join("\n");
}

function changedText(file: ChangedFile, side: Side): string {
  const cache = changedTexts[side];
  let t = cache.get(file);
  if (t === undefined) {
    t = joinCut(side === "new" ? file.added : file.removed);
    cache.set(file, t);
  }
  return t;
}

/**
 * All added lines of a file as one string, cached: rules test their keywords on it once per file
 * (one fast scan) and only walk the lines of files that can match.
 */
export function addedText(file: ChangedFile): string {
  return changedText(file, "new");
}

/** All removed lines of a file as one string, cached (see addedText). */
export function removedText(file: ChangedFile): string {
  return changedText(file, "old");
}

/** Everything the diff shows of a file, both sides, up to `maxChars`: the cheap input of content sniffs. */
export function visibleText(file: ChangedFile, maxChars = MAX_PARSE_CHARS): string {
  const parts: string[] = [];
  let size = 0;
  for (const hunk of file.hunks) {
    for (const c of hunk.changes) {
      const text = cutLine(c.content);
      size += text.length + 1;
      if (size > maxChars) return parts.join("\n");
      parts.push(text);
    }
  }
  return parts.join("\n");
}

/**
 * The whole text of one side when the diff holds all of it (an added file's new side, a deleted
 * file's old side), for a real parser; null otherwise or above MAX_PARSE_CHARS. Lines are not cut:
 * a parser needs the text as it is, and the total size bounds its work.
 */
export function wholeSideText(file: ChangedFile, side: Side): string | null {
  if (file.patchMissing || file.binary) return null;
  if (side === "new" && file.status !== "added") return null;
  if (side === "old" && file.status !== "deleted") return null;
  const lines = side === "new" ? file.added : file.removed;
  let size = 0;
  for (const l of lines) size += l.content.length + 1;
  if (size > MAX_PARSE_CHARS) return null;
  return lines.map((l) => l.content).join("\n");
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
