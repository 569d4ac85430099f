import type { Rule } from "../types.js";
import { cloudDeleteRule } from "./cloud-delete.js";
import { databaseWipeRule } from "./database-wipe.js";
import { gitHistoryRewriteRule } from "./git-history-rewrite.js";
import { infraTeardownRule } from "./infra-teardown.js";
import { recursiveDeleteRule } from "./recursive-delete.js";
import { scheduledTeardownRule } from "./scheduled-teardown.js";

/** Rules of the `destructive-command` category, one file each. */
export const destructiveCommandRules: Rule[] = [
  recursiveDeleteRule,
  infraTeardownRule,
  scheduledTeardownRule,
  cloudDeleteRule,
  databaseWipeRule,
  gitHistoryRewriteRule,
];
