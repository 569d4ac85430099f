/**
 * How `npm run eval` scores the labelled corpora. Pure: a case and the engine's report in, numbers out.
 *
 * - A category the label expects and the report has is a hit (TP); expected but absent is a miss (FN).
 * - A reported category the label marks as a false alarm is an FP. The shared corpus names those
 *   (`absent`); the unseen corpus names what is acceptable, and everything else reported is an FP.
 * - Recall = TP / (TP + FN), precision = TP / (TP + FP), per category and overall.
 * - Level in range: the report's level lies within the label's min_level..max_level.
 * - Noise rate: of the commits drawn at random and labelled benign (max_level none or low), the share
 *   the engine rates medium or above. Selected commits never count: they were chosen for risk.
 */

import {
  type AiConfidence,
  type AiResult,
  CATEGORIES,
  type Finding,
  type Level,
  levelRank,
  type Report,
  type Severity,
  severityRank,
} from "../src/types.js";
import type { AiLabel } from "./corpus-unseen.js";

export interface EvalCase {
  id: string;
  why: string;
  expected: readonly string[];
  /** Whether reporting this category (not expected) is a false alarm for this case. */
  isFalseAlarm: (category: string) => boolean;
  minLevel: Level;
  maxLevel: Level;
  /** Drawn at random from a repository's history (counts for the noise rate when benign). */
  random: boolean;
}

export interface CaseResult {
  id: string;
  why: string;
  level: Level;
  score: number;
  ai: boolean;
  /** Reported categories with the rule ids that reported them. */
  found: Record<string, string[]>;
  hits: string[];
  missed: string[];
  /** False-alarm categories with the rule ids behind them. */
  falseAlarms: Record<string, string[]>;
  levelInRange: boolean;
  /** Rule ids of the most severe findings, which set the level (for "level above range"). */
  topRules: string[];
  benign: boolean;
  random: boolean;
  /** Rule ids of the findings at medium or above (what turned a benign commit into noise). */
  mediumPlusRules: string[];
  minLevel: Level;
  maxLevel: Level;
}

export function isBenign(maxLevel: Level): boolean {
  return levelRank(maxLevel) <= levelRank("low");
}

const atLeastMedium = (f: Finding) => severityRank(f.severity) >= severityRank("medium");
const unique = (xs: readonly string[]) => [...new Set(xs)].sort();

export function scoreCase(c: EvalCase, report: Report): CaseResult {
  const byCategory = new Map<string, Finding[]>();
  for (const f of report.findings) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  const rulesOf = (category: string) => unique((byCategory.get(category) ?? []).map((f) => f.ruleId));
  const expected = new Set(c.expected);
  const falseAlarms: Record<string, string[]> = {};
  for (const category of byCategory.keys()) {
    if (!expected.has(category) && c.isFalseAlarm(category)) falseAlarms[category] = rulesOf(category);
  }
  const top = report.findings.reduce<Severity | null>(
    (max, f) => (max === null || severityRank(f.severity) > severityRank(max) ? f.severity : max),
    null,
  );
  const level = report.risk.level;
  return {
    id: c.id,
    why: c.why,
    level,
    score: report.risk.score,
    ai: report.ai.detected,
    found: Object.fromEntries([...byCategory.keys()].sort().map((category) => [category, rulesOf(category)])),
    hits: c.expected.filter((category) => byCategory.has(category)),
    missed: c.expected.filter((category) => !byCategory.has(category)),
    falseAlarms,
    levelInRange: levelRank(level) >= levelRank(c.minLevel) && levelRank(level) <= levelRank(c.maxLevel),
    topRules: unique(report.findings.filter((f) => f.severity === top).map((f) => f.ruleId)),
    benign: isBenign(c.maxLevel),
    random: c.random,
    mediumPlusRules: unique(report.findings.filter(atLeastMedium).map((f) => f.ruleId)),
    minLevel: c.minLevel,
    maxLevel: c.maxLevel,
  };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  /** null when there is nothing to divide (no report, or no expectation, of this category). */
  precision: number | null;
  recall: number | null;
}

export interface CorpusSummary {
  name: string;
  cases: number;
  categories: Record<string, Counts>;
  overall: Counts;
  levelInRange: { ok: number; total: number; rate: number | null };
  /** Benign cases (max_level none/low, whatever their sampling) and how many were rated medium or above. */
  benign: { total: number; ratedMediumPlus: number };
  noise: { randomBenign: number; ratedMediumPlus: number; rate: number | null; cases: string[] };
  aiDetected: string[];
  /** Case ids per missed category. */
  misses: Record<string, string[]>;
  /** Case ids per rule id that raised a false-alarm category. */
  falseAlarmsByRule: Record<string, string[]>;
  /** Case ids per rule id whose findings put the level above max_level. */
  levelAboveByRule: Record<string, string[]>;
  /** Cases whose level is below min_level. */
  levelBelow: { id: string; level: Level; min: Level }[];
  /** Case ids per rule id that rated a random benign commit medium or above. */
  noiseByRule: Record<string, string[]>;
  results: CaseResult[];
}

