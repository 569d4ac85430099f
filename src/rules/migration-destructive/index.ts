import type { Rule } from "../types.js";
import { dropColumnRule } from "./drop-column.js";
import { dropTableRule } from "./drop-table.js";
import { notNullWithoutDefaultRule } from "./not-null-without-default.js";
import { renameOrRetypeRule } from "./rename-or-retype.js";
import { rowDeletionRule } from "./row-deletion.js";
import { unboundedDmlRule } from "./unbounded-dml.js";

/** Rules of the `migration-destructive` category, one file each. */
export const migrationDestructiveRules: Rule[] = [
  dropTableRule,
  dropColumnRule,
  renameOrRetypeRule,
  unboundedDmlRule,
  rowDeletionRule,
  notNullWithoutDefaultRule,
];
