import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The labelled corpora live in `shared/corpus/` beside the repository (CI clones main with shared/ next
 * to it). `CORPUS_DIR` overrides the location. A missing corpus skips its suites locally, with a
 * message, but fails under CI: an accuracy suite must never pass by not running.
 */
export const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? join(import.meta.dirname, "../../../shared/corpus"));

export function corpusFile(...parts: string[]): string {
  return join(CORPUS_DIR, ...parts);
}

/** True when the file is there; under CI a missing corpus is an error. */
export function corpusAvailable(path: string): boolean {
  if (existsSync(path)) return true;
  const message = `labelled corpus not found at ${path} (set CORPUS_DIR to the shared/corpus folder)`;
  if (process.env.CI) throw new Error(message);
  console.warn(`skipping: ${message}`);
  return false;
}

/** Objects of a JSON Lines file, or [] when the corpus is absent outside CI. */
export function readJsonl<T>(path: string): T[] {
  if (!corpusAvailable(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);
}
