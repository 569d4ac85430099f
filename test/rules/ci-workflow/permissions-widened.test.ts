// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { permissionsWidenedRule } from "../../../src/rules/ci-workflow/permissions-widened.js";
import { modifiedYamlFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

const WF = ".github/workflows/ci.yml";

describe("ci-workflow/permissions-widened", () => {
  it("flags a scope widened to write, naming the job (one step lower than for the whole workflow)", async () => {
    const diff = modifiedYamlFile(WF, [
      "jobs:",
      "  release:",
      "    permissions:",
      "-      contents: read",
      "+      contents: write",
      "    runs-on: ubuntu-latest",
    ]);
    const f = await runRule(permissionsWidenedRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("medium");
    expect(f[0]!.message).toContain("contents: write");
    expect(f[0]!.message).toContain("job release");
  });

  it("flags write-all for the whole workflow, and lower-impact scopes on a job at low", async () => {
    const diff =
      modifiedYamlFile(WF, ["name: CI", "+permissions: write-all", "on: push"]) +
      modifiedYamlFile(".github/workflows/b.yml", ["jobs:", "  x:", "    permissions:", "+      issues: write"]);
    const f = await runRule(permissionsWidenedRule, diff);
    expect(f.find((x) => x.file === WF)?.message).toContain("write-all");
    expect(f.find((x) => x.file === WF)?.message).toContain("whole workflow");
    expect(f.find((x) => x.file === WF)?.severity).toBe("high");
    expect(f.find((x) => x.file !== WF)?.severity).toBe("low");
  });

  it("does not count write scopes moved from the workflow level down to jobs as widening", async () => {
    const diff = modifiedYamlFile(".github/workflows/pr-sizing.yml", [
      "-permissions:",
      "-  contents: read",
      "-  pull-requests: write",
      "+permissions: {}",
      "jobs:",
      "  size-label:",
      "+    permissions:",
      "+      contents: read",
      "+      pull-requests: write",
      "    runs-on: ubuntu-latest",
      "  size-comment:",
      "+    permissions:",
      "+      pull-requests: write",
      "    runs-on: ubuntu-latest",
    ]);
    expect(await runRule(permissionsWidenedRule, diff)).toEqual([]);
  });

  it("flags a permissions block removed without a replacement", async () => {
    const diff =
      modifiedYamlFile(WF, ["name: CI", "-permissions:", "-  contents: read", "on: push"]) +
      modifiedYamlFile(".github/workflows/b.yml", [
        "jobs:",
        "  build:",
        "-    permissions:",
        "-      contents: read",
        "    runs-on: ubuntu-latest",
      ]);
    const f = await runRule(permissionsWidenedRule, diff);
    expect(f.map((x) => [x.file, x.severity, x.side])).toEqual([
      [WF, "medium", "old"],
      [".github/workflows/b.yml", "low", "old"],
    ]);
    expect(f[0]!.message).toContain("repository's default");
  });

  it("ignores a write scope that was only moved or re-commented, and narrowing", async () => {
    const diff = modifiedYamlFile(WF, [
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
    const diff = modifiedYamlFile(WF, [
      "    steps:",
      "+      - run: echo write",
      "+        env:",
      "+          MODE: write",
    ]);
    expect(await runRule(permissionsWidenedRule, diff)).toEqual([]);
  });
});

ruleTester(permissionsWidenedRule, {
  valid: [
    {
      name: "read-only permissions",
      diff: modifiedYamlFile(".github/workflows/ci.yml", ["permissions:", "+  contents: read"]),
    },
    {
      name: "a write scope that only moved",
      diff: modifiedYamlFile(".github/workflows/ci.yml", [
        "permissions:",
        "-  issues: write",
        "   contents: read",
        "+  issues: write",
      ]),
    },
  ],
  invalid: [
    {
      name: "contents: write for the whole workflow",
      diff: modifiedYamlFile(".github/workflows/ci.yml", ["permissions:", "-  contents: read", "+  contents: write"]),
      findings: [{ line: 2, severity: "high", message: "grants contents: write to the whole workflow" }],
    },
    {
      name: "write-all",
      diff: modifiedYamlFile(".github/workflows/ci.yml", ["on: push", "+permissions: write-all"]),
      findings: [{ line: 2, severity: "high", message: "write-all (every scope)" }],
    },
  ],
});
