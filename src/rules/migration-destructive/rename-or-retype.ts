import { columnsOf, migrationOpRule, tableOf, via } from "../migration-op.js";

export const renameOrRetypeRule = migrationOpRule({
  id: "migration-destructive/rename-or-retype",
  category: "migration-destructive",
  description:
    "A migration renames a column or table or changes a column's type (RENAME, ALTER COLUMN TYPE, rename_column, change_column, RenameField, op.alter_column type_=, changeColumn, modifyDataType).",
  severity: "high",
  remediation:
    "Expand and contract instead: add the new column, write to both, backfill, switch reads, then drop the old one; check that a type change cannot truncate or reject existing values.",
  docs: {
    severity: "high",
    detects:
      "RENAME COLUMN/TABLE, ALTER COLUMN TYPE, MySQL MODIFY/CHANGE, `sp_rename`. Framework forms: `rename_column`, `rename_table`, `change_column`, `RenameField`, `RenameModel`, `AlterModelTable`, `AlterField` whose model diff changes the field class, `op.alter_column(type_=/new_column_name=)`, `changeColumn`, Knex `.alter()`, Laravel `->change()`, Ecto `modify`/`rename`, `modifyDataType`",
  },
  kinds: {
    "rename-column": (op) =>
      `Renames column ${columnsOf(op)} to ${op.newName ?? "?"}${via(op)}: running code that uses the old name breaks`,
    "rename-table": (op) =>
      `Renames table ${tableOf(op)} to ${op.newName ?? "?"}${via(op)}: running code that uses the old name breaks`,
    "alter-type": (op) =>
      `Changes the type of ${columnsOf(op)}${op.detail ? ` to ${op.detail}` : ""}${via(op)}: may rewrite the table, truncate values or break running code`,
  },
  samples: {
    match: [
      { path: "migrations/20240103_rename.sql", lines: ["ALTER TABLE users RENAME COLUMN email TO mail;"] },
      { path: "migrations/20240103_retype.sql", lines: ["ALTER TABLE users ALTER COLUMN age TYPE smallint;"] },
      {
        path: "db/migrate/20240103000000_rename_email.rb",
        lines: [
          "class RenameEmail < ActiveRecord::Migration[7.1]",
          "  def change",
          "    rename_column :users, :email, :mail",
          "  end",
          "end",
        ],
      },
    ],
    noMatch: [{ path: "migrations/20240103_add.sql", lines: ["ALTER TABLE users ADD COLUMN nickname text;"] }],
  },
});
