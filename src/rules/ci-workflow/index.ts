import type { Rule } from "../types.js";
import { actionRepinnedRule } from "./action-repinned.js";
import { ciConfigChangedRule } from "./ci-config-changed.js";
import { continueOnErrorRule } from "./continue-on-error.js";
import { governanceFileChangedRule } from "./governance-file-changed.js";
import { permissionsWidenedRule } from "./permissions-widened.js";
import { privilegedTriggerRule } from "./privileged-trigger.js";
import { scriptInjectionRule } from "./script-injection.js";
import { secretsInUntrustedContextRule } from "./secrets-in-untrusted-context.js";
import { workflowRemovedRule } from "./workflow-removed.js";

/** Rules of the `ci-workflow` category, one file each. */
export const ciWorkflowRules: Rule[] = [
  ciConfigChangedRule,
  privilegedTriggerRule,
  permissionsWidenedRule,
  scriptInjectionRule,
  secretsInUntrustedContextRule,
  actionRepinnedRule,
  workflowRemovedRule,
  continueOnErrorRule,
  governanceFileChangedRule,
];
