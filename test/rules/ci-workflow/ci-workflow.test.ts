// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { actionRepinnedRule } from "../../../src/rules/ci-workflow/action-repinned.js";
import { ciConfigChangedRule } from "../../../src/rules/ci-workflow/ci-config-changed.js";
import { continueOnErrorRule } from "../../../src/rules/ci-workflow/continue-on-error.js";
import { governanceFileChangedRule as protectedConfigRule } from "../../../src/rules/ci-workflow/governance-file-changed.js";
import { permissionsWidenedRule } from "../../../src/rules/ci-workflow/permissions-widened.js";
import { privilegedTriggerRule } from "../../../src/rules/ci-workflow/privileged-trigger.js";
import { scriptInjectionRule } from "../../../src/rules/ci-workflow/script-injection.js";
import { secretsInUntrustedContextRule as secretsUntrustedRule } from "../../../src/rules/ci-workflow/secrets-in-untrusted-context.js";
import { workflowRemovedRule } from "../../../src/rules/ci-workflow/workflow-removed.js";
import { addedFile, deletedFile, modifiedFile as rawModifiedFile, runRule, scan } from "../../support/diff.js";

/** Hunk lines as written in YAML: "+"/"-" lines are changes, anything else is context (gets the " " prefix). */
function modifiedFile(path: string, lines: string[], start = 1): string {
  return rawModifiedFile(
    path,
    lines.map((l) => (l.startsWith("+") || l.startsWith("-") ? l : ` ${l}`)),
    start,
  );
}

const WF = ".github/workflows/ci.yml";

describe("ci-workflow/ci-config-changed", () => {
  it("reports a modified workflow once, naming the job touched", async () => {
    const diff = modifiedFile(
      WF,
      [
        "jobs:",
        "  build:",
        "    runs-on: ubuntu-latest",
        "+    timeout-minutes: 30",
        "    steps:",
        "      - uses: actions/checkout@v4",
      ],
      10,
    );
    const f = await runRule(ciConfigChangedRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.line).toBe(13);
    expect(f[0]!.message).toContain("job build");
  });

  it("uses the hunk header to name the job when the hunk starts inside it", async () => {
    const diff = [
      `diff --git a/${WF} b/${WF}`,
      "index 1..2 100644",
      `--- a/${WF}`,
      `+++ b/${WF}`,
      "@@ -15,3 +15,4 @@ jobs:",
      "  lint:",
      "    runs-on: ubuntu-latest",
      "+    timeout-minutes: 10",
      "    steps:",
      "",
    ].join("\n");
    const f = await runRule(ciConfigChangedRule, diff);
    expect(f[0]!.message).toContain("job lint");
  });

  it("names an added workflow by its name: and lists its jobs", async () => {
    const diff = addedFile(".github/workflows/release.yml", [
      "name: Release",
      "on: push",
      "jobs:",
      "  publish:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - run: echo hi",
    ]);
    const f = await runRule(ciConfigChangedRule, diff);
    expect(f[0]!.message).toContain("'Release'");
    expect(f[0]!.message).toContain("publish");
  });

  it("covers composite actions and other CI systems", async () => {
    const diff =
      modifiedFile(".github/actions/setup/action.yml", ["runs:", "+  using: composite"]) +
      modifiedFile(".gitlab-ci.yml", ["test:", "+  script: make test"]) +
      modifiedFile("Jenkinsfile", ["pipeline {", "+  agent any"]) +
      modifiedFile(".circleci/config.yml", ["version: 2.1", "+orbs: {}"]) +
      modifiedFile(".buildkite/pipeline.yml", ["steps:", "+  - command: make"]) +
      modifiedFile("azure-pipelines.yml", ["pool:", "+  vmImage: ubuntu-latest"]);
    const f = await runRule(ciConfigChangedRule, diff);
    expect(f.map((x) => x.file).sort()).toEqual([
      ".buildkite/pipeline.yml",
      ".circleci/config.yml",
      ".github/actions/setup/action.yml",
      ".gitlab-ci.yml",
      "Jenkinsfile",
      "azure-pipelines.yml",
    ]);
  });

  it("ignores non-CI files and the workflows README", async () => {
    const diff =
      modifiedFile("src/app.ts", ["+const a = 1;"]) + modifiedFile(".github/workflows/README.md", ["+More docs."]);
    expect(await runRule(ciConfigChangedRule, diff)).toEqual([]);
  });
});

