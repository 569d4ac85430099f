import type { Config } from "../config/schema.js";
import type { ChangedFile } from "../diff/model.js";
import type { AiResult, ChecklistItem, GateDecision, Level } from "../types.js";
import type { PathClassifier } from "../util/paths.js";
/** Whether the human review gate applies, and why, in one sentence. */
export declare function decideGate(files: readonly ChangedFile[], level: Level, ai: AiResult, checklist: ChecklistItem[], config: Config, paths: PathClassifier): GateDecision;
