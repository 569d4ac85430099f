import type { ChangedFile } from "../diff/model.js";

/**
 * Per-analysis caches. A rule context's file list and its ChangedFile objects live for one analysis,
 * so results keyed on them (weakly) are computed once and shared by every rule that asks.
 */

/** Memoise one analysis per file list, so several rules share one pass over the diff. */
export function memoByFiles<T>(compute: (files: readonly ChangedFile[]) => T): (files: readonly ChangedFile[]) => T {
  const cache = new WeakMap<readonly ChangedFile[], T>();
  return (files) => {
    let value = cache.get(files);
    if (value === undefined) {
      value = compute(files);
      cache.set(files, value);
    }
    return value;
  };
}

/** Memoise a per-file test for one key object (e.g. a path classifier: picomatch calls are the costly part). */
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
