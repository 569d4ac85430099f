// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { actionRepinnedRule } from "../../../src/rules/ci-workflow/action-repinned.js";
import { modifiedYamlFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

const WF = ".github/workflows/ci.yml";

describe("ci-workflow/action-repinned", () => {
  it("flags an action moved from a commit SHA to a tag", async () => {
    const diff = modifiedYamlFile(WF, [
      "jobs:",
      "  publish:",
      "    steps:",
      "-      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683",
      "+      - uses: actions/checkout@v4",
    ]);
    const f = await runRule(actionRepinnedRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("actions/checkout");
    expect(f[0]!.message).toContain("'v4'");
    expect(f[0]!.message).toContain("job publish");
  });

  it("does not flag SHA bumps or tag-to-tag bumps", async () => {
    const diff = modifiedYamlFile(WF, [
      "-      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.1",
      "+      - uses: actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8 # v6.0.1",
      "-      - uses: actions/setup-node@v3",
      "+      - uses: actions/setup-node@v4",
    ]);
    expect(await runRule(actionRepinnedRule, diff)).toEqual([]);
  });
});

ruleTester(actionRepinnedRule, {
  valid: [
    {
      name: "a SHA pin moved to another SHA",
      diff: modifiedYamlFile(".github/workflows/ci.yml", [
        "    steps:",
        "-      - uses: actions/checkout@1111111111111111111111111111111111111111",
        "+      - uses: actions/checkout@2222222222222222222222222222222222222222 # v4.2.0",
      ]),
    },
    {
      name: "a tag moved to another tag",
      diff: modifiedYamlFile(".github/workflows/ci.yml", [
        "    steps:",
        "-      - uses: actions/checkout@v3",
        "+      - uses: actions/checkout@v4",
      ]),
    },
  ],
  invalid: [
    {
      name: "a SHA pin replaced by a mutable tag",
      diff: modifiedYamlFile(".github/workflows/ci.yml", [
        "jobs:",
        "  build:",
        "    steps:",
        "-      - uses: actions/checkout@1111111111111111111111111111111111111111",
        "+      - uses: actions/checkout@v4",
      ]),
      findings: [{ line: 4, message: "re-pinned from commit 111111111111 to mutable ref 'v4'" }],
    },
  ],
});
