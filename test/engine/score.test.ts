import { describe, expect, it } from "vitest";
import { NO_AI } from "../../src/ai/detect.js";
import { levelForScore, scoreFindings, scoreRange } from "../../src/engine/score.js";
import type { AiResult, Category, Finding, Severity } from "../../src/types.js";

function finding(category: Category, severity: Severity, file = "f"): Finding {
  return { ruleId: `${category}/x`, category, severity, file, line: 1, side: "new", message: "m", remediation: "r" };
}
const AI: AiResult = { detected: true, agents: ["claude-code"], confidence: "certain", evidence: [], commitShare: 1 };

describe("scoring", () => {
  it("is zero and none without findings", () => {
    expect(scoreFindings([], NO_AI, 1)).toMatchObject({ score: 0, level: "none" });
    expect(scoreFindings([], AI, 1)).toMatchObject({ score: 0, level: "none" });
  });

  it("lets the highest severity set the floor", () => {
    expect(scoreFindings([finding("dependency", "low")], NO_AI, 1)).toMatchObject({ score: 10, level: "low" });
    expect(scoreFindings([finding("migration", "medium")], NO_AI, 1)).toMatchObject({ score: 30, level: "medium" });
    expect(scoreFindings([finding("infra-deletion", "high")], NO_AI, 1)).toMatchObject({ score: 55, level: "high" });
    expect(scoreFindings([finding("secrets", "critical")], NO_AI, 1)).toMatchObject({ score: 80, level: "critical" });
  });

  it("counts breadth per category, not per finding", () => {
    const many = Array.from({ length: 200 }, (_, i) => finding("dependency", "low", `f${i}`));
    expect(scoreFindings(many, NO_AI, 1).score).toBe(10);
    const wide = [finding("migration", "high"), finding("dependency", "low"), finding("safety-bypass", "medium")];
    expect(scoreFindings(wide, NO_AI, 1)).toMatchObject({ score: 55 + 1 + 4, level: "high" });
  });

  it("climbs a level only on wide changes", () => {
    const highs: Category[] = ["migration-destructive", "infra-deletion", "ci-workflow", "safety-bypass", "secrets"];
    expect(
      scoreFindings(
        highs.slice(0, 4).map((c) => finding(c, "high")),
        NO_AI,
        1,
      ).level,
    ).toBe("high");
    expect(
      scoreFindings(
        highs.map((c) => finding(c, "high")),
        NO_AI,
        1,
      ),
    ).toMatchObject({ score: 87, level: "critical" });
  });

  it("caps at 100", () => {
    const all: Category[] = [
      "migration-destructive",
      "infra-deletion",
      "ci-workflow",
      "safety-bypass",
      "secrets",
      "dependency",
    ];
    expect(
      scoreFindings(
        all.map((c) => finding(c, "critical")),
        NO_AI,
        1,
      ).score,
    ).toBe(100);
  });

  it("raises an AI-authored PR by the configured number of levels", () => {
    const r = scoreFindings([finding("migration", "medium")], AI, 1);
    expect(r).toMatchObject({ level: "high", baseLevel: "medium", score: 55 });
    expect(r.explanation.join(" ")).toMatch(/AI-authored/);
    expect(scoreFindings([finding("migration", "medium")], AI, 0).level).toBe("medium");
    expect(scoreFindings([finding("dependency", "low")], AI, 2).level).toBe("high");
    expect(scoreFindings([finding("secrets", "critical")], AI, 2).level).toBe("critical");
  });

  it("maps scores to levels at documented boundaries", () => {
    expect([0, 1, 29, 30, 54, 55, 79, 80, 100].map(levelForScore)).toEqual([
      "none",
      "low",
      "low",
      "medium",
      "medium",
      "high",
      "high",
      "critical",
      "critical",
    ]);
  });
});

describe("score ranges", () => {
  it("cover 0-100 without gaps, as the level thresholds say", () => {
    expect(["low", "medium", "high", "critical"].map((l) => scoreRange(l as Severity))).toEqual([
      "1-29",
      "30-54",
      "55-79",
      "80-100",
    ]);
    for (let score = 0; score <= 100; score++) {
      const level = levelForScore(score);
      const [lo, hi] = scoreRange(level).split("-").map(Number);
      expect(score).toBeGreaterThanOrEqual(lo!);
      expect(score).toBeLessThanOrEqual(hi!);
    }
  });
});
