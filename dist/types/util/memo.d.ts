import type { ChangedFile } from "../diff/model.js";
/**
 * Per-analysis caches. A rule context's file list and its ChangedFile objects live for one analysis,
 * so results keyed on them (weakly) are computed once and shared by every rule that asks.
 */
/** Memoise one analysis per file list, so several rules share one pass over the diff. */
export declare function memoByFiles<T>(compute: (files: readonly ChangedFile[]) => T): (files: readonly ChangedFile[]) => T;
/** Memoise a per-file test for one key object (e.g. a path classifier: picomatch calls are the costly part). */
export declare function memoByFile<K extends object>(cache: WeakMap<K, WeakMap<ChangedFile, boolean>>, key: K, file: ChangedFile, compute: () => boolean): boolean;
