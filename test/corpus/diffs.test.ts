import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { type Category, type Level, levelRank, type Report } from "../../src/types.js";
import { corpusFile, readJsonl } from "../support/corpus.js";

/**
 * The labelled diff corpus as a regression suite: each case's required categories are reported, its
 * absent ones are not, and its level is in range. `npm run eval` prints the same as a table.
 */
interface Label {
  id: string;
  description: string;
  expected: { categories: Category[]; absent: Category[]; min_level: Level; max_level: Level };
}

/**
 * Labels the diff cannot support, with why. Kept explicit so that the figures in the notes stay honest
 * and a rule is never bent to a case's literal text.
 */
const KNOWN_MISSES: Record<string, { category: Category; why: string }> = {
  "pytest-skip-added": {
    category: "safety-bypass",
    why: "the corpus kept 5 of the commit's 6 files; none of the kept hunks adds a skip marker",
  },
};

const labels = readJsonl<Label>(corpusFile("diffs", "labels.jsonl"));
const reports = new Map<string, Promise<Report>>();
const reportFor = (id: string) => {
  let r = reports.get(id);
  if (!r) {
    r = analyze({ diff: readFileSync(corpusFile("diffs", `${id}.diff`)) });
    reports.set(id, r);
  }
  return r;
};

describe.skipIf(labels.length === 0)("diff corpus", () => {
  it.each(labels.map((l) => [l.id, l] as const))("%s", async (_id, label) => {
    const report = await reportFor(label.id);
    const found = new Set(report.findings.map((f) => f.category));
    const miss = KNOWN_MISSES[label.id];
    for (const c of label.expected.categories) {
      if (miss?.category === c) continue;
      expect(found.has(c), `${c} reported (${label.description})`).toBe(true);
    }
    for (const c of label.expected.absent) expect(found.has(c), `${c} not reported`).toBe(false);
    if (!miss) {
      const level = levelRank(report.risk.level);
      expect(level, `level ${report.risk.level}`).toBeGreaterThanOrEqual(levelRank(label.expected.min_level));
      expect(level, `level ${report.risk.level}`).toBeLessThanOrEqual(levelRank(label.expected.max_level));
    }
    for (const w of report.warnings) expect(w).not.toMatch(/^rule .* failed/);
  });

  it("meets the accuracy bar: precision ≥ 0.9 and recall ≥ 0.95 overall, no benign case at medium or above", async () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let benignMediumPlus = 0;
    for (const label of labels) {
      const report = await reportFor(label.id);
      const found = new Set(report.findings.map((f) => f.category));
      for (const c of label.expected.categories) found.has(c) ? tp++ : fn++;
      for (const c of label.expected.absent) if (found.has(c)) fp++;
      const benign = levelRank(label.expected.max_level) <= levelRank("low");
      if (benign && levelRank(report.risk.level) >= levelRank("medium")) benignMediumPlus++;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.95);
    expect(benignMediumPlus).toBe(0);
  });
});
