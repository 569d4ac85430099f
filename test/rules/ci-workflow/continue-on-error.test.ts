// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { continueOnErrorRule } from "../../../src/rules/ci-workflow/continue-on-error.js";
import { modifiedYamlFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

const WF = ".github/workflows/ci.yml";

describe("ci-workflow/continue-on-error", () => {
  it("is medium on a test job and names it", async () => {
    const diff = modifiedYamlFile(WF, [
      "jobs:",
      "  unit-tests:",
      "    runs-on: ubuntu-latest",
      "+    continue-on-error: true",
    ]);
    const f = await runRule(continueOnErrorRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("medium");
    expect(f[0]!.message).toContain("job unit-tests");
  });

  it("is low on a non-check job, and silent for false or an existing setting", async () => {
    const low = modifiedYamlFile(WF, ["jobs:", "  notify:", "+    continue-on-error: true"]);
    expect((await runRule(continueOnErrorRule, low))[0]!.severity).toBe("low");
    const none = modifiedYamlFile(WF, [
      "jobs:",
      "  test:",
      "+    continue-on-error: false",
      "-      continue-on-error: true",
      "+    continue-on-error: true",
    ]);
    expect(await runRule(continueOnErrorRule, none)).toEqual([]);
  });
});

ruleTester(continueOnErrorRule, {
  valid: [
    {
      name: "continue-on-error: false",
      diff: modifiedYamlFile(".github/workflows/ci.yml", ["jobs:", "  test:", "+    continue-on-error: false"]),
    },
    {
      name: "a setting that only moved",
      diff: modifiedYamlFile(".github/workflows/ci.yml", [
        "jobs:",
        "  test:",
        "-    continue-on-error: true",
        "     runs-on: ubuntu-latest",
        "+    continue-on-error: true",
      ]),
    },
  ],
  invalid: [
    {
      name: "on a test job (medium)",
      diff: modifiedYamlFile(".github/workflows/ci.yml", [
        "jobs:",
        "  test:",
        "    runs-on: ubuntu-latest",
        "+    continue-on-error: true",
      ]),
      findings: [{ line: 4, severity: "medium", message: "continue-on-error: true added to job test" }],
    },
    {
      name: "on a deploy job (low)",
      diff: modifiedYamlFile(".github/workflows/cd.yml", ["jobs:", "  deploy:", "+    continue-on-error: true"]),
      findings: [{ line: 3, severity: "low" }],
    },
  ],
});
