import type { Rule } from "../types.js";
import { constraintValidationRule } from "./constraint-validation.js";
import { dataBackfillRule } from "./data-backfill.js";
import { historyRewriteRule } from "./history-rewrite.js";
import { indexNotConcurrentRule } from "./index-not-concurrent.js";
import { missingRollbackRule } from "./missing-rollback.js";
import { schemaChangeRule } from "./schema-change.js";
import { setNotNullRule } from "./set-not-null.js";

/** Rules of the `migration` category, one file each. */
export const migrationRules: Rule[] = [
  indexNotConcurrentRule,
  constraintValidationRule,
  setNotNullRule,
  dataBackfillRule,
  missingRollbackRule,
  historyRewriteRule,
  schemaChangeRule,
];
