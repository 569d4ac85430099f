// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { governanceFileChangedRule } from "../../../src/rules/ci-workflow/governance-file-changed.js";
import { addedFile, modifiedFile, modifiedYamlFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("ci-workflow/governance-file-changed", () => {
  it("flags CODEOWNERS, rulesets and this gate's own config", async () => {
    const diff =
      modifiedYamlFile(".github/CODEOWNERS", ["-/infra/ @org/platform", "+/infra/ @someone"]) +
      addedFile(".github/rulesets/main.json", ["{}"]) +
      modifiedYamlFile(".github/ai-review-gate.yml", ["gate:", "-  min_level: low", "+  min_level: critical"]);
    const f = await runRule(governanceFileChangedRule, diff);
    expect(f).toHaveLength(3);
    expect(f.every((x) => x.severity === undefined)).toBe(true);
    expect(f.find((x) => x.file === ".github/ai-review-gate.yml")?.message).toContain("ai-review-gate");
  });

  it("ignores unrelated files with similar names", async () => {
    const diff =
      modifiedYamlFile("src/CODEOWNERS.ts", ["+export const x = 1;"]) +
      modifiedYamlFile("docs/settings.yml", ["+a: 1"]);
    expect(await runRule(governanceFileChangedRule, diff)).toEqual([]);
  });
});

ruleTester(governanceFileChangedRule, {
  valid: [
    { name: "a CODEOWNERS file GitHub does not read", diff: addedFile("src/CODEOWNERS", ["* @org/team"]) },
    { name: "an ordinary workflow", diff: addedFile(".github/workflows/ci.yml", ["on: push"]) },
  ],
  invalid: [
    {
      name: "CODEOWNERS changed",
      diff: modifiedFile(".github/CODEOWNERS", ["-* @org/reviewers", "+* @someone"]),
      findings: [{ line: 1, message: "CODEOWNERS (who must review which paths)" }],
    },
    {
      name: "this gate's own config, even when the config ignores it",
      diff: modifiedFile(".github/ai-review-gate.yml", ["-  threshold: medium", "+  threshold: critical"]),
      config: { paths: { ignore: [".github/**"] } },
      findings: [{ line: 1, message: "ai-review-gate configuration" }],
    },
  ],
});
