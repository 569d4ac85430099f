import { describe, expect, test, vi } from "vitest";
import { ANNOTATIONS_PER_KIND, emitAnnotations } from "../../action/annotations.js";
import { applyLabels, desiredLabels, isManagedLabel, planLabels } from "../../action/labels.js";
import type { Finding, Report } from "../../src/types.js";
import { MemoryGitHub } from "../support/memory-github.js";

function report(partial: { level: Report["risk"]["level"]; agents?: string[]; detected?: boolean }): Report {
  return {
    version: 1,
    risk: { score: 60, level: partial.level, explanation: [] },
    ai: {
      detected: partial.detected ?? false,
      agents: partial.agents ?? [],
      confidence: "none",
      evidence: [],
      commitShare: null,
    },
    findings: [],
    gate: { required: false, reason: "", checklist: [], approvals: 0 },
    categories: [],
    stats: { files: 0, additions: 0, deletions: 0 },
    notAnalyzed: [],
    warnings: [],
  };
}

describe("labels", () => {
  test("an AI PR gets ai-authored, one label per agent and its risk level, with colors", () => {
    const labels = desiredLabels(report({ level: "high", detected: true, agents: ["claude-code", "copilot"] }));
    expect(labels.map((l) => l.name)).toEqual(["ai-authored", "ai-agent:claude-code", "ai-agent:copilot", "risk:high"]);
    for (const l of labels) {
      expect(l.color).toMatch(/^[0-9a-f]{6}$/);
      expect(l.description.length).toBeLessThanOrEqual(100);
    }
  });

  test("no risk label at level none; label names stay within 50 characters", () => {
    expect(desiredLabels(report({ level: "none" }))).toEqual([]);
    const long = desiredLabels(report({ level: "none", detected: true, agents: ["x".repeat(80)] }));
    expect(long[1]!.name).toHaveLength(50);
  });

  test("plan: add what is missing, remove stale risk and agent labels, never ai-authored or others", () => {
    const desired = desiredLabels(report({ level: "medium", detected: false }));
    const plan = planLabels(["bug", "ai-authored", "risk:critical", "ai-agent:devin", "risk:medium"], desired);
    expect(plan.add).toEqual([]);
    expect(plan.remove).toEqual(["risk:critical", "ai-agent:devin"]);
    expect(planLabels(["risk:medium"], desired)).toEqual({ add: [], remove: [] });
  });

  test("managed labels are recognised", () => {
    expect(["ai-authored", "risk:low", "ai-agent:x", "bug"].map(isManagedLabel)).toEqual([true, true, true, false]);
  });
});

describe("annotations", () => {
  function finding(severity: Finding["severity"], i: number, side: Finding["side"] = "new"): Finding {
    return {
      ruleId: "r/x",
      category: "custom",
      severity,
      file: `f${i}.ts`,
      line: i + 1,
      side,
      message: `m${i}`,
      remediation: "fix",
    };
  }

  test("most severe first, within GitHub's per-kind limit, and the overflow is announced", () => {
    const out = { stdout: [] as string[] };
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => {
      out.stdout.push(String(c));
      return true;
    });
    let stats: ReturnType<typeof emitAnnotations>;
    try {
      stats = emitAnnotations([
        ...Array.from({ length: 15 }, (_, i) => finding("critical", i)),
        finding("medium", 100),
        finding("low", 200, "old"),
      ]);
    } finally {
      spy.mockRestore();
    }
    const errors = out.stdout.filter((l) => l.startsWith("::error"));
    // One error slot is left for the step's own failure message.
    expect(errors).toHaveLength(ANNOTATIONS_PER_KIND - 1);
    expect(errors[0]).toContain("file=f0.ts,line=1");
    expect(errors.at(-1)).toMatch(/7 more high\/critical findings are not annotated.*SARIF/);
    expect(stats.omitted).toBe(7);
    expect(out.stdout.filter((l) => l.startsWith("::warning"))).toHaveLength(1);
    // A removed line has no line in the head version: file-level annotation naming the old line.
    const notice = out.stdout.find((l) => l.startsWith("::notice"))!;
    expect(notice).not.toContain("line=");
    expect(notice).toContain("removed line 201");
  });
});

describe("applyLabels", () => {
  test("creates missing repository labels, adds in one call, removes stale ones; nothing when in place", async () => {
    const gh = new MemoryGitHub();
    const author = gh.addUser({ id: 1, login: "octo" });
    gh.addPull({ number: 2, author, head: { sha: "a".repeat(40), ref: "f" }, labels: ["bug", "risk:low"] });
    gh.labels.set("ai-authored", { name: "ai-authored", color: "7057ff", description: "made by a human" });
    const ref = { ...gh.repo, number: 2 };
    const desired = desiredLabels(report({ level: "high", detected: true, agents: ["devin"] }));
    const plan = planLabels(gh.mustPull(2).labels, desired);
    await applyLabels(gh, ref, plan, new Set(gh.labels.keys()));
    expect(gh.calls).toEqual(["createLabel", "createLabel", "addLabels", "removeLabel"]);
    expect(gh.mustPull(2).labels.sort()).toEqual(["ai-agent:devin", "ai-authored", "bug", "risk:high"]);
    // The existing label keeps its own description; created ones carry ours, with the score range.
    expect(gh.labels.get("ai-authored")?.description).toBe("made by a human");
    expect(gh.labels.get("risk:high")?.description).toBe("Risk level high from ai-review-gate (score 55-79)");
    const calls = gh.calls.length;
    await applyLabels(gh, ref, planLabels(gh.mustPull(2).labels, desired), new Set(gh.labels.keys()));
    expect(gh.since(calls)).toEqual([]);
  });
});
