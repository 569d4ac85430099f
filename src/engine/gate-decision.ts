import type { Config } from "../config/schema.js";
import type { ChangedFile } from "../diff/model.js";
import type { AiResult, ChecklistItem, GateDecision, Level } from "../types.js";
import { levelRank } from "../types.js";
import type { PathClassifier } from "../util/paths.js";

/** Whether the human review gate applies, and why, in one sentence. */
export function decideGate(
  files: readonly ChangedFile[],
  level: Level,
  ai: AiResult,
  checklist: ChecklistItem[],
  config: Config,
  paths: PathClassifier,
): GateDecision {
  const approvals = level === "none" ? 0 : config.gate.approvals[level];
  const notRequired = (reason: string): GateDecision => ({ required: false, reason, checklist, approvals: 0 });
  if (config.gate.policy === "ai-authored" && !ai.detected) {
    return notRequired("not AI-authored, and the gate policy is `ai-authored`");
  }
  if (files.length > 0 && files.every((f) => paths.isSafe(f.path) && (!f.oldPath || paths.isSafe(f.oldPath)))) {
    return notRequired("only safe paths changed (gate.safe_paths), auto-approved");
  }
  if (levelRank(level) < levelRank(config.gate.threshold)) {
    return notRequired(`risk level ${level} is below the gate threshold (${config.gate.threshold})`);
  }
  const who = config.gate.policy === "ai-authored" ? "AI-authored PR" : "PR";
  return {
    required: true,
    reason: `${who} at risk level ${level} (threshold ${config.gate.threshold}): ${approvals} human approver${approvals === 1 ? "" : "s"} must tick the checklist`,
    checklist,
    approvals,
  };
}
