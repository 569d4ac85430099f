import type { Config } from "../config/schema.js";
import type { ChangedFile } from "../diff/model.js";
import type { AiResult, ChecklistItem, Finding, GateDecision, Level, PullRequestFacts } from "../types.js";
import type { PathClassifier } from "../util/paths.js";
/** The checklist item of rollback readiness; the App tracks its ticks by this id. */
/** The App's check on commits: what branch protection requires (pinned to the App) and the gate posts. */
export declare const GATE_CHECK_NAME = "AI Review Gate";
export declare const ROLLBACK_ITEM_ID = "rollback:plan";
/** Whether the human review gate applies, and why, in one sentence; and whether a rollback plan is required. */
export declare function decideGate(files: readonly ChangedFile[], level: Level, ai: AiResult, checklist: ChecklistItem[], config: Config, paths: PathClassifier, pr?: PullRequestFacts | null, findings?: readonly Finding[]): GateDecision;
