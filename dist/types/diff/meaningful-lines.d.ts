import type { ChangedFile } from "./model.js";
/**
 * Added lines of a file that change behaviour, counted up to `limit` (callers only need to know
 * "at least one" and "more than the large-change threshold"). Linear in the file's changed lines.
 */
export declare function meaningfulAddedLines(file: ChangedFile, limit?: number): number;
