import type { AiResult, Finding, Level, Severity } from "../types.js";
import { LEVELS, levelRank, severityRank } from "../types.js";

/**
 * Risk score, 0–100, and level. The formula, as the README documents it:
 *
 *   score = floor(highest severity) + breadth, capped at 100
 *   floor:   low 10 · medium 30 · high 55 · critical 80
 *   breadth: for every *other* category with findings, its own highest severity adds
 *            low 1 · medium 4 · high 8 · critical 10
 *   level:   0 none · 1–29 low · 30–54 medium · 55–79 high · 80–100 critical
 *
 * So the most severe finding sets the level, and only wide changes climb a level on breadth
 * (four other high-severity categories lift a high to critical). An AI-authored PR with findings
 * then moves up `ai.raise_level` levels (default 1), and its score to at least that level's floor.
 */

export const SEVERITY_FLOOR: Record<Severity, number> = { low: 10, medium: 30, high: 55, critical: 80 };
export const BREADTH_WEIGHT: Record<Severity, number> = { low: 1, medium: 4, high: 8, critical: 10 };
/** The lowest score of each level: the one table of the score ranges. */
const LEVEL_FLOOR: Record<Level, number> = { none: 0, low: 1, medium: 30, high: 55, critical: 80 };

export function levelForScore(score: number): Level {
  for (let i = LEVELS.length - 1; i > 0; i--) if (score >= LEVEL_FLOOR[LEVELS[i]!]) return LEVELS[i]!;
  return "none";
}

/** The scores a level covers, e.g. "30-54" (for labels and docs). */
export function scoreRange(level: Level): string {
  const i = LEVELS.indexOf(level);
  const next = LEVELS[i + 1];
  return `${LEVEL_FLOOR[level]}-${next ? LEVEL_FLOOR[next] - 1 : 100}`;
}

export interface RiskScore {
  score: number;
  level: Level;
  /** Level before the AI raise, for explanations. */
  baseLevel: Level;
  /** Human-readable steps of the computation. */
  explanation: string[];
}

export function scoreFindings(findings: readonly Finding[], ai: AiResult, aiRaiseLevels: number): RiskScore {
  if (findings.length === 0) return { score: 0, level: "none", baseLevel: "none", explanation: ["no findings"] };
  const perCategory = new Map<string, Severity>();
  for (const f of findings) {
    const prev = perCategory.get(f.category);
    if (!prev || severityRank(f.severity) > severityRank(prev)) perCategory.set(f.category, f.severity);
  }
  const ranked = [...perCategory.entries()].sort((a, b) => severityRank(b[1]) - severityRank(a[1]));
  const [topCategory, topSeverity] = ranked[0]!;
  let score = SEVERITY_FLOOR[topSeverity];
  const explanation = [`${topSeverity} ${topCategory} sets the floor at ${score}`];
  let breadth = 0;
  for (const [, sev] of ranked.slice(1)) breadth += BREADTH_WEIGHT[sev];
  if (breadth > 0) {
    explanation.push(`${ranked.length - 1} other categor${ranked.length === 2 ? "y adds" : "ies add"} ${breadth}`);
    score += breadth;
  }
  score = Math.min(100, score);
  const baseLevel = levelForScore(score);
  let level = baseLevel;
  if (ai.detected && aiRaiseLevels > 0) {
    const raised = LEVELS[Math.min(LEVELS.length - 1, levelRank(baseLevel) + aiRaiseLevels)]!;
    if (raised !== baseLevel) {
      level = raised;
      score = Math.max(score, LEVEL_FLOOR[raised]);
      explanation.push(`AI-authored: raised ${aiRaiseLevels} level${aiRaiseLevels > 1 ? "s" : ""} to ${raised}`);
    }
  }
  return { score, level, baseLevel, explanation };
}
