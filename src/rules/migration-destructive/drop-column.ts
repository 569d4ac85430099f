import { columnsOf, migrationOpRule, via } from "../migration-op.js";

export const dropColumnRule = migrationOpRule({
  id: "migration-destructive/drop-column",
  category: "migration-destructive",
  description:
    "A migration drops a column (DROP COLUMN, remove_column, RemoveField, op.drop_column, removeColumn/dropColumn, Ecto remove, Liquibase dropColumn).",
  severity: "high",
  remediation:
    "Stop reading and writing the column first (Rails ignored_columns, Django SeparateDatabaseAndState), deploy, back up the data, then drop it in a later migration.",
  docs: {
    severity: "high",
    detects:
      "DROP COLUMN. Framework forms: `remove_column(s)`, `remove_reference`, `remove_timestamps`, `t.remove`, `RemoveField`, `op.drop_column`, `removeColumn`, `dropColumn`, `remove :col`, Liquibase `dropColumn`",
  },
  kinds: {
    "drop-column": (op) =>
      `Drops column${(op.columns?.length ?? 0) > 1 ? "s" : ""} ${columnsOf(op)}${via(op)}: the data is lost and running code that reads it breaks`,
  },
  samples: {
    match: [
      { path: "migrations/20240102_drop_email.sql", lines: ["ALTER TABLE users DROP COLUMN email;"] },
      {
        path: "db/migrate/20240102000000_remove_email.rb",
        lines: [
          "class RemoveEmail < ActiveRecord::Migration[7.1]",
          "  def change",
          "    remove_column :users, :email, :string",
          "  end",
          "end",
        ],
      },
    ],
    noMatch: [{ path: "migrations/20240102_add_nickname.sql", lines: ["ALTER TABLE users ADD COLUMN nickname text;"] }],
  },
});
