// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { privilegedTriggerRule } from "../../../src/rules/ci-workflow/privileged-trigger.js";
import { addedFile, modifiedYamlFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

const WF = ".github/workflows/ci.yml";

describe("ci-workflow/privileged-trigger", () => {
  it("is high when an existing workflow switches to pull_request_target", async () => {
    const diff = modifiedYamlFile(WF, ["on:", "-  pull_request:", "+  pull_request_target:", "    branches: [main]"]);
    const f = await runRule(privilegedTriggerRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("high");
    expect(f[0]!.message).toContain("pull_request_target");
  });

  it("is critical when the PR head is checked out under pull_request_target", async () => {
    const diff = addedFile(".github/workflows/pr.yml", [
      "name: PR build",
      "on:",
      "  pull_request_target:",
      "jobs:",
      "  build:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - uses: actions/checkout@v4",
      "        with:",
      "          ref: ${{ github.event.pull_request.head.sha }}",
      "      - run: npm ci && npm test",
    ]);
    const f = await runRule(privilegedTriggerRule, diff);
    expect(f.some((x) => x.severity === "critical" && x.message.includes("job build"))).toBe(true);
  });

  it("is critical when a head checkout is added to a workflow_run workflow", async () => {
    const diff = modifiedYamlFile(WF, [
      "on:",
      "  workflow_run:",
      "    workflows: [CI]",
      "jobs:",
      "  report:",
      "    steps:",
      "      - uses: actions/checkout@v4",
      "+        with:",
      "+          ref: ${{ github.event.workflow_run.head_sha }}",
    ]);
    const f = await runRule(privilegedTriggerRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("critical");
  });

  it("is medium for a new pull_request_target workflow that never checks out PR code", async () => {
    const diff = addedFile(".github/workflows/label.yml", [
      "name: Label",
      "on:",
      "  pull_request_target:",
      "    types: [opened]",
      "jobs:",
      "  label:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - uses: actions/labeler@v5",
    ]);
    const f = await runRule(privilegedTriggerRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("medium");
  });

  it("does not flag going back to pull_request, or a head checkout under pull_request", async () => {
    const back = modifiedYamlFile(WF, ["on:", "-  pull_request_target:", "+  pull_request:"]);
    expect(await runRule(privilegedTriggerRule, back)).toEqual([]);
    const plain = addedFile(".github/workflows/pr.yml", [
      "on: pull_request",
      "jobs:",
      "  t:",
      "    steps:",
      "      - uses: actions/checkout@v4",
      "        with:",
      "          ref: ${{ github.event.pull_request.head.sha }}",
    ]);
    expect(await runRule(privilegedTriggerRule, plain)).toEqual([]);
  });
});

ruleTester(privilegedTriggerRule, {
  valid: [
    {
      name: "pull_request checking out the head (no secrets there)",
      diff: addedFile(".github/workflows/ci.yml", [
        "on: pull_request",
        "jobs:",
        "  test:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - uses: actions/checkout@v4",
        "        with:",
        "          ref: ${{ github.event.pull_request.head.sha }}",
      ]),
    },
    { name: "a workflow on push", diff: addedFile(".github/workflows/ci.yml", ["on: push", "jobs: {}"]) },
  ],
  invalid: [
    {
      name: "pull_request_target that checks out the PR head",
      diff: addedFile(".github/workflows/pr.yml", [
        "on: pull_request_target",
        "jobs:",
        "  build:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - uses: actions/checkout@v4",
        "        with:",
        "          ref: ${{ github.event.pull_request.head.sha }}",
      ]),
      findings: [
        { line: 8, severity: "critical", message: "checks out the PR head" },
        { line: 1, severity: "critical", message: "now runs on pull_request_target" },
      ],
    },
    {
      name: "a new pull_request_target workflow without a checkout",
      diff: addedFile(".github/workflows/label.yml", ["on: pull_request_target", "jobs: {}"]),
      findings: [{ line: 1, severity: "medium", message: "no PR head checkout seen" }],
    },
  ],
});
