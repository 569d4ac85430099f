import { describe, expect, it } from "vitest";
import { type EvalCase, scoreCase, summarize } from "../../scripts/corpus-score.js";
import { analyze } from "../../src/engine/analyze.js";
import type { Level, Report } from "../../src/types.js";
import { addedFile } from "../support/diff.js";

/**
 * The accuracy figures `npm run eval` reports are only as good as their definitions: what counts as
 * a false alarm, which commits count for the noise rate, how misses and false alarms are attributed.
 */
// A blanket lint silence: a medium finding (one-line silences are low).
const lintSilence = addedFile("web/app.js", ["/* eslint-disable */", "console.log(1);"]);
let report: Report;
const reportFor = async () => {
  report ??= await analyze({ diff: lintSilence });
  return report;
};

function label(over: Partial<EvalCase> & { acceptable?: string[] }): EvalCase {
  const allowed = new Set([...(over.expected ?? []), ...(over.acceptable ?? [])]);
  return {
    id: "case",
    why: "",
    expected: [],
    isFalseAlarm: (category) => !allowed.has(category),
    minLevel: "none" as Level,
    maxLevel: "low" as Level,
    random: true,
    ...over,
  };
}

describe("eval scoring", () => {
  it("counts a reported category that is neither expected nor acceptable as a false alarm, by rule id", async () => {
    const r = await reportFor();
    expect(r.findings.some((f) => f.category === "safety-bypass")).toBe(true);
    const result = scoreCase(label({}), r);
    expect(result.falseAlarms["safety-bypass"]).toContain("safety-bypass/lint-suppression");
    const summary = summarize("t", [result]);
    expect(summary.falseAlarmsByRule["safety-bypass/lint-suppression"]).toEqual(["case"]);
    expect(summary.categories["safety-bypass"]).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: null });
  });

  it("does not count an acceptable category as a false alarm, but still counts the level as noise", async () => {
    const r = await reportFor();
    const result = scoreCase(label({ acceptable: ["safety-bypass", "missing-tests"] }), r);
    expect(result.falseAlarms).toEqual({});
    const summary = summarize("t", [result]);
    expect(summary.noise).toMatchObject({ randomBenign: 1, ratedMediumPlus: 1, rate: 1, cases: ["case"] });
    expect(summary.noiseByRule["safety-bypass/lint-suppression"]).toEqual(["case"]);
    expect(summary.levelAboveByRule["safety-bypass/lint-suppression"]).toEqual(["case"]);
  });

  it("leaves selected commits out of the noise rate and attributes misses to their category", async () => {
    const r = await reportFor();
    const quiet = ["safety-bypass", "missing-tests"];
    const selected = scoreCase(label({ id: "selected", random: false, acceptable: quiet }), r);
    const random = scoreCase(label({ id: "random", acceptable: quiet }), r);
    const missed = scoreCase(
      label({ id: "drop", expected: ["migration-destructive"], minLevel: "high", maxLevel: "critical" }),
      r,
    );
    const summary = summarize("t", [selected, random, missed]);
    expect(summary.noise).toMatchObject({ randomBenign: 1, ratedMediumPlus: 1, rate: 1, cases: ["random"] });
    expect(summary.benign).toEqual({ total: 2, ratedMediumPlus: 2 });
    expect(summary.misses).toEqual({ "migration-destructive": ["drop"] });
    expect(summary.levelBelow).toEqual([{ id: "drop", level: r.risk.level, min: "high" }]);
    expect(summary.categories["migration-destructive"]).toMatchObject({ tp: 0, fn: 1, recall: 0 });
  });

  it("scores a hit and an in-range level", async () => {
    const r = await reportFor();
    const result = scoreCase(
      label({ expected: ["safety-bypass"], acceptable: ["missing-tests"], minLevel: "low", maxLevel: "high" }),
      r,
    );
    expect(result.hits).toEqual(["safety-bypass"]);
    expect(result.levelInRange).toBe(true);
    expect(summarize("t", [result]).overall).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 });
  });
});
