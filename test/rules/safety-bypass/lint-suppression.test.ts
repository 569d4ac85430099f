import { describe, expect, it } from "vitest";
import { lintSuppressionRule } from "../../../src/rules/safety-bypass/lint-suppression.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("safety-bypass/lint-suppression", () => {
  it("flags suppressions across languages and names the rule disabled", async () => {
    const diff =
      addedFile("src/mixed.ts", [
        "// eslint-disable-next-line @typescript-eslint/no-explicit-any",
        "// @ts-ignore",
        "// @ts-expect-error wrong types upstream",
      ]) +
      addedFile("app/x.py", ["import os  # noqa: F401", "x = f()  # type: ignore[arg-type]"]) +
      addedFile("pkg/x.go", ["x := y //nolint:errcheck"]) +
      addedFile("src/x.rs", ["#[allow(dead_code)]"]) +
      addedFile("app/x.rb", ["# rubocop:disable Metrics/AbcSize"]) +
      addedFile("src/X.java", ['@SuppressWarnings("unchecked")']);
    const f = await runRule(lintSuppressionRule, diff);
    // Routine one-line silences are low; rubocop:disable on a line of its own holds to the end of the block.
    expect(f.map((x) => x.severity)).toEqual(["low", "low", "low", "low", "low", "low", "low", "medium", "low"]);
    expect(f[0]!.message).toContain("@typescript-eslint/no-explicit-any");
    expect(f[5]!.message).toContain("errcheck");
  });

  it("ignores suppressions removed or only moved, and docs", async () => {
    const diff =
      modifiedFile("src/a.ts", ["-// @ts-ignore", "-foo();", "+// @ts-ignore", "+foo(1);", "-// eslint-disable-line"]) +
      addedFile("docs/lint.md", ["Use `// eslint-disable-next-line` sparingly."]);
    expect(await runRule(lintSuppressionRule, diff)).toEqual([]);
  });

  it("caps findings per file", async () => {
    const diff = addedFile(
      "src/gen.ts",
      Array.from({ length: 30 }, (_, i) => `const a${i} = x as any; // @ts-ignore`),
    );
    const f = await runRule(lintSuppressionRule, diff);
    expect(f).toHaveLength(21);
    expect(f[20]!.message).toContain("10 more");
  });
});

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

ruleTester(lintSuppressionRule, {
  valid: [
    {
      name: "a directive name inside a string",
      diff: addedFile("src/lint.ts", ['const label = "eslint-disable-next-line";']),
    },
    {
      name: "a suppression that only moved",
      diff: modifiedFile("src/a.ts", ["-// @ts-ignore", " const a = 1;", "+// @ts-ignore"]),
    },
    { name: "documentation", diff: addedFile("docs/style.md", ["Avoid `// eslint-disable` comments."]) },
  ],
  invalid: [
    {
      name: "eslint-disable naming the rule, for one line: low",
      diff: addedFile("src/a.ts", ["// eslint-disable-next-line no-console", "console.log(1);"]),
      findings: [{ line: 1, severity: "low", message: "eslint-disable (no-console) added in src/a.ts" }],
    },
    {
      name: "routine Python silences: # noqa and # type: ignore are low",
      diff: addedFile("hc/local_settings.py", [
        "from .settings import *  # noqa",
        "x = cast(y)  # type: ignore[arg-type]",
      ]),
      findings: [
        { line: 1, severity: "low" },
        { line: 2, severity: "low" },
      ],
    },
    {
      name: "blanket silences and security scanners: medium",
      diff:
        addedFile("src/legacy.ts", [
          "/* eslint-disable */",
          "// @ts-nocheck",
          "run(code); // eslint-disable-line no-eval",
        ]) +
        addedFile("app/run.py", [
          "subprocess.call(cmd, shell=True)  # nosec",
          "# pylint: disable=broad-except",
          "x()  # noqa: S603",
        ]) +
        addedFile("src/lib.rs", ["#![allow(clippy::all)]"]),
      findings: [
        { file: "src/legacy.ts", line: 1, severity: "medium" },
        { file: "src/legacy.ts", line: 2, severity: "medium" },
        { file: "src/legacy.ts", line: 3, severity: "medium" },
        { file: "app/run.py", line: 1, severity: "medium" },
        { file: "app/run.py", line: 2, severity: "medium" },
        { file: "app/run.py", line: 3, severity: "medium" },
        { file: "src/lib.rs", line: 1, severity: "medium" },
      ],
    },
    {
      name: "@ts-expect-error is low",
      diff: addedFile("src/a.ts", ["// @ts-expect-error legacy types", "call(x);"]),
      findings: [{ line: 1, severity: "low" }],
    },
  ],
});
