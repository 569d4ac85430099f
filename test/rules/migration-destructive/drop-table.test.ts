import { describe, expect, it } from "vitest";
import { dropTableRule } from "../../../src/rules/migration-destructive/drop-table.js";
import { renameOrRetypeRule } from "../../../src/rules/migration-destructive/rename-or-retype.js";
import { addedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("migration-destructive/drop-table", () => {
  it("flags Rails drop_table in up with the table name and line", async () => {
    const diff = addedFile("db/migrate/20250101000000_remove_audits.rb", [
      "class RemoveAudits < ActiveRecord::Migration[7.1]",
      "  def up",
      "    drop_table :audits",
      "  end",
      "",
      "  def down",
      "    create_table :audits do |t|",
      "      t.string :action",
      "    end",
      "  end",
      "end",
    ]);
    const findings = await runRule(dropTableRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: "db/migrate/20250101000000_remove_audits.rb",
      line: 3,
      severity: "high",
    });
    expect(findings[0]!.message).toContain("audits");
  });

  it("is critical when a change drops many tables", async () => {
    const diff = addedFile("db/migrate/20250101000000_remove_jobs.rb", [
      "class RemoveJobs < ActiveRecord::Migration[7.1]",
      "  def change",
      "    drop_table :job_a",
      "    drop_table :job_b",
      "    drop_table :job_c",
      "  end",
      "end",
    ]);
    const findings = await runRule(dropTableRule, diff);
    expect(findings.map((f) => f.severity)).toEqual(["critical", "critical", "critical"]);
  });

  it("flags DROP TABLE and TRUNCATE in a Flyway migration, TRUNCATE as critical", async () => {
    const diff = addedFile("src/main/resources/db/migration/V12__cleanup.sql", [
      "-- cleanup of the legacy tables",
      "DROP TABLE IF EXISTS legacy_orders;",
      "TRUNCATE TABLE sessions;",
    ]);
    const findings = await runRule(dropTableRule, diff);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([
      [2, "high"],
      [3, "critical"],
    ]);
    expect(findings[0]!.message).toContain("legacy_orders");
    expect(findings[1]!.message).toContain("sessions");
  });

  it("flags DROP SCHEMA and DROP DATABASE as critical", async () => {
    const diff = addedFile("migrations/0007_drop.sql", ["DROP SCHEMA analytics CASCADE;", "DROP DATABASE reporting;"]);
    const findings = await runRule(dropTableRule, diff);
    expect(findings.map((f) => f.severity)).toEqual(["critical", "critical"]);
    expect(findings.map((f) => f.message).join(" ")).toMatch(/analytics[\s\S]*reporting/);
  });

  it("flags Django DeleteModel and RunSQL DROP TABLE but not the reverse_sql", async () => {
    const diff = addedFile("shop/migrations/0042_drop_wishlist.py", [
      "from django.db import migrations",
      "",
      "",
      "class Migration(migrations.Migration):",
      '    dependencies = [("shop", "0041_auto")]',
      "",
      "    operations = [",
      '        migrations.DeleteModel(name="Wishlist"),',
      "        migrations.RunSQL(",
      '            sql="DROP TABLE IF EXISTS shop_wishlistitem;",',
      '            reverse_sql="DROP TABLE IF EXISTS shop_other;",',
      "        ),",
      "    ]",
    ]);
    const findings = await runRule(dropTableRule, diff);
    expect(findings.map((f) => f.line)).toEqual([8, 10]);
    expect(findings[0]!.message).toContain("Wishlist");
    expect(findings[1]!.message).toContain("shop_wishlistitem");
  });

  it("flags Alembic op.drop_table in upgrade only", async () => {
    const diff = addedFile("alembic/versions/3f2a_drop_tags.py", [
      '"""drop tags"""',
      "from alembic import op",
      "import sqlalchemy as sa",
      "",
      "def upgrade():",
      '    op.drop_table("tags")',
      "",
      "def downgrade():",
      '    op.create_table("tags", sa.Column("id", sa.Integer()))',
    ]);
    const findings = await runRule(dropTableRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 6 });
    expect(findings[0]!.message).toContain("tags");
  });

  it("flags Knex dropTable in up but not in down", async () => {
    const diff = addedFile("db/migrations/20250101_create_widgets.js", [
      "exports.up = function (knex) {",
      '  return knex.schema.dropTableIfExists("old_widgets");',
      "};",
      "",
      "exports.down = function (knex) {",
      '  return knex.schema.dropTable("widgets");',
      "};",
    ]);
    const findings = await runRule(dropTableRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2 });
    expect(findings[0]!.message).toContain("old_widgets");
  });

  it("flags Ecto drop table and Liquibase dropTable", async () => {
    const ecto = addedFile("priv/repo/migrations/20250101000000_drop_posts.exs", [
      "defmodule MyApp.Repo.Migrations.DropPosts do",
      "  use Ecto.Migration",
      "",
      "  def change do",
      "    drop table(:posts)",
      "  end",
      "end",
    ]);
    const liquibase = addedFile("src/main/resources/db/changelog/changes/005-drop.xml", [
      '<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">',
      '  <changeSet id="5" author="dev">',
      '    <dropTable tableName="customer_notes"/>',
      "  </changeSet>",
      "</databaseChangeLog>",
    ]);
    const findings = await runRule(dropTableRule, ecto + liquibase);
    expect(findings.map((f) => [f.file.split("/").pop(), f.line])).toEqual([
      ["20250101000000_drop_posts.exs", 5],
      ["005-drop.xml", 3],
    ]);
    expect(findings[0]!.message).toContain("posts");
    expect(findings[1]!.message).toContain("customer_notes");
  });

  it("does not flag a golang-migrate down file dropping what its up adds", async () => {
    const diff =
      addedFile("db/migrations/0003_add_coupons.up.sql", ["CREATE TABLE coupons (id bigint PRIMARY KEY, code text);"]) +
      addedFile("db/migrations/0003_add_coupons.down.sql", ["DROP TABLE coupons;"]);
    expect(await runRule(dropTableRule, diff)).toEqual([]);
  });

  it("does not flag a goose Down section", async () => {
    const diff = addedFile("db/migrations/20250101_add_coupons.sql", [
      "-- +goose Up",
      "CREATE TABLE coupons (id bigint PRIMARY KEY);",
      "-- +goose Down",
      "DROP TABLE coupons;",
    ]);
    expect(await runRule(dropTableRule, diff)).toEqual([]);
  });

  it("does not flag DROP TABLE in application code or docs", async () => {
    const diff =
      addedFile("app/services/cleanup.rb", ["def cleanup", "  # drop_table :users would be bad", "end"]) +
      addedFile("docs/db.md", ["Never run `DROP TABLE users;` in production."]);
    expect(await runRule(dropTableRule, diff)).toEqual([]);
  });

  it("treats a SQLite copy-drop-rename rebuild as a rebuild, not a drop", async () => {
    const diff = addedFile("prisma/migrations/20250101_redefine/migration.sql", [
      'CREATE TABLE "new_User" ("id" INTEGER NOT NULL PRIMARY KEY, "email" TEXT NOT NULL);',
      'INSERT INTO "new_User" ("id", "email") SELECT "id", "email" FROM "User";',
      'DROP TABLE "User";',
      'ALTER TABLE "new_User" RENAME TO "User";',
    ]);
    expect(await runRule(dropTableRule, diff)).toEqual([]);
    expect(await runRule(renameOrRetypeRule, diff)).toEqual([]);
  });

  it("ignores a temporary table dropped in the same migration", async () => {
    const diff = addedFile("migrations/0009_dedupe.sql", [
      "CREATE TABLE tmp_ids AS SELECT id FROM users;",
      "DROP TABLE tmp_ids;",
    ]);
    expect(await runRule(dropTableRule, diff)).toEqual([]);
  });
});

ruleTester(dropTableRule, {
  valid: [
    {
      name: "a scratch table created and dropped",
      diff: addedFile("migrations/1_tmp.sql", ["CREATE TABLE tmp (id int);", "DROP TABLE tmp;"]),
    },
    {
      name: "SQL outside any database folder that only reads",
      diff: addedFile("src/report.sql", ["SELECT * FROM users;"]),
    },
  ],
  invalid: [
    {
      name: "one table dropped",
      diff: addedFile("migrations/1_drop.sql", ["DROP TABLE users;"]),
      findings: [{ line: 1, severity: "high", message: "Drops table users (DROP TABLE)" }],
    },
    {
      name: "three tables dropped in one change",
      diff: addedFile("migrations/1_drop.sql", ["DROP TABLE a;", "DROP TABLE b;", "DROP TABLE c;"]),
      findings: [
        { line: 1, severity: "critical" },
        { line: 2, severity: "critical" },
        { line: 3, severity: "critical" },
      ],
    },
  ],
});
