import type { Config } from "../config/schema.js";
import type { AiResult, PullRequestFacts } from "../types.js";

export const NO_AI: AiResult = { detected: false, agents: [], confidence: "none", evidence: [], commitShare: null };

/** Placeholder until the agent catalogue lands: reports nothing. */
export function detectAi(pr: PullRequestFacts | null, _config: Config): AiResult {
  if (!pr) return NO_AI;
  return { ...NO_AI, commitShare: pr.commits && pr.commits.length > 0 ? 0 : null };
}