/** The engine's category order (as the README lists them); categories it does not know yet come last. */
function categoryOrder(category: string): number {
  const i = (CATEGORIES as readonly string[]).indexOf(category);
  return i < 0 ? CATEGORIES.length : i;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function counts(tp: number, fp: number, fn: number): Counts {
  return { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

function push(map: Record<string, string[]>, key: string, id: string): void {
  const list = map[key] ?? [];
  if (!list.includes(id)) list.push(id);
  map[key] = list;
}

export function summarize(name: string, results: readonly CaseResult[]): CorpusSummary {
  const perCategory = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (category: string, key: "tp" | "fp" | "fn") => {
    const n = perCategory.get(category) ?? { tp: 0, fp: 0, fn: 0 };
    n[key]++;
    perCategory.set(category, n);
  };
  const misses: Record<string, string[]> = {};
  const falseAlarmsByRule: Record<string, string[]> = {};
  const levelAboveByRule: Record<string, string[]> = {};
  const noiseByRule: Record<string, string[]> = {};
  const levelBelow: CorpusSummary["levelBelow"] = [];
  const noisy: string[] = [];
  for (const r of results) {
    for (const category of r.hits) bump(category, "tp");
    for (const category of r.missed) {
      bump(category, "fn");
      push(misses, category, r.id);
    }
    for (const [category, rules] of Object.entries(r.falseAlarms)) {
      bump(category, "fp");
      for (const rule of rules) push(falseAlarmsByRule, rule, r.id);
    }
    if (!r.levelInRange) {
      if (levelRank(r.level) > levelRank(r.maxLevel)) for (const rule of r.topRules) push(levelAboveByRule, rule, r.id);
      else levelBelow.push({ id: r.id, level: r.level, min: r.minLevel });
    }
    if (r.random && r.benign && levelRank(r.level) >= levelRank("medium")) {
      noisy.push(r.id);
      for (const rule of r.mediumPlusRules) push(noiseByRule, rule, r.id);
    }
  }
  const categories = Object.fromEntries(
    [...perCategory.entries()]
      .sort(([a], [b]) => categoryOrder(a) - categoryOrder(b) || a.localeCompare(b))
      .map(([c, n]) => [c, counts(n.tp, n.fp, n.fn)]),
  );
  const total = [...perCategory.values()].reduce((a, n) => ({ tp: a.tp + n.tp, fp: a.fp + n.fp, fn: a.fn + n.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
  const inRange = results.filter((r) => r.levelInRange).length;
  const randomBenign = results.filter((r) => r.random && r.benign).length;
  return {
    name,
    cases: results.length,
    categories,
    overall: counts(total.tp, total.fp, total.fn),
    levelInRange: { ok: inRange, total: results.length, rate: ratio(inRange, results.length) },
    benign: {
      total: results.filter((r) => r.benign).length,
      ratedMediumPlus: results.filter((r) => r.benign && levelRank(r.level) >= levelRank("medium")).length,
    },
    noise: { randomBenign, ratedMediumPlus: noisy.length, rate: ratio(noisy.length, randomBenign), cases: noisy },
    aiDetected: results.filter((r) => r.ai).map((r) => r.id),
    misses,
    falseAlarmsByRule,
    levelAboveByRule,
    levelBelow,
    noiseByRule,
    results: [...results],
  };
}

/*
 * AI authorship on commits labelled from their recorded identity. A commit labelled AI and detected is a
 * TP; detected but labelled human is an FP. When the label names an agent and the detector found AI,
 * the agent id must be among the detected agents.
 */

export interface AiCaseResult {
  id: string;
  why: string;
  expectedAi: boolean;
  expectedAgent: string | null;
  detected: boolean;
  confidence: AiConfidence;
  agents: string[];
  correct: boolean;
  /** null when not checked (no agent labelled, or nothing detected). */
  agentAgrees: boolean | null;
}

export interface AiSummary {
  name: string;
  cases: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  recall: number | null;
  precision: number | null;
  agentChecked: number;
  agentAgree: number;
  results: AiCaseResult[];
}

export function scoreAiCase(label: AiLabel, ai: AiResult): AiCaseResult {
  const { ai: expectedAi, agent: expectedAgent } = label.expected;
  return {
    id: label.id,
    why: label.why,
    expectedAi,
    expectedAgent,
    detected: ai.detected,
    confidence: ai.confidence,
    agents: ai.agents,
    correct: ai.detected === expectedAi,
    agentAgrees: expectedAgent !== null && ai.detected ? ai.agents.includes(expectedAgent) : null,
  };
}

export function summarizeAi(name: string, results: readonly AiCaseResult[]): AiSummary {
  const count = (p: (r: AiCaseResult) => boolean) => results.filter(p).length;
  const tp = count((r) => r.expectedAi && r.detected);
  const fp = count((r) => !r.expectedAi && r.detected);
  const fn = count((r) => r.expectedAi && !r.detected);
  return {
    name,
    cases: results.length,
    positives: count((r) => r.expectedAi),
    tp,
    fp,
    fn,
    tn: count((r) => !r.expectedAi && !r.detected),
    recall: ratio(tp, tp + fn),
    precision: ratio(tp, tp + fp),
    agentChecked: count((r) => r.agentAgrees !== null),
    agentAgree: count((r) => r.agentAgrees === true),
    results: [...results],
  };
}
