import type { GitHubClient, RepoRef } from "../src/github/client.js";
import { statusOf } from "../src/github/errors.js";
import type { Level, Report } from "../src/types.js";

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

export const AI_LABEL = "ai-authored";
export const AGENT_PREFIX = "ai-agent:";
export const RISK_PREFIX = "risk:";
export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;

const RISK_COLORS: Record<Exclude<Level, "none">, string> = {
  low: "0e8a16",
  medium: "fbca04",
  high: "d93f0b",
  critical: "b60205",
};

const RISK_RANGES: Record<Exclude<Level, "none">, string> = {
  low: "1-29",
  medium: "30-54",
  high: "55-79",
  critical: "80-100",
};

/** Label names GitHub accepts are at most 50 characters. */
function labelName(text: string): string {
  return text.slice(0, 50);
}

/** The labels a report calls for. */
export function desiredLabels(report: Report): LabelSpec[] {
  const out: LabelSpec[] = [];
  if (report.ai.detected) {
    out.push({ name: AI_LABEL, color: "7057ff", description: "Authored with an AI coding agent (ai-review-gate)" });
    for (const agent of report.ai.agents)
      out.push({
        name: labelName(`${AGENT_PREFIX}${agent}`),
        color: "c5def5",
        description: `Authored by the ${agent} AI agent (ai-review-gate)`.slice(0, 100),
      });
  }
  const level = report.risk.level;
  if (level !== "none")
    out.push({
      name: `${RISK_PREFIX}${level}`,
      color: RISK_COLORS[level],
      description: `Risk level ${level} from ai-review-gate (score ${RISK_RANGES[level]})`,
    });
  return out;
}

/** Labels this Action writes. */
export function isManagedLabel(name: string): boolean {
  return name === AI_LABEL || name.startsWith(RISK_PREFIX) || name.startsWith(AGENT_PREFIX);
}

/** Names of the fixed labels, for the existence check done with the first query. */
export const FIXED_LABELS: readonly string[] = [AI_LABEL, ...RISK_LEVELS.map((l) => `${RISK_PREFIX}${l}`)];

export interface LabelPlan {
  add: LabelSpec[];
  /** Stale `risk:*` and `ai-agent:*` labels. `ai-authored` is never removed: a human may have set it. */
  remove: string[];
}

export function planLabels(current: readonly string[], desired: readonly LabelSpec[]): LabelPlan {
  const have = new Set(current);
  const want = new Set(desired.map((d) => d.name));
  return {
    add: desired.filter((d) => !have.has(d.name)),
    remove: current.filter((n) => (n.startsWith(RISK_PREFIX) || n.startsWith(AGENT_PREFIX)) && !want.has(n)),
  };
}

/**
 * Apply a plan: create missing repository labels with color and description, add the new ones in one
 * request, remove stale ones. Nothing is sent when the PR already has the right labels.
 */
export async function applyLabels(
  client: GitHubClient,
  ref: RepoRef & { number: number },
  plan: LabelPlan,
  repoLabels: ReadonlySet<string>,
): Promise<number> {
  let requests = 0;
  for (const spec of plan.add) {
    if (repoLabels.has(spec.name)) continue;
    requests++;
    try {
      await client.request("POST /repos/{owner}/{repo}/labels", {
        owner: ref.owner,
        repo: ref.repo,
        name: spec.name,
        color: spec.color,
        description: spec.description,
      });
    } catch (e) {
      // 422: created meanwhile by a concurrent run. Anything else is a real failure.
      if (statusOf(e) !== 422) throw e;
    }
  }
  if (plan.add.length > 0) {
    requests++;
    await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      owner: ref.owner,
      repo: ref.repo,
      issue_number: ref.number,
      labels: plan.add.map((l) => l.name),
    });
  }
  for (const name of plan.remove) {
    requests++;
    try {
      await client.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
        owner: ref.owner,
        repo: ref.repo,
        issue_number: ref.number,
        name,
      });
    } catch (e) {
      if (statusOf(e) !== 404) throw e;
    }
  }
  return requests;
}
