import { migrationOpRule, tableOf, via } from "../migration-op.js";

export const unboundedDmlRule = migrationOpRule({
  id: "migration-destructive/unbounded-dml",
  category: "migration-destructive",
  description:
    "A migration deletes or updates every row of a table: DELETE or UPDATE without WHERE, Model.delete_all/update_all, bulkDelete/bulkUpdate without a condition.",
  severity: "high",
  remediation:
    "Add the WHERE clause the change needs, back up the table first, and run large data changes in batches outside the schema migration.",
  docs: {
    severity: "high",
    detects:
      "DELETE or UPDATE without WHERE. Framework forms: `Model.delete_all`/`update_all`, `bulkDelete(t, null)`, `bulkUpdate` without a condition, query-builder `update()`/`del()` without `where`",
  },
  kinds: {
    "delete-all": (op) => `Deletes every row of ${tableOf(op)}${via(op)} without a WHERE clause`,
    "update-all": (op) =>
      `Rewrites every row of ${tableOf(op)}${via(op)} without a WHERE clause: the previous values are lost`,
  },
  samples: {
    match: [
      { path: "migrations/20240104_purge.sql", lines: ["DELETE FROM sessions;"] },
      { path: "migrations/20240104_reset.sql", lines: ["UPDATE users SET active = false;"] },
    ],
    noMatch: [{ path: "migrations/20240104_expire.sql", lines: ["DELETE FROM sessions WHERE expires_at < now();"] }],
  },
});
