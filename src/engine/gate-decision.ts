import { isAgentConfigPath } from "../agents/agent-paths.js";
import type { Config } from "../config/schema.js";
import type { ChangedFile } from "../diff/model.js";
import type {
  AiResult,
  ChecklistItem,
  Finding,
  GateDecision,
  Level,
  PullRequestFacts,
  RollbackReadiness,
} from "../types.js";
import { levelRank } from "../types.js";
import type { PathClassifier } from "../util/paths.js";
import { findRollbackSection } from "./rollback.js";

/** The checklist item of rollback readiness; the App tracks its ticks by this id. */
/** The App's check on commits: what branch protection requires (pinned to the App) and the gate posts. */
export const GATE_CHECK_NAME = "AI Review Gate";

export const ROLLBACK_ITEM_ID = "rollback:plan";

/** Findings whose change has no way back but a plan: destructive migrations without a down migration. */
const NEEDS_ROLLBACK_PLAN = new Set(["migration/missing-rollback"]);

function rollbackReadiness(
  gateRequired: boolean,
  level: Level,
  pr: PullRequestFacts | null,
  findings: readonly Finding[],
  config: Config,
): RollbackReadiness {
  const { required_from: from, heading } = config.gate.rollback;
  const section = findRollbackSection(pr?.body, heading);
  const present = section?.meaningful ?? false;
  const related = findings
    .filter((f) => NEEDS_ROLLBACK_PLAN.has(f.ruleId))
    .map((f) => ({ ruleId: f.ruleId, file: f.file, line: f.line }));
  const base = { present, heading, text: section ? section.text : null, related };
  if (from === "off") return { ...base, required: false, reason: "not required (gate.rollback.required_from: off)" };
  if (!gateRequired) return { ...base, required: false, reason: "not required: the gate does not apply to this PR" };
  const atLevel = levelRank(level) >= levelRank(from);
  // A migration that cannot be undone needs a plan from `high` up, whatever the threshold.
  const byMigration = related.length > 0 && levelRank(level) >= levelRank("high");
  if (!atLevel && !byMigration)
    return { ...base, required: false, reason: `not required below risk level ${from} (gate.rollback.required_from)` };
  const why = atLevel
    ? `required at risk level ${level}`
    : `required: ${related.length} destructive migration${related.length === 1 ? "" : "s"} without a down migration`;
  // The configured heading, never the PR's own text: reasons are printed unescaped by some outputs.
  const state = present
    ? `the description has a "${heading}" section`
    : section
      ? `the "${heading}" section of the description is empty`
      : `add a "## ${heading}" section to the PR description saying how to undo this change`;
  return { ...base, required: true, reason: `${why}: ${state}` };
}

function rollbackItem(r: RollbackReadiness): ChecklistItem {
  const migrations = r.related.length > 0 ? ", including the destructive migrations without a down migration" : "";
  return {
    id: ROLLBACK_ITEM_ID,
    text: `The "${r.heading}" section of the PR description says how to undo this change (revert, down migration, restore from backup)${migrations}, and it would work.`,
    category: null,
  };
}

/** Whether the human review gate applies, and why, in one sentence; and whether a rollback plan is required. */
export function decideGate(
  files: readonly ChangedFile[],
  level: Level,
  ai: AiResult,
  checklist: ChecklistItem[],
  config: Config,
  paths: PathClassifier,
  pr: PullRequestFacts | null = null,
  findings: readonly Finding[] = [],
): GateDecision {
  const approvals = level === "none" ? 0 : config.gate.approvals[level];
  const notRequired = (reason: string): GateDecision => ({
    required: false,
    reason,
    checklist,
    approvals: 0,
    rollback: rollbackReadiness(false, level, pr, findings, config),
  });
  if (config.gate.policy === "ai-authored" && !ai.detected) {
    return notRequired("not AI-authored, and the gate policy is `ai-authored`");
  }
  // A path exempts what it is, never what it holds: an agent's settings and instructions are never
  // "docs", and a secret is a leak wherever it was committed (`paths.ignore` included: the secret scan
  // reads every file), so a PR with one is never auto-approved; only `secrets.allowlist` exempts a secret.
  const leaks = findings.some((f) => f.category === "secrets");
  const safe = (p: string) => paths.isSafe(p) && !isAgentConfigPath(p);
  if (!leaks && files.length > 0 && files.every((f) => safe(f.path) && (!f.oldPath || safe(f.oldPath)))) {
    return notRequired("only safe paths changed (gate.safe_paths), auto-approved");
  }
  if (levelRank(level) < levelRank(config.gate.threshold)) {
    return notRequired(`risk level ${level} is below the gate threshold (${config.gate.threshold})`);
  }
  const who = config.gate.policy === "ai-authored" ? "AI-authored PR" : "PR";
  const rollback = rollbackReadiness(true, level, pr, findings, config);
  return {
    required: true,
    reason: `${who} at risk level ${level} (threshold ${config.gate.threshold}): ${approvals} human approver${approvals === 1 ? "" : "s"} must tick the checklist`,
    checklist: rollback.required ? [...checklist, rollbackItem(rollback)] : checklist,
    approvals,
    rollback,
  };
}
