import type { Rule } from "../types.js";
import { agentWorkflowRule } from "./agent-workflow.js";
import { approvalModeRule } from "./approval-mode.js";
import { bypassFlagRule } from "./bypass-flag.js";
import { instructionsLoosenedRule } from "./instructions-loosened.js";
import { mcpServerAddedRule } from "./mcp-server-added.js";
import { restrictionRemovedRule } from "./restriction-removed.js";
import { toolAllowedRule } from "./tool-allowed.js";

/** Rules of the `agent-autonomy` category, one file each: what a change does to a coding agent's leash. */
export const agentAutonomyRules: Rule[] = [
  toolAllowedRule,
  restrictionRemovedRule,
  approvalModeRule,
  bypassFlagRule,
  mcpServerAddedRule,
  agentWorkflowRule,
  instructionsLoosenedRule,
];
