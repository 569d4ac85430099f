import { opFindings } from "../../migrations/describe.js";
import type { OpKind } from "../../migrations/ops.js";
import { initPostgresParser } from "../../migrations/pg.js";
import type { Rule } from "../types.js";

const KINDS: ReadonlySet<OpKind> = new Set(["drop-column"]);

export const dropColumnRule: Rule = {
  id: "migration-destructive/drop-column",
  category: "migration-destructive",
  description:
    "A migration drops a column (DROP COLUMN, remove_column, RemoveField, op.drop_column, removeColumn/dropColumn, Ecto remove, Liquibase dropColumn).",
  severity: "high",
  remediation:
    "Stop reading and writing the column first (Rails ignored_columns, Django SeparateDatabaseAndState), deploy, back up the data, then drop it in a later migration.",
  init: initPostgresParser,
  run(ctx) {
    return opFindings(ctx, KINDS, () => "high");
  },
};
