import { describe, expect, it } from "vitest";
import { lintSuppressionRule } from "../../../src/rules/safety-bypass/lint-suppression.js";
import { addedFile, runRule } from "../../support/diff.js";

describe("safety-bypass/lint-suppression: only real directives", () => {
  it("ignores directive names inside strings and regex literals (a linter's own source)", async () => {
    const diff = addedFile("src/lint/detect.ts", [
      "const HINT = /eslint-disable|@ts-ignore|biome-ignore|noqa/;",
      'const label = "eslint-disable-next-line";',
      "expect(out).toContain('@ts-nocheck');",
    ]);
    expect(await runRule(lintSuppressionRule, diff)).toEqual([]);
  });

  it("still flags directives in comments, including ones that start with their marker", async () => {
    const diff =
      addedFile("src/a.ts", [
        "const x = y as any; // eslint-disable-line @typescript-eslint/no-explicit-any",
        "/* eslint-disable */",
        " * @ts-nocheck",
      ]) +
      addedFile("pkg/x.go", ["x := y //nolint:errcheck"]) +
      addedFile("app/x.py", ["import os  # noqa: F401"]);
    const found = await runRule(lintSuppressionRule, diff);
    expect(found.map((f) => `${f.file}:${f.line}`)).toEqual([
      "src/a.ts:1",
      "src/a.ts:2",
      "src/a.ts:3",
      "pkg/x.go:1",
      "app/x.py:1",
    ]);
  });
});
