import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test, vi } from "vitest";
import { corpusAvailable } from "../support/corpus.js";

/**
 * A fresh clone has no labelled corpora: their suites skip with a note, so `npm test` passes there;
 * `.ci/run` sets REQUIRE_CORPUS=1, where a missing corpus fails the run instead.
 */
describe("corpus availability", () => {
  const missing = join(tmpdir(), "arg-no-corpus", "cases.jsonl");

  test("a missing corpus is skipped with a note naming the path", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(corpusAvailable(missing, {})).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(missing));
    warn.mockRestore();
  });

  test("REQUIRE_CORPUS=1 turns a missing corpus into an error; CI=true alone does not", () => {
    expect(() => corpusAvailable(missing, { REQUIRE_CORPUS: "1" })).toThrow(/REQUIRE_CORPUS=1/);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(corpusAvailable(missing, { CI: "true" })).toBe(false);
    warn.mockRestore();
  });

  test("a present corpus is used", () => {
    const dir = mkdtempSync(join(tmpdir(), "arg-corpus-"));
    writeFileSync(join(dir, "cases.jsonl"), "{}\n");
    expect(corpusAvailable(join(dir, "cases.jsonl"), { REQUIRE_CORPUS: "1" })).toBe(true);
  });
});
