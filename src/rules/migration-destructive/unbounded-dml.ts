import { opFindings } from "../../migrations/describe.js";
import type { OpKind } from "../../migrations/ops.js";
import { initPostgresParser } from "../../migrations/pg.js";
import type { Rule } from "../types.js";

const KINDS: ReadonlySet<OpKind> = new Set(["delete-all", "update-all"]);

export const unboundedDmlRule: Rule = {
  id: "migration-destructive/unbounded-dml",
  category: "migration-destructive",
  description:
    "A migration deletes or updates every row of a table: DELETE or UPDATE without WHERE, Model.delete_all/update_all, bulkDelete/bulkUpdate without a condition.",
  severity: "high",
  remediation:
    "Add the WHERE clause the change needs, back up the table first, and run large data changes in batches outside the schema migration.",
  init: initPostgresParser,
  run(ctx) {
    return opFindings(ctx, KINDS, () => "high");
  },
};