describe("ci-workflow/privileged-trigger", () => {
  it("is high when an existing workflow switches to pull_request_target", async () => {
    const diff = modifiedFile(WF, ["on:", "-  pull_request:", "+  pull_request_target:", "    branches: [main]"]);
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
    const diff = modifiedFile(WF, [
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
    const back = modifiedFile(WF, ["on:", "-  pull_request_target:", "+  pull_request:"]);
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

describe("ci-workflow/permissions-widened", () => {
  it("flags a scope widened to write, naming the job", async () => {
    const diff = modifiedFile(WF, [
      "jobs:",
      "  release:",
      "    permissions:",
      "-      contents: read",
      "+      contents: write",
      "    runs-on: ubuntu-latest",
    ]);
    const f = await runRule(permissionsWidenedRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("high");
    expect(f[0]!.message).toContain("contents: write");
    expect(f[0]!.message).toContain("job release");
  });

  it("flags write-all for the whole workflow, and lower-impact scopes at medium", async () => {
    const diff =
      modifiedFile(WF, ["name: CI", "+permissions: write-all", "on: push"]) +
      modifiedFile(".github/workflows/b.yml", ["jobs:", "  x:", "    permissions:", "+      issues: write"]);
    const f = await runRule(permissionsWidenedRule, diff);
    expect(f.find((x) => x.file === WF)?.message).toContain("write-all");
    expect(f.find((x) => x.file === WF)?.message).toContain("whole workflow");
    expect(f.find((x) => x.file !== WF)?.severity).toBe("medium");
  });

  it("ignores a write scope that was only moved or re-commented, and narrowing", async () => {
    const diff = modifiedFile(WF, [
      "-permissions: read-all",
      "+permissions: {}",
      "jobs:",
      "  scan:",
      "    permissions:",
      "-      security-events: write",
      "+      security-events: write # needed to upload SARIF",
      "+      contents: read",
    ]);
    expect(await runRule(permissionsWidenedRule, diff)).toEqual([]);
  });

  it("ignores `write` outside a permissions block", async () => {
    const diff = modifiedFile(WF, [
      "    steps:",
      "+      - run: echo write",
      "+        env:",
      "+          MODE: write",
    ]);
    expect(await runRule(permissionsWidenedRule, diff)).toEqual([]);
  });
});

describe("ci-workflow/script-injection", () => {
  it("flags untrusted event fields interpolated into run:", async () => {
    const diff = modifiedFile(".github/workflows/triage.yml", [
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

describe("ci-workflow/secrets-in-untrusted-context", () => {
  const base = [
    "on:",
    "  pull_request_target:",
    "jobs:",
    "  build:",
    "    steps:",
    "      - uses: actions/checkout@v4",
    "        with:",
    "          ref: ${{ github.event.pull_request.head.sha }}",
    "      - run: npm test",
    "        env:",
  ];
  it("flags a secret given to a job that runs PR head code", async () => {
    const diff = addedFile(".github/workflows/pr.yml", [...base, "          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}"]);
    const f = await runRule(secretsUntrustedRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("NPM_TOKEN");
    expect(f[0]!.message).toContain("job build");
  });

  it("does not flag secrets when no PR code is checked out, or under pull_request", async () => {
    const noCheckout = addedFile(".github/workflows/l.yml", [
      "on: pull_request_target",
      "jobs:",
      "  label:",
      "    steps:",
      "      - uses: actions/labeler@v5",
      "        with:",
      "          repo-token: ${{ secrets.GITHUB_TOKEN }}",
    ]);
    expect(await runRule(secretsUntrustedRule, noCheckout)).toEqual([]);
    const plain = addedFile(".github/workflows/pr.yml", [
      ...base.map((l) => l.replace("pull_request_target", "pull_request")),
      "          T: ${{ secrets.T }}",
    ]);
    expect(await runRule(secretsUntrustedRule, plain)).toEqual([]);
  });
});

describe("ci-workflow/action-repinned", () => {
  it("flags an action moved from a commit SHA to a tag", async () => {
    const diff = modifiedFile(WF, [
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
    const diff = modifiedFile(WF, [
      "-      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.1",
      "+      - uses: actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8 # v6.0.1",
      "-      - uses: actions/setup-node@v3",
      "+      - uses: actions/setup-node@v4",
    ]);
    expect(await runRule(actionRepinnedRule, diff)).toEqual([]);
  });
});

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
    const diff = modifiedFile(WF, [
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
      modifiedFile(WF, ["jobs:", "  ci:", "-    needs: [lint, test]", "+    needs: [test, lint, types]"]) +
      deletedFile(".github/workflows/install.sh", ["#!/bin/sh", "echo hi"]);
    expect(await runRule(workflowRemovedRule, diff)).toEqual([]);
  });
});

describe("ci-workflow/continue-on-error", () => {
  it("is medium on a test job and names it", async () => {
    const diff = modifiedFile(WF, [
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
    const low = modifiedFile(WF, ["jobs:", "  notify:", "+    continue-on-error: true"]);
    expect((await runRule(continueOnErrorRule, low))[0]!.severity).toBe("low");
    const none = modifiedFile(WF, [
      "jobs:",
      "  test:",
      "+    continue-on-error: false",
      "-      continue-on-error: true",
      "+    continue-on-error: true",
    ]);
    expect(await runRule(continueOnErrorRule, none)).toEqual([]);
  });
});

describe("ci-workflow/governance-file-changed", () => {
  it("flags CODEOWNERS, rulesets and this gate's own config", async () => {
    const diff =
      modifiedFile(".github/CODEOWNERS", ["-/infra/ @org/platform", "+/infra/ @someone"]) +
      addedFile(".github/rulesets/main.json", ["{}"]) +
      modifiedFile(".github/ai-review-gate.yml", ["gate:", "-  min_level: low", "+  min_level: critical"]);
    const f = await runRule(protectedConfigRule, diff);
    expect(f).toHaveLength(3);
    expect(f.every((x) => x.severity === undefined)).toBe(true);
    expect(f.find((x) => x.file === ".github/ai-review-gate.yml")?.message).toContain("ai-review-gate");
  });

  it("ignores unrelated files with similar names", async () => {
    const diff =
      modifiedFile("src/CODEOWNERS.ts", ["+export const x = 1;"]) + modifiedFile("docs/settings.yml", ["+a: 1"]);
    expect(await runRule(protectedConfigRule, diff)).toEqual([]);
  });
});

describe("ci-workflow through the engine", () => {
  it("a workflow-only timeout change stays low", async () => {
    const report = await scan(modifiedFile(WF, ["  build:", "    runs-on: ubuntu-latest", "+    timeout-minutes: 60"]));
    expect(report.risk.level).toBe("low");
    expect(report.findings.every((f) => f.category === "ci-workflow")).toBe(true);
  });

  it("survives malformed YAML in an added workflow", async () => {
    const report = await scan(addedFile(".github/workflows/bad.yml", ["on: [push", "jobs: {{{", "  - : :"]));
    expect(report.warnings.filter((w) => w.includes("ci-workflow"))).toEqual([]);
    expect(report.findings.some((f) => f.ruleId === "ci-workflow/ci-config-changed")).toBe(true);
  });
});
