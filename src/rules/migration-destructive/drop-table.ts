import { migrationOpRule, tableOf, via } from "../migration-op.js";

/** Dropping this many tables in one change is treated as a mass deletion. */
const MANY_TABLES = 3;

export const dropTableRule = migrationOpRule({
  id: "migration-destructive/drop-table",
  category: "migration-destructive",
  description:
    "A migration drops or truncates a table, a schema or a database (SQL, Rails drop_table, Django DeleteModel, Alembic op.drop_table, Knex/Sequelize/TypeORM dropTable, Ecto drop table, Liquibase dropTable).",
  severity: "high",
  remediation:
    "Confirm nothing reads the table any more (deploy the code change first), take a backup or rename the table aside for one release, and drop it in a later migration.",
  docs: {
    severity: "high; critical for DROP SCHEMA/DATABASE, TRUNCATE, or 3+ tables dropped in one change",
    detects:
      "DROP TABLE / SCHEMA / DATABASE, TRUNCATE. Framework forms: `drop_table`, `drop_join_table`, `create_table force:`, `DeleteModel`, `op.drop_table`, `dropTable(IfExists)`, `Schema::drop`, `DropTable`, `drop table(:t)`, Liquibase `dropTable`",
  },
  kinds: {
    "drop-table": (op) => `Drops table ${tableOf(op)}${via(op)}: its rows are lost and code still reading it fails`,
    "drop-schema": (op) => `Drops schema ${tableOf(op)}${via(op)} with every table in it`,
    "drop-database": (op) => `Drops database ${tableOf(op)}${via(op)}`,
    truncate: (op) => `Truncates table ${tableOf(op)}${via(op)}: every row is deleted`,
  },
  severityOf: (op, analysis) =>
    op.kind !== "drop-table" || analysis.droppedTables >= MANY_TABLES ? "critical" : "high",
  samples: {
    match: [
      { path: "migrations/20240101_drop_users.sql", lines: ["DROP TABLE users;"] },
      {
        path: "db/migrate/20240101000000_drop_users.rb",
        lines: [
          "class DropUsers < ActiveRecord::Migration[7.1]",
          "  def change",
          "    drop_table :users",
          "  end",
          "end",
        ],
      },
      { path: "migrations/20240101_truncate.sql", lines: ["TRUNCATE audit_log;"] },
    ],
    noMatch: [
      { path: "migrations/20240101_create.sql", lines: ["CREATE TABLE users (id bigint PRIMARY KEY);"] },
      {
        path: "migrations/20240101_scratch.sql",
        lines: ["CREATE TABLE tmp_import (id int);", "DROP TABLE tmp_import;"],
      },
    ],
  },
});
