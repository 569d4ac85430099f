import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/load.js";
import { analyze } from "../../src/engine/analyze.js";
import { deriveChecklist } from "../../src/engine/checklist.js";
import type { Finding } from "../../src/types.js";
import { addedFile, scan } from "../support/diff.js";

const CUSTOM = {
  custom_rules: [
    {
      id: "no-debugger",
      pattern: "\\bdebugger\\b",
      paths: ["src/**"],
      severity: "high" as const,
      message: "debugger statement",
    },
  ],
};

describe("analyze", () => {
  it("runs custom rules on added lines within their paths", async () => {
    const diff = addedFile("src/a.js", ["const x = 1;", "debugger;"]) + addedFile("lib/b.js", ["debugger;"]);
    const report = await scan(diff, { config: CUSTOM });
    const custom = report.findings.filter((f) => f.ruleId === "custom/no-debugger");
    expect(custom).toEqual([
      expect.objectContaining({
        file: "src/a.js",
        line: 2,
        severity: "high",
        category: "custom",
        message: "debugger statement",
      }),
    ]);
  });

  it("applies severity overrides and disables rules by id or category", async () => {
    const diff = addedFile("src/a.js", ["debugger;"]);
    const low = await scan(diff, { config: { ...CUSTOM, rules: { "custom/no-debugger": "low" } } });
    expect(low.findings.find((f) => f.ruleId === "custom/no-debugger")!.severity).toBe("low");
    const off = await scan(diff, { config: { ...CUSTOM, rules: { custom: "off" } } });
    expect(off.findings.some((f) => f.ruleId === "custom/no-debugger")).toBe(false);
  });

  it("raises findings in production-scope files one step", async () => {
    const diff = addedFile("deploy/production/app.js", ["debugger;"]);
    const report = await scan(diff, {
      config: { custom_rules: [{ ...CUSTOM.custom_rules[0]!, paths: ["**"], severity: "medium" }] },
    });
    expect(report.findings.find((f) => f.ruleId === "custom/no-debugger")!.severity).toBe("high");
  });

  it("skips ignored paths", async () => {
    const report = await scan(addedFile("src/gen/a.js", ["debugger;"]), {
      config: { ...CUSTOM, paths: { ignore: ["src/gen/**"] } },
    });
    expect(report.findings.filter((f) => f.ruleId === "custom/no-debugger")).toEqual([]);
  });

  it("deduplicates identical findings", async () => {
    const config = validateConfig({
      custom_rules: [{ id: "dbg", pattern: "debugger", message: "debugger statement" }],
    });
    const report = await analyze({ diff: addedFile("a.js", ["debugger; debugger;"]), config });
    expect(report.findings.filter((f) => f.ruleId === "custom/dbg")).toHaveLength(1);
  });

  it("returns the versioned JSON contract", async () => {
    const report = await scan(addedFile("src/a.js", ["debugger;"]), { config: CUSTOM });
    expect(report.version).toBe(1);
    expect(Object.keys(report.risk)).toEqual(expect.arrayContaining(["score", "level"]));
    expect(Object.keys(report.ai)).toEqual(expect.arrayContaining(["detected", "agents", "confidence", "evidence"]));
    expect(Object.keys(report.gate)).toEqual(expect.arrayContaining(["required", "checklist"]));
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(["ruleId", "category", "severity", "file", "line", "message", "remediation"]),
      );
    }
  });

  it("gates every PR at the threshold with policy all, and skips docs-only changes", async () => {
    const config = { ...CUSTOM, gate: { policy: "all" as const, threshold: "high" as const } };
    const risky = await scan(addedFile("src/a.js", ["debugger;"]), { config });
    expect(risky.gate.required).toBe(true);
    expect(risky.gate.approvals).toBe(1);
    expect(risky.gate.checklist.map((i) => i.id)).toContain("category:custom");
    const docs = await scan(addedFile("docs/guide.md", ["debugger"]), {
      config: { ...config, custom_rules: [{ ...CUSTOM.custom_rules[0]!, paths: ["**"] }] },
    });
    expect(docs.gate).toMatchObject({ required: false });
    expect(docs.gate.reason).toMatch(/safe paths/);
  });

  it("does not gate a human PR under the ai-authored policy", async () => {
    const report = await scan(addedFile("src/a.js", ["debugger;"]), { config: CUSTOM });
    expect(report.gate.required).toBe(false);
    expect(report.gate.reason).toMatch(/not AI-authored/);
  });

  it("reports files without a patch as not analyzed", async () => {
    const diff = "diff --git a/x.bin b/x.bin\nindex 1..2 100644\nBinary files a/x.bin and b/x.bin differ\n";
    const report = await scan(diff);
    expect(report.notAnalyzed).toEqual([{ file: "x.bin", reason: "binary file" }]);
  });
});

describe("checklist", () => {
  const f = (category: Finding["category"]): Finding => ({
    ruleId: "x/y",
    category,
    severity: "high",
    file: "a",
    line: 1,
    side: "new",
    message: "m",
    remediation: "r",
  });

  it("yields one stable item per category, plus matching extras", () => {
    const config = validateConfig({
      checklist: {
        extra: [
          { id: "dba", text: "A DBA approved", categories: ["migration-destructive"] },
          { id: "oncall", text: "On-call knows", min_level: "critical" },
        ],
      },
    });
    const items = deriveChecklist([f("secrets"), f("secrets"), f("migration-destructive")], "high", config);
    expect(items.map((i) => i.id)).toEqual(["category:migration-destructive", "category:secrets", "extra:dba"]);
    expect(items.find((i) => i.id === "category:secrets")!.text).toMatch(/revoked.*rotated.*history/);
    expect(deriveChecklist([f("dependency")], "critical", config).map((i) => i.id)).toEqual([
      "category:dependency",
      "extra:oncall",
    ]);
  });
});

describe("markdown report", () => {
  it("escapes diff-derived text, neutralizes mentions, and keeps rule prose readable", async () => {
    const { formatMarkdown } = await import("../../src/format/markdown.js");
    const config = {
      custom_rules: [
        {
          id: "ping",
          pattern: "cc",
          message: "quoted <img src=x> cc @octo-org/admins",
          remediation: "Use `safe()` and ask @security",
        },
      ],
    };
    const md = formatMarkdown(await scan(addedFile("src/a.js", ["// cc"]), { config }));
    expect(md).toContain("\\<img src=x\\>");
    expect(md).not.toMatch(/@octo-org/);
    expect(md).toContain("@\u200bocto-org/admins");
    expect(md).toContain("Use `safe()` and ask @\u200bsecurity");
  });

  it("stays under GitHub's comment limit by summarizing", async () => {
    const { formatMarkdown, COMMENT_LIMIT } = await import("../../src/format/markdown.js");
    const lines = Array.from({ length: 3000 }, (_, i) => `debugger; // ${"x".repeat(40)} ${i}`);
    const report = await scan(addedFile("src/huge.js", lines), { config: CUSTOM });
    expect(report.findings.length).toBeGreaterThan(2900);
    const md = formatMarkdown(report);
    expect(md.length).toBeLessThan(COMMENT_LIMIT);
    expect(md).toMatch(/and \d+ more/);
  });
});
