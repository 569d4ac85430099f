import type { ChangedFile } from "../diff/model.js";
/**
 * One side (base or head) of a changed file as far as the diff shows it: context lines plus the
 * removed (old side) or added (new side) lines, in file order. Parsers walk a side linearly, so
 * context lines can carry state (the enclosing JSON key, TOML table, XML element) to the changed ones.
 */
export interface SideLine {
    text: string;
    /** 1-based line number on this side. */
    line: number;
    /** True for an added (new side) or removed (old side) line; false for context. */
    changed: boolean;
    /** First line of a hunk: what came before it is not visible, so structural state is uncertain. */
    hunkStart: boolean;
    /** The hunk header's trailing text (git's "function context"), set on the first line of each hunk. */
    header: string;
}
export type Side = "old" | "new";
/** Lines longer than this are skipped by every parser: no real manifest line is this long. */
export declare const MAX_LINE = 4000;
export declare function sideLines(file: ChangedFile, side: Side): SideLine[];
export declare function indentOf(text: string): number;
