import type { GitHubPort, LabelSpec, PullRef } from "../src/github/port.js";
import { type Level, type Report, scoreRange } from "../src/index.js";

export type { LabelSpec };

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
      description: `Risk level ${level} from ai-review-gate (score ${scoreRange(level)})`,
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
  port: Pick<GitHubPort, "createLabel" | "addLabels" | "removeLabel">,
  ref: PullRef,
  plan: LabelPlan,
  repoLabels: ReadonlySet<string>,
): Promise<void> {
  const repo = { owner: ref.owner, repo: ref.repo };
  // A label created meanwhile by a concurrent run is as good as ours.
  for (const spec of plan.add) if (!repoLabels.has(spec.name)) await port.createLabel(repo, spec);
  if (plan.add.length > 0)
    await port.addLabels(
      ref,
      plan.add.map((l) => l.name),
    );
  for (const name of plan.remove) await port.removeLabel(ref, name);
}
