/**
 * AI-authorship detection: was this pull request written by a coding agent, which one, how sure are
 * we, and on what evidence. See docs/ai-detection.md for the signals, weights and decision rules.
 */
import type { Config } from "../config/schema.js";
import type { AiResult, PullRequestFacts } from "../types.js";
export declare const NO_AI: AiResult;
/** Commits looked at; a PR with more is judged on its first ones (the share is over those). */
export declare const MAX_COMMITS = 1000;
export { agentsCatalogue } from "./catalogue.js";
/**
 * Detects AI authorship from PR facts (CLI `--pr` JSON, git, or GitHub objects).
 * - confidence `certain`: an agent identity or agent-only trailer;
 * - `likely`: a footer, session link or tool-generated branch/title shape, or two independent
 *   weaker signals (supporting/declared from different places);
 * - `possible`: one supporting or declared signal.
 * `detected` is true for certain and likely, and for any human declaration (label, ticked box,
 * Assisted-by): a branch namespace alone (`cursor/...`) is recorded but does not flag the PR.
 */
export declare function detectAi(pr: PullRequestFacts | null, config: Config): AiResult;
/**
 * What AI detection did not read whole, for the report's warnings: a cap never drops a signal silently.
 * Texts over MAX_TEXT_CHARS are read as head and tail (trailer blocks in full); commits past MAX_COMMITS
 * are not read.
 */
export declare function aiReadNotes(pr: PullRequestFacts | null): string[];
