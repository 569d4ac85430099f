// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here

import { describe, expect, it } from "vitest";
import { agentWorkflowRule as rule } from "../../../src/rules/agent-autonomy/agent-workflow.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

const claudeWorkflow = (extra: string[] = [], ifLines: string[] = []) =>
  addedFile(".github/workflows/claude.yml", [
    "name: Claude",
    "on:",
    "  issue_comment:",
    "    types: [created]",
    "jobs:",
    "  claude:",
    ...ifLines,
    "    runs-on: ubuntu-latest",
    "    permissions:",
    "      contents: write",
    "      pull-requests: write",
    "    steps:",
    "      - uses: actions/checkout@v4",
    "      - uses: anthropics/claude-code-action@v1",
    "        with:",
    "          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}",
    ...extra,
  ]);

ruleTester(rule, {
  valid: [
    {
      name: "a workflow without an agent",
      diff: addedFile(".github/workflows/ci.yml", [
        "on: push",
        "jobs:",
        "  test:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - run: npm test",
      ]),
    },
    {
      name: "the agent's version bumped",
      diff: modifiedFile(".github/workflows/claude.yml", [
        "     steps:",
        "-      - uses: anthropics/claude-code-action@v0",
        "+      - uses: anthropics/claude-code-action@v1",
      ]),
    },
    {
      name: "copilot-setup-steps with read permissions",
      diff: addedFile(".github/workflows/copilot-setup-steps.yml", [
        "on: workflow_dispatch",
        "jobs:",
        "  copilot-setup-steps:",
        "    runs-on: ubuntu-latest",
        "    permissions:",
        "      contents: read",
        "    steps:",
        "      - uses: actions/checkout@v5",
        "      - run: npm ci",
      ]),
    },
  ],
  invalid: [
    {
      name: "a new agent gated by author association",
      diff: claudeWorkflow(
        [],
        ['    if: contains(fromJSON(\'["OWNER","MEMBER"]\'), github.event.comment.author_association)'],
      ),
      findings: [{ line: 14, severity: "medium", message: "issue_comment" }],
    },
    {
      name: "a new agent anyone can trigger with write permissions",
      diff: claudeWorkflow(),
      findings: [{ line: 13, severity: "high", message: "nothing limits who can trigger it" }],
    },
    {
      name: "any user may drive the agent, and a deploy secret is handed to it",
      diff: modifiedFile(
        ".github/workflows/triage.yml",
        [
          "       - uses: anthropics/claude-code-action@v1",
          "         with:",
          "           github_token: ${{ secrets.GITHUB_TOKEN }}",
          "+          allowed_non_write_users: '*'",
          "+        env:",
          "+          DEPLOY_KEY: ${{ secrets.PROD_DEPLOY_KEY }}",
        ],
        20,
      ),
      findings: [
        { line: 23, severity: "high", message: "anyone" },
        { line: 25, severity: "critical", message: "PROD_DEPLOY_KEY" },
      ],
    },
    {
      name: "the actor gate of an agent job removed",
      diff: modifiedFile(".github/workflows/claude.yml", [
        " jobs:",
        "   claude:",
        '-    if: contains(fromJSON(\'["alice","bob"]\'), github.actor)',
        "     runs-on: ubuntu-latest",
        "     steps:",
        "       - uses: anthropics/claude-code-action@v1",
      ]),
      findings: [{ line: 3, side: "old", severity: "high", message: "no longer limits" }],
    },
    {
      name: "the Copilot setup job gets a production environment",
      diff: modifiedFile(".github/workflows/copilot-setup-steps.yml", [
        "   copilot-setup-steps:",
        "     runs-on: ubuntu-latest",
        "+    environment: production",
        "     permissions:",
      ]),
      findings: [{ line: 3, severity: "critical", message: "production" }],
    },
  ],
});

describe("a workflow adding many agent steps to one job", () => {
  it("reads the job's permissions and gates once for all its steps: each step reported with them", async () => {
    const steps: string[] = [];
    for (let i = 0; i < 600; i++)
      steps.push(
        "      - uses: anthropics/claude-code-action@v1",
        "        with:",
        `          prompt: review part ${i}`,
      );
    const findings = await runRule(rule, claudeWorkflow(steps));
    const added = findings.filter((f) => f.message.startsWith("Coding agent"));
    expect(added).toHaveLength(601);
    for (const f of added)
      expect(f.message).toContain("added to job claude on issue_comment with contents: write, pull-requests: write");
  });
});
