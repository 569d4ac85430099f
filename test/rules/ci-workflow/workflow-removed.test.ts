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
      findings: [{ line: 4, side: "old", message: "Job lint removed" }],
    },
  ],
});
