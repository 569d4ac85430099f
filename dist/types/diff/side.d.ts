import type { ChangedFile } from "./model.js";
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
export declare const MAX_LINE = 4000;
export declare const CUT_MARK = "\u2026";
/** Whole-side text above this size is never handed to a parser (YAML, HCL, JSON); line readers take over. */
export declare const MAX_PARSE_CHARS: number;
export declare function cutLine(text: string): string;
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
/** The view of one side of a file; built on first use and shared by every reader of this file. */
export declare function sideOf(file: ChangedFile, side: Side): SideView;
/**
 * All added lines of a file as one string, cached: rules test their keywords on it once per file
 * (one fast scan) and only walk the lines of files that can match.
 */
export declare function addedText(file: ChangedFile): string;
/** All removed lines of a file as one string, cached (see addedText). */
export declare function removedText(file: ChangedFile): string;
/** Everything the diff shows of a file, both sides, up to `maxChars`: the cheap input of content sniffs. */
export declare function visibleText(file: ChangedFile, maxChars?: number): string;
/**
 * The whole text of one side when the diff holds all of it (an added file's new side, a deleted
 * file's old side), for a real parser; null otherwise or above MAX_PARSE_CHARS. Lines are not cut:
 * a parser needs the text as it is, and the total size bounds its work.
 */
export declare function wholeSideText(file: ChangedFile, side: Side): string | null;
/**
 * Counts what the removed lines already had, so an added line that only re-states it (a moved or
 * re-indented skip, suppression or setting) is not reported as new. `take(key)` consumes one.
 */
export declare class RemovedTally {
    private readonly counts;
    add(key: string): void;
    take(key: string): boolean;
}
