import type { Config } from "../config/schema.js";
import type { ChangedFile } from "../diff/model.js";
import type { AiResult, NotAnalyzedFile, PullRequestFacts, Report } from "../types.js";
export interface AnalyzeInput {
    /** A unified diff, or files already in the diff model (the Action and App build them from the API). */
    diff: string | Uint8Array | readonly ChangedFile[];
    pr?: PullRequestFacts | null;
    config?: Config;
    /** Precomputed AI result (the adapters may add signals the PR facts lack). */
    ai?: AiResult;
    /** Files the caller could not fetch a patch for, with the reason. */
    notAnalyzed?: NotAnalyzedFile[];
}
/**
 * The whole analysis: parse, detect AI authorship, run every active rule, apply overrides and
 * production scope, deduplicate, score, derive the checklist and decide the gate. Pure: no I/O.
 * Throws DiffParseError for input that is not a diff; a failing rule becomes a warning, not a crash.
 */
export declare function analyze(input: AnalyzeInput): Promise<Report>;
