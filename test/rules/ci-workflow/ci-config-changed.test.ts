// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { ciConfigChangedRule } from "../../../src/rules/ci-workflow/ci-config-changed.js";
import { addedFile, deletedFile, modifiedYamlFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

const WF = ".github/workflows/ci.yml";

describe("ci-workflow/ci-config-changed", () => {
  it("reports a modified workflow once, naming the job touched", async () => {
    const diff = modifiedYamlFile(
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
      modifiedYamlFile(".github/actions/setup/action.yml", ["runs:", "+  using: composite"]) +
      modifiedYamlFile(".gitlab-ci.yml", ["test:", "+  script: make test"]) +
      modifiedYamlFile("Jenkinsfile", ["pipeline {", "+  agent any"]) +
      modifiedYamlFile(".circleci/config.yml", ["version: 2.1", "+orbs: {}"]) +
      modifiedYamlFile(".buildkite/pipeline.yml", ["steps:", "+  - command: make"]) +
      modifiedYamlFile("azure-pipelines.yml", ["pool:", "+  vmImage: ubuntu-latest"]);
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
      modifiedYamlFile("src/app.ts", ["+const a = 1;"]) +
      modifiedYamlFile(".github/workflows/README.md", ["+More docs."]);
    expect(await runRule(ciConfigChangedRule, diff)).toEqual([]);
  });
});

ruleTester(ciConfigChangedRule, {
  valid: [
    { name: "an application config file", diff: addedFile("config/app.yml", ["port: 8080"]) },
    { name: "documentation about CI", diff: addedFile("docs/ci.md", ["# How CI works"]) },
  ],
  invalid: [
    {
      name: "a GitLab pipeline added",
      diff: addedFile(".gitlab-ci.yml", ["test:", "  script: make test"]),
      findings: [{ line: 1, severity: "low", message: "GitLab CI pipeline .gitlab-ci.yml added" }],
    },
    {
      name: "a workflow deleted, on the old side",
      diff: deletedFile(".github/workflows/ci.yml", ["name: CI", "on: push"]),
      findings: [{ line: null, side: "old", message: "GitHub Actions workflow 'CI'" }],
    },
  ],
});
