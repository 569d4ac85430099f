// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { scriptInjectionRule } from "../../../src/rules/ci-workflow/script-injection.js";
import { addedFile, modifiedYamlFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("ci-workflow/script-injection", () => {
  it("flags untrusted event fields interpolated into run:", async () => {
    const diff = modifiedYamlFile(".github/workflows/triage.yml", [
      "jobs:",
      "  triage:",
      "    steps:",
      "      - name: Greet",
      "        run: |",
      '+          echo "${{ github.event.issue.title }}"',
      '+          git checkout "${{ github.head_ref }}"',
    ]);
    const f = await runRule(scriptInjectionRule, diff);
    expect(f).toHaveLength(2);
    expect(f[0]!.message).toContain("github.event.issue.title");
    expect(f[0]!.message).toContain("job triage");
    expect(f[1]!.message).toContain("github.head_ref");
  });

  it("flags an inline run: and a github-script script:", async () => {
    const diff = addedFile(".github/workflows/c.yml", [
      "on: issue_comment",
      "jobs:",
      "  c:",
      "    steps:",
      "      - run: echo ${{ github.event.comment.body }}",
      "      - uses: actions/github-script@v7",
      "        with:",
      "          script: |",
      "            const t = `${{ github.event.pull_request.title }}`;",
    ]);
    const f = await runRule(scriptInjectionRule, diff);
    expect(f).toHaveLength(2);
    expect(f[1]!.message).toContain("github-script");
  });

  it("does not flag env:, if: or trusted expressions", async () => {
    const diff = addedFile(".github/workflows/c.yml", [
      "on: issues",
      "jobs:",
      "  c:",
      "    if: github.event.issue.title != ''",
      "    steps:",
      "      - env:",
      "          TITLE: ${{ github.event.issue.title }}",
      '        run: echo "$TITLE" ${{ github.sha }} ${{ github.event.pull_request.number }}',
    ]);
    expect(await runRule(scriptInjectionRule, diff)).toEqual([]);
  });
});

ruleTester(scriptInjectionRule, {
  valid: [
    {
      name: "the value passed through env",
      diff: addedFile(".github/workflows/triage.yml", [
        "on: issues",
        "jobs:",
        "  triage:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - env:",
        "          TITLE: ${{ github.event.issue.title }}",
        '        run: echo "$TITLE"',
      ]),
    },
    {
      name: "a trusted expression in a script",
      diff: addedFile(".github/workflows/ci.yml", [
        "jobs:",
        "  a:",
        "    steps:",
        "      - run: echo ${{ github.sha }}",
      ]),
    },
  ],
  invalid: [
    {
      name: "an issue title in a run script",
      diff: addedFile(".github/workflows/triage.yml", [
        "on: issues",
        "jobs:",
        "  triage:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        '      - run: echo "${{ github.event.issue.title }}"',
      ]),
      findings: [{ line: 6, message: "github.event.issue.title" }],
    },
  ],
});
