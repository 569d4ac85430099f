import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";

const examples = join(import.meta.dirname, "../../examples");

describe("the public API (src/index.ts)", () => {
  it("offers analysis, configuration, formats and rules from one module", () => {
    const exported: Record<string, unknown> = { ...api };
    for (const name of [
      "analyze",
      "defaultConfig",
      "parseConfigText",
      "validateConfig",
      "resolveConfig",
      "parseUnifiedDiff",
      "detectAi",
      "pullRequestFactsFromGit",
      "formatJson",
      "formatMarkdown",
      "formatSarif",
      "formatText",
      "quote",
      "markdownText",
      "markdownCode",
      "forTerminal",
      "activeRules",
      "compileGlobs",
      "levelRank",
    ])
      expect(typeof exported[name], name).toBe("function");
    expect(api.BUILTIN_RULES.length).toBeGreaterThan(50);
    expect(api.DEFAULT_CONFIG_PATH).toBe(".github/ai-review-gate.yml");
  });

  it("runs the bundled example end to end", async () => {
    const report = await api.analyze({
      diff: readFileSync(join(examples, "risky-ai-pr.diff")),
      pr: JSON.parse(readFileSync(join(examples, "risky-ai-pr.json"), "utf8")) as api.PullRequestFacts,
    });
    expect(report.findings.length).toBeGreaterThan(0);
    const sarif = JSON.parse(api.formatSarif(report, { rules: api.activeRules(api.defaultConfig()) }));
    expect(sarif.runs[0].results.length).toBe(report.findings.length);
  });
});
