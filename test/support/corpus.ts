import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The labelled corpora live in `shared/corpus/` beside the repository; `CORPUS_DIR` overrides the
 * location. A fresh clone has no corpus: its suites are skipped with a note on stderr, so `npm test`
 * passes on a contributor's machine and on GitHub's runners. `.ci/run` sets `REQUIRE_CORPUS=1`, where a
 * missing corpus fails instead: an accuracy suite must never pass there by not running.
 */
export const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? join(import.meta.dirname, "../../../shared/corpus"));

export function corpusFile(...parts: string[]): string {
  return join(CORPUS_DIR, ...parts);
}

/** True when the file is there; when `REQUIRE_CORPUS=1`, a missing corpus is an error. */
export function corpusAvailable(path: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (existsSync(path)) return true;
  const message = `labelled corpus not found at ${path} (clone shared/ beside the repository or set CORPUS_DIR)`;
  if (env.REQUIRE_CORPUS === "1") throw new Error(`${message}; REQUIRE_CORPUS=1 makes this an error`);
  console.warn(`skipping the suites that need it: ${message}`);
  return false;
}

/** Objects of a JSON Lines file, or [] when the corpus is absent and not required. */
export function readJsonl<T>(path: string): T[] {
  if (!corpusAvailable(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);
}
