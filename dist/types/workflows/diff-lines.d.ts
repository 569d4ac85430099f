import type { ChangedFile, DiffLine } from "../diff/model.js";
/**
 * Line helpers shared by the ci-workflow, destructive-command and safety-bypass rules:
 * an ordered view of one side of a file's hunks, comment detection, and line-length caps
 * that keep every regex linear and cheap.
 */
/** Lines longer than this are trimmed before any regex runs (minified or generated text). */
export declare const MAX_LINE = 4000;
export declare function capLine(s: string): string;
/** One line of a side of the diff, in hunk order. `changed` is true for added (new side) or removed (old side). */
export interface SideLine {
    line: number;
    content: string;
    changed: boolean;
    /** Index of the hunk the line belongs to: a walk back to find a parent key stops at the hunk start. */
    hunk: number;
}
/** The new side (context + added lines) or the old side (context + removed lines), in order. */
export declare function sideView(file: ChangedFile, side: "new" | "old"): SideLine[];
/** True when the line is only a comment in the file's language (best effort, by extension). */
export declare function isCommentLine(path: string, content: string): boolean;
/**
 * Added (or removed) lines joined across shell continuations (`\` at the end), so a command split
 * over several lines is matched as one. Each logical line keeps the number of its first line.
 */
export declare function logicalLines(lines: readonly DiffLine[], maxJoin?: number): DiffLine[];
/**
 * Counts what the removed lines already had, so an added line that only re-states it (a moved or
 * re-indented skip, suppression or setting) is not reported as new. `take(key)` consumes one.
 */
export declare class RemovedTally {
    private readonly counts;
    add(key: string): void;
    take(key: string): boolean;
}
/** Short quoted text for messages. */
export declare function shorten(s: string, max?: number): string;
/**
 * All added lines of a file as one string, cached: rules test their keywords on it once per file
 * (one fast scan) and only walk the lines of files that can match.
 */
export declare function addedText(file: ChangedFile): string;
/** All removed lines of a file as one string, cached (see addedText). */
export declare function removedText(file: ChangedFile): string;
/** Memoize a per-file path test for one classifier (picomatch calls are the costly part). */
export declare function memoByFile<K extends object>(cache: WeakMap<K, WeakMap<ChangedFile, boolean>>, key: K, file: ChangedFile, compute: () => boolean): boolean;
