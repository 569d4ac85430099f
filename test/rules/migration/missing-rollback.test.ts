import { describe, expect, it } from "vitest";
import { missingRollbackRule } from "../../../src/rules/migration/missing-rollback.js";
import { addedFile, railsMigration, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("migration/missing-rollback", () => {
  it("flags Rails def up without def down", async () => {
    const diff = railsMigration("one_way", ["  def up", "    add_column :posts, :slug, :string", "  end"]);
    const findings = await runRule(missingRollbackRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2 });
    expect(findings[0]!.message).toContain("up has no down");
  });

  it("rates a missing rollback low when every step is additive, medium when one is not", async () => {
    const additive = railsMigration("add_slug", [
      "  def up",
      "    add_column :posts, :slug, :string",
      "    add_index :posts, :slug",
      "  end",
    ]);
    expect((await runRule(missingRollbackRule, additive)).map((f) => f.severity)).toEqual(["low"]);
    const mixed = railsMigration("move_slug", [
      "  def up",
      "    add_column :posts, :slug, :string",
      "    remove_column :posts, :permalink",
      "  end",
    ]);
    expect((await runRule(missingRollbackRule, mixed)).map((f) => f.severity ?? "medium")).toEqual(["medium"]);
  });

  it("flags a down that only raises IrreversibleMigration", async () => {
    const diff = railsMigration("drop_jobs", [
      "  def up",
      "    drop_table :jobs",
      "  end",
      "  def down",
      "    raise ActiveRecord::IrreversibleMigration",
      "  end",
    ]);
    const findings = await runRule(missingRollbackRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.line).toBe(6);
    expect(findings[0]!.message).toContain("irreversible");
  });

  it("does not flag Rails change or up/down pairs", async () => {
    const diff =
      railsMigration("reversible", ["  def change", "    add_column :posts, :slug, :string", "  end"]) +
      addedFile("db/migrate/20250102000000_pair.rb", [
        "class Pair < ActiveRecord::Migration[7.1]",
        "  def up",
        "    add_column :posts, :views, :integer",
        "  end",
        "  def down",
        "    remove_column :posts, :views",
        "  end",
        "end",
      ]);
    expect(await runRule(missingRollbackRule, diff)).toEqual([]);
  });

  it("flags an Alembic downgrade that only passes", async () => {
    const diff = addedFile("alembic/versions/2b_add.py", [
      "from alembic import op",
      "import sqlalchemy as sa",
      "def upgrade() -> None:",
      '    op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))',
      "",
      "def downgrade() -> None:",
      "    pass",
    ]);
    const findings = await runRule(missingRollbackRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 6 });
    expect(findings[0]!.message).toContain("downgrade() is empty");
  });

  it("flags Knex and Sequelize migrations without down, not those with one", async () => {
    const knex = addedFile("db/migrations/20250101_add.js", [
      "exports.up = function (knex) {",
      '  return knex.schema.alterTable("users", (t) => t.string("bio"));',
      "};",
    ]);
    const seq = addedFile("migrations/20250101-ok.js", [
      "module.exports = {",
      "  async up(queryInterface, Sequelize) {",
      '    await queryInterface.addColumn("users", "bio", { type: Sequelize.TEXT });',
      "  },",
      "  async down(queryInterface) {",
      '    await queryInterface.removeColumn("users", "bio");',
      "  },",
      "};",
    ]);
    const findings = await runRule(missingRollbackRule, knex + seq);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.file).toBe("db/migrations/20250101_add.js");
  });

  it("flags Django RunPython without reverse_code and RunSQL without reverse_sql", async () => {
    const diff = addedFile("crm/migrations/0005_data.py", [
      "from django.db import migrations",
      "def forwards(apps, schema_editor):",
      "    pass",
      "class Migration(migrations.Migration):",
      "    operations = [",
      "        migrations.RunPython(forwards),",
      "        migrations.RunSQL(\"UPDATE crm_customer SET tier = 'basic' WHERE tier IS NULL\"),",
      '        migrations.RunSQL("CREATE INDEX x ON crm_customer (tier)", reverse_sql="DROP INDEX x"),',
      "    ]",
    ]);
    const findings = await runRule(missingRollbackRule, diff);
    expect(findings.map((f) => f.line)).toEqual([6, 7]);
  });

  it("flags a golang-migrate up file added without its down file", async () => {
    const diff = addedFile("db/migrations/000070_add_bio.up.sql", ["ALTER TABLE users ADD COLUMN bio text;"]);
    const findings = await runRule(missingRollbackRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("000070_add_bio.down.sql");
    const withDown = diff + addedFile("db/migrations/000070_add_bio.down.sql", ["ALTER TABLE users DROP COLUMN bio;"]);
    expect(await runRule(missingRollbackRule, withDown)).toEqual([]);
  });
});

ruleTester(missingRollbackRule, {
  valid: [
    {
      name: "a reversible change",
      diff: railsMigration("add_slug", ["  def change", "    add_column :posts, :slug, :string", "  end"]),
    },
    {
      name: "up and down",
      diff: railsMigration("add_slug", [
        "  def up",
        "    add_column :posts, :slug, :string",
        "  end",
        "  def down",
        "    remove_column :posts, :slug",
        "  end",
      ]),
    },
  ],
  invalid: [
    {
      name: "up without down",
      diff: railsMigration("one_way", ["  def up", "    add_column :posts, :slug, :string", "  end"]),
      findings: [
        {
          line: 2,
          message: "Migration 20250101000000_one_way.rb: up has no down: the migration cannot be rolled back",
        },
      ],
    },
  ],
});
