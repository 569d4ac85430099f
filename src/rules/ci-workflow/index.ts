import type { Rule } from "../types.js";
import { actionRepinnedRule } from "./action-repinned.js";
import { ciConfigChangedRule } from "./ci-config-changed.js";
import { continueOnErrorRule } from "./continue-on-error.js";
import { permissionsWidenedRule } from "./permissions-widened.js";
import { privilegedTriggerRule } from "./privileged-trigger.js";
import { protectedConfigRule } from "./protected-config.js";
import { scriptInjectionRule } from "./script-injection.js";
import { secretsUntrustedRule } from "./secrets-untrusted.js";
import { workflowRemovedRule } from "./workflow-removed.js";

/** Rules of the `ci-workflow` category, one file each. */
export const ciWorkflowRules: Rule[] = [
  ciConfigChangedRule,
  privilegedTriggerRule,
  permissionsWidenedRule,
  scriptInjectionRule,
  secretsUntrustedRule,
  actionRepinnedRule,
  workflowRemovedRule,
  continueOnErrorRule,
  protectedConfigRule,
];
