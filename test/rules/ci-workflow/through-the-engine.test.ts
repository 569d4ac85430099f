// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { addedFile, modifiedYamlFile, scan } from "../../support/diff.js";

const WF = ".github/workflows/ci.yml";

describe("ci-workflow through the engine", () => {
  it("a workflow-only timeout change stays low", async () => {
    const report = await scan(
      modifiedYamlFile(WF, ["  build:", "    runs-on: ubuntu-latest", "+    timeout-minutes: 60"]),
    );
    expect(report.risk.level).toBe("low");
    expect(report.findings.every((f) => f.category === "ci-workflow")).toBe(true);
  });

  it("survives malformed YAML in an added workflow", async () => {
    const report = await scan(addedFile(".github/workflows/bad.yml", ["on: [push", "jobs: {{{", "  - : :"]));
    expect(report.warnings.filter((w) => w.includes("ci-workflow"))).toEqual([]);
    expect(report.findings.some((f) => f.ruleId === "ci-workflow/ci-config-changed")).toBe(true);
  });
});
