import type { AiResult, Finding, Level, Severity } from "../types.js";
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
export declare const SEVERITY_FLOOR: Record<Severity, number>;
export declare const BREADTH_WEIGHT: Record<Severity, number>;
export declare function levelForScore(score: number): Level;
/** The scores a level covers, e.g. "30-54" (for labels and docs). */
export declare function scoreRange(level: Level): string;
export interface RiskScore {
    score: number;
    level: Level;
    /** Level before the AI raise, for explanations. */
    baseLevel: Level;
    /** Human-readable steps of the computation. */
    explanation: string[];
}
export declare function scoreFindings(findings: readonly Finding[], ai: AiResult, aiRaiseLevels: number): RiskScore;
