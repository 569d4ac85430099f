import type { Rule } from "../types.js";
import { cloudDeleteRule } from "./cloud-delete.js";
import { databaseWipeRule } from "./database-wipe.js";
import { gitHistoryRewriteRule } from "./git-history-rewrite.js";
import { infraTeardownRule } from "./infra-teardown.js";
import { recursiveDeleteRule } from "./recursive-delete.js";

/** Rules of the `destructive-command` category, one file each. */
export const destructiveCommandRules: Rule[] = [
  recursiveDeleteRule,
  infraTeardownRule,
  cloudDeleteRule,
  databaseWipeRule,
  gitHistoryRewriteRule,
];
