import { columnsOf, migrationOpRule, via } from "../migration-op.js";

export const notNullWithoutDefaultRule = migrationOpRule({
  id: "migration-destructive/not-null-without-default",
  category: "migration-destructive",
  description:
    "A migration adds a NOT NULL column without a default to an existing table: it fails on a non-empty table and breaks inserts from code that does not know the column.",
  severity: "high",
  remediation:
    "Add the column nullable (or with a default), backfill it, then set NOT NULL in a later migration once every writer sets it.",
  docs: {
    severity: "high",
    detects:
      "ADD COLUMN … NOT NULL without DEFAULT on an existing table. Framework forms: `add_column null: false` without `default:`, `AddField` without `null=True`/`default`, `sa.Column(nullable=False)` without `server_default`, `allowNull: false` without `defaultValue`, `.notNullable()` without `.defaultTo()`, Ecto `add … null: false`",
  },
  kinds: {
    "add-not-null-no-default": (op) =>
      `Adds NOT NULL column${(op.columns?.length ?? 0) > 1 ? "s" : ""} ${columnsOf(op)} without a default to an existing table${via(op)}: fails on a non-empty table and breaks inserts from running code`,
  },
  samples: {
    match: [
      { path: "migrations/20240105_tenant.sql", lines: ["ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;"] },
    ],
    noMatch: [
      {
        path: "migrations/20240105_tenant_default.sql",
        lines: ["ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL DEFAULT 0;"],
      },
      { path: "migrations/20240105_new_table.sql", lines: ["CREATE TABLE tenants (id bigint NOT NULL);"] },
    ],
  },
});
