import { opFindings } from "../../migrations/describe.js";
import type { OpKind } from "../../migrations/ops.js";
import { initPostgresParser } from "../../migrations/pg.js";
import type { Rule } from "../types.js";

const KINDS: ReadonlySet<OpKind> = new Set(["rename-column", "rename-table", "alter-type"]);

export const renameOrRetypeRule: Rule = {
  id: "migration-destructive/rename-or-retype",
  category: "migration-destructive",
  description:
    "A migration renames a column or table or changes a column's type (RENAME, ALTER COLUMN TYPE, rename_column, change_column, RenameField, op.alter_column type_=, changeColumn, modifyDataType).",
  severity: "high",
  remediation:
    "Expand and contract instead: add the new column, write to both, backfill, switch reads, then drop the old one; check that a type change cannot truncate or reject existing values.",
  init: initPostgresParser,
  run(ctx) {
    return opFindings(ctx, KINDS, () => "high");
  },
};
