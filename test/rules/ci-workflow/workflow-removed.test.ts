// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { workflowRemovedRule } from "../../../src/rules/ci-workflow/workflow-removed.js";
import { deletedFile, modifiedYamlFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

const WF = ".github/workflows/ci.yml";

describe("ci-workflow/workflow-removed", () => {
  it("flags a deleted workflow, naming it and its jobs", async () => {
    const diff = deletedFile(".github/workflows/deploy.yml", [
      "name: Deploy",
      "on: push",
      "jobs:",
      "  deploy:",
      "    runs-on: ubuntu-latest",
    ]);
    const f = await runRule(workflowRemovedRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("'Deploy'");
    expect(f[0]!.message).toContain("deploy");
    expect(f[0]!.line).toBeNull();
  });

  it("flags a job removed from a workflow and a job dropped from needs", async () => {
    const diff = modifiedYamlFile(WF, [
      "jobs:",
      "-  audit:",
      "-    runs-on: ubuntu-latest",
      "-    steps:",
      "-      - run: npm audit",
      "  ci:",
      "-    needs: [lint, audit, test]",
      "+    needs: [lint, test]",
      "    runs-on: ubuntu-latest",
    ]);
    const f = await runRule(workflowRemovedRule, diff);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining("Job audit removed"),
      expect.stringContaining("Job ci in .github/workflows/ci.yml no longer needs audit"),
    ]);
  });

  it("does not flag a renamed key or re-ordered needs, nor deleted helper scripts", async () => {
    const diff =
      modifiedYamlFile(WF, ["jobs:", "  ci:", "-    needs: [lint, test]", "+    needs: [test, lint, types]"]) +
      deletedFile(".github/workflows/install.sh", ["#!/bin/sh", "echo hi"]);
    expect(await runRule(workflowRemovedRule, diff)).toEqual([]);
  });
});

ruleTester(workflowRemovedRule, {
  valid: [
    {
      name: "a step added",
      diff: modifiedYamlFile(".github/workflows/ci.yml", ["    steps:", "+      - run: make lint"]),
    },
    {
      name: "a helper script deleted from the workflows folder",
      diff: deletedFile(".github/workflows/scripts/notify.sh", ["echo hi"]),
    },
  ],
  invalid: [
    {
      name: "a workflow deleted",
      diff: deletedFile(".github/workflows/ci.yml", [
        "name: CI",
        "on: push",
        "jobs:",
        "  test:",
        "    runs-on: ubuntu-latest",
      ]),
      findings: [
        {
          line: null,
          side: "old",
          message: "GitHub Actions workflow 'CI' (.github/workflows/ci.yml) deleted with job test",
        },
      ],
    },
    {
      name: "a job removed",
      diff: modifiedYamlFile(".github/workflows/ci.yml", [
        "jobs:",
        "  build:",
        "    runs-on: ubuntu-latest",
        "-  lint:",
        "-    runs-on: ubuntu-latest",
      ]),
      findings: [{ line: 4, side: "old", severity: "high", message: "Job lint removed" }],
    },
    {
      name: "a test workflow deleted: high",
      diff: deletedFile(".github/workflows/test.yml", [
        "name: Tests",
        "on: [pull_request, push]",
        "jobs:",
        "  test:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - uses: actions/checkout@v4",
        "      - run: |",
        "          pip install -e .",
        "          pytest -q",
      ]),
      findings: [{ severity: "high", message: "'Tests'" }],
    },
    {
      name: "a scheduled stale bot with write scopes deleted: low (its privileges go with it)",
      diff: deletedFile(".github/workflows/stale.yml", [
        "name: Close Stale",
        "on:",
        "  schedule:",
        '    - cron: "0 */8 * * *"',
        "jobs:",
        "  close-stale:",
        "    runs-on: ubuntu-latest",
        "    permissions:",
        "      issues: write",
        "      pull-requests: write",
        "    steps:",
        "      - uses: actions/stale@v9",
      ]),
      findings: [{ severity: "low", message: "it ran no checks" }],
    },
    {
      name: "a PR review bot job holding a secret removed: low",
      diff: modifiedYamlFile(".github/workflows/claude.yml", [
        "jobs:",
        "  build:",
        "    runs-on: ubuntu-latest",
        "-  review:",
        "-    runs-on: ubuntu-latest",
        "-    permissions:",
        "-      id-token: write",
        "-    steps:",
        "-      - uses: anthropics/claude-code-action@v1",
        "-        with:",
        "-          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}",
        "-          prompt: Review this PR for bugs and missing tests",
      ]),
      findings: [{ line: 4, severity: "low" }],
    },
    {
      name: "an unprivileged workflow that ran no checks deleted: medium",
      diff: deletedFile(".github/workflows/greet.yml", [
        "name: Greet",
        "on: pull_request",
        "jobs:",
        "  hello:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - run: echo hello",
      ]),
      findings: [{ severity: "medium" }],
    },
  ],
});
