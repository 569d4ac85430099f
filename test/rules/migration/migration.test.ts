import { describe, expect, it } from "vitest";
import { constraintValidationRule } from "../../../src/rules/migration/constraint-validation.js";
import { dataBackfillRule } from "../../../src/rules/migration/data-backfill.js";
import { historyRewriteRule } from "../../../src/rules/migration/history-rewrite.js";
import { indexNotConcurrentRule } from "../../../src/rules/migration/index-not-concurrent.js";
import { missingRollbackRule } from "../../../src/rules/migration/missing-rollback.js";
import { schemaChangeRule } from "../../../src/rules/migration/schema-change.js";
import { setNotNullRule } from "../../../src/rules/migration/set-not-null.js";
import { addedFile, deletedFile, modifiedFile, runRule, scan } from "../../support/diff.js";

const railsMigration = (name: string, body: string[]) =>
  addedFile(`db/migrate/20250101000000_${name}.rb`, [
    `class ${name.replace(/(^|_)(\w)/g, (_m, _p, c: string) => c.toUpperCase())} < ActiveRecord::Migration[7.1]`,
    ...body,
    "end",
  ]);

describe("migration/index-not-concurrent", () => {
  it("flags Rails add_index without algorithm: :concurrently", async () => {
    const diff = railsMigration("add_indexes", [
      "  def change",
      "    add_index :accounts, [:family_id, :status]",
      "    add_index :entries, :date, algorithm: :concurrently",
      "  end",
    ]);
    const findings = await runRule(indexNotConcurrentRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, severity: "medium" });
    expect(findings[0]!.message).toContain("accounts (family_id, status)");
  });

  it("does not flag indexes on a table created in the same migration", async () => {
    const diff = railsMigration("create_tags", [
      "  def change",
      "    create_table :tags do |t|",
      "      t.string :name, null: false",
      "      t.index :name, unique: true",
      "    end",
      "    add_index :tags, :name",
      "  end",
    ]);
    expect(await runRule(indexNotConcurrentRule, diff)).toEqual([]);
  });

  it("flags CREATE INDEX without CONCURRENTLY in SQL, not with it, not on MySQL", async () => {
    const pg = addedFile("db/migrations/000031_idx.up.sql", [
      "CREATE INDEX idx_orders_user ON orders (user_id);",
      "CREATE UNIQUE INDEX CONCURRENTLY idx_orders_ref ON orders (ref);",
    ]);
    const mysql = addedFile("db/migrations/000032_idx.up.sql", [
      "CREATE INDEX `idx_users_email` ON `users` (`email`);",
    ]);
    const findings = await runRule(indexNotConcurrentRule, pg + mysql);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: "db/migrations/000031_idx.up.sql", line: 1 });
    expect(findings[0]!.message).toContain("orders");
  });

  it("flags Django AddIndex but not AddIndexConcurrently; Alembic create_index without postgresql_concurrently", async () => {
    const django = addedFile("shop/migrations/0010_order_idx.py", [
      "from django.contrib.postgres.operations import AddIndexConcurrently",
      "from django.db import migrations, models",
      "class Migration(migrations.Migration):",
      "    atomic = False",
      "    operations = [",
      '        migrations.AddIndex(model_name="order", index=models.Index(fields=["created"], name="order_created_idx")),',
      '        AddIndexConcurrently(model_name="order", index=models.Index(fields=["status"], name="order_status_idx")),',
      "    ]",
    ]);
    const alembic = addedFile("alembic/versions/5d_idx.py", [
      "from alembic import op",
      "def upgrade():",
      '    op.create_index("ix_users_email", "users", ["email"])',
      '    op.create_index("ix_users_name", "users", ["name"], postgresql_concurrently=True)',
      "def downgrade():",
      '    op.drop_index("ix_users_email")',
    ]);
    const findings = await runRule(indexNotConcurrentRule, django + alembic);
    expect(findings.map((f) => [f.line, f.message.split(" without")[0]])).toEqual([
      [6, "Builds an index on order"],
      [3, "Builds index ix_users_email on users (email)"],
    ]);
  });

  it("flags Sequelize addIndex without concurrently and Ecto create index without concurrently", async () => {
    const seq = addedFile("server/migrations/20250101-idx.js", [
      "module.exports = {",
      "  async up(queryInterface) {",
      '    await queryInterface.addIndex("documents", ["teamId"]);',
      '    await queryInterface.addIndex("documents", ["userId"], { concurrently: true });',
      "  },",
      "  async down(queryInterface) {",
      '    await queryInterface.removeIndex("documents", ["teamId"]);',
      "  },",
      "};",
    ]);
    const ecto = addedFile("priv/repo/migrations/20250101_idx.exs", [
      "defmodule App.Repo.Migrations.Idx do",
      "  use Ecto.Migration",
      "  @disable_ddl_transaction true",
      "  def change do",
      "    create index(:posts, [:author_id])",
      "    create index(:posts, [:slug], concurrently: true)",
      "  end",
      "end",
    ]);
    const findings = await runRule(indexNotConcurrentRule, seq + ecto);
    expect(findings.map((f) => [f.file.split("/").pop(), f.line])).toEqual([
      ["20250101-idx.js", 3],
      ["20250101_idx.exs", 5],
    ]);
  });
});

describe("migration/constraint-validation", () => {
  it("flags a foreign key without NOT VALID, not with it", async () => {
    const diff = addedFile("migrations/V4__fk.sql", [
      "ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id);",
      "ALTER TABLE payments ADD CONSTRAINT fk_pay_order FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;",
      "ALTER TABLE payments VALIDATE CONSTRAINT fk_pay_order;",
    ]);
    const findings = await runRule(constraintValidationRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1 });
    expect(findings[0]!.message).toContain("orders referencing users");
  });

  it("flags Rails add_foreign_key without validate: false and add_reference foreign_key: true", async () => {
    const diff = railsMigration("add_fks", [
      "  def change",
      "    add_foreign_key :orders, :users",
      "    add_foreign_key :payments, :orders, validate: false",
      "    add_reference :comments, :post, foreign_key: true, index: { algorithm: :concurrently }",
      "  end",
    ]);
    const findings = await runRule(constraintValidationRule, diff);
    expect(findings.map((f) => f.line)).toEqual([3, 5]);
  });

  it("flags a CHECK constraint validated in place", async () => {
    const diff = addedFile("db/migrations/000040_check.up.sql", [
      "ALTER TABLE products ADD CONSTRAINT price_positive CHECK (price > 0);",
      "ALTER TABLE products ADD CONSTRAINT stock_positive CHECK (stock >= 0) NOT VALID;",
    ]);
    const findings = await runRule(constraintValidationRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("products");
  });
});

describe("migration/set-not-null", () => {
  it("flags SET NOT NULL, change_column_null false and alter_column nullable=False", async () => {
    const sql = addedFile("db/migrations/000050_nn.up.sql", ["ALTER TABLE users ALTER COLUMN email SET NOT NULL;"]);
    const rails = railsMigration("require_email", [
      "  def change",
      "    change_column_null :users, :email, false",
      "  end",
    ]);
    const alembic = addedFile("alembic/versions/1a_nn.py", [
      "from alembic import op",
      "def upgrade():",
      '    op.alter_column("users", "email", nullable=False)',
      "def downgrade():",
      '    op.alter_column("users", "email", nullable=True)',
    ]);
    const findings = await runRule(setNotNullRule, sql + rails + alembic);
    expect(findings).toHaveLength(3);
    for (const f of findings) expect(f.message).toContain("users.email");
  });

  it("does not flag change_column_null true (relaxing a constraint)", async () => {
    const diff = railsMigration("relax", ["  def change", "    change_column_null :users, :email, true", "  end"]);
    expect(await runRule(setNotNullRule, diff)).toEqual([]);
  });
});

describe("migration/data-backfill", () => {
  it("flags UPDATE with WHERE, INSERT ... SELECT and RunPython", async () => {
    const sql = addedFile("db/migrations/000060_backfill.up.sql", [
      "UPDATE users SET plan = 'free' WHERE plan IS NULL;",
      "INSERT INTO user_stats (user_id) SELECT id FROM users;",
    ]);
    const django = addedFile("crm/migrations/0004_fill_tier.py", [
      "from django.db import migrations",
      "def fill(apps, schema_editor):",
      '    Customer = apps.get_model("crm", "Customer")',
      "    for c in Customer.objects.all():",
      '        c.tier = "basic"',
      "        c.save()",
      "class Migration(migrations.Migration):",
      "    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]",
    ]);
    const findings = await runRule(dataBackfillRule, sql + django);
    expect(findings.map((f) => [f.file.split("/").pop(), f.line])).toEqual([
      ["000060_backfill.up.sql", 1],
      ["000060_backfill.up.sql", 2],
      ["0004_fill_tier.py", 8],
    ]);
  });

  it("reports a loop and the update inside it once", async () => {
    const diff = addedFile("db/knex_migrations/2025-01-01-copy.js", [
      "exports.up = async function (knex) {",
      '  const rows = await knex("status_page").select("id", "kind");',
      "  for (const row of rows) {",
      '    await knex("status_page").where({ id: row.id }).update({ kind: row.kind });',
      "  }",
      "};",
      "exports.down = async function () {};",
    ]);
    const findings = await runRule(dataBackfillRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.line).toBe(3);
  });

  it("flags Rails find_each loops in a migration", async () => {
    const diff = railsMigration("backfill_slugs", [
      "  def up",
      "    Post.find_each do |post|",
      "      post.update_columns(slug: post.title.parameterize)",
      "    end",
      "  end",
      "  def down; end",
    ]);
    const findings = await runRule(dataBackfillRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("Post");
  });

  it("does not flag plain schema changes", async () => {
    const diff = railsMigration("add_col", ["  def change", "    add_column :posts, :slug, :string", "  end"]);
    expect(await runRule(dataBackfillRule, diff)).toEqual([]);
  });
});

describe("migration/missing-rollback", () => {
  it("flags Rails def up without def down", async () => {
    const diff = railsMigration("one_way", ["  def up", "    add_column :posts, :slug, :string", "  end"]);
    const findings = await runRule(missingRollbackRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2 });
    expect(findings[0]!.message).toContain("up has no down");
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

describe("migration/history-rewrite", () => {
  it("flags a deleted committed Prisma migration with its folder name", async () => {
    const diff = deletedFile("packages/prisma/migrations/20250212125902_rework_sessions/migration.sql", [
      'ALTER TABLE "Account" ADD COLUMN "password" TEXT;',
    ]);
    const findings = await runRule(historyRewriteRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: null });
    expect(findings[0]!.message).toContain("20250212125902_rework_sessions/migration.sql is deleted");
  });

  it("flags an edited Knex migration at its first added line", async () => {
    const diff = modifiedFile(
      "db/knex_migrations/2026-06-19-1411-add-type.js",
      [
        " exports.up = function (knex) {",
        "-    return rebuild(knex, newValues);",
        "+    return Promise.resolve();",
        " };",
      ],
      10,
    );
    const findings = await runRule(historyRewriteRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 11 });
    expect(findings[0]!.severity).toBeUndefined();
  });

  it("rates a comment-only edit low", async () => {
    const diff = modifiedFile("db/migrate/20200101000000_create_users.rb", [
      "+# frozen_string_literal: true",
      " class CreateUsers < ActiveRecord::Migration[6.0]",
    ]);
    const findings = await runRule(historyRewriteRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe("low");
  });

  it("flags a renamed migration", async () => {
    const diff = [
      "diff --git a/db/migrate/20200101000000_add_x.rb b/db/migrate/20240101000000_add_x.rb",
      "similarity index 100%",
      "rename from db/migrate/20200101000000_add_x.rb",
      "rename to db/migrate/20240101000000_add_x.rb",
      "",
    ].join("\n");
    const findings = await runRule(historyRewriteRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("renamed");
  });

  it("does not flag new migrations, schema dumps or edited non-migration SQL", async () => {
    const diff =
      railsMigration("new_one", ["  def change", "    add_column :a, :b, :string", "  end"]) +
      modifiedFile("db/schema.rb", ["-  t.string :a", "+  t.string :b"]) +
      modifiedFile("app/queries/report.sql", ["-SELECT 1;", "+SELECT 2;"]) +
      modifiedFile("shop/migrations/__init__.py", ["+# package"]);
    expect(await runRule(historyRewriteRule, diff)).toEqual([]);
  });
});

describe("migration/schema-change", () => {
  it("reports additive changes once per file at low severity, never destructive", async () => {
    const diff =
      addedFile("db/migrations/20261101093000_add_coupon_code.up.sql", [
        "-- Add a nullable column and an index built without blocking writes",
        "ALTER TABLE orders ADD COLUMN IF NOT EXISTS coupon_code text;",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_coupon_code ON orders (coupon_code);",
      ]) +
      addedFile("db/migrations/20261101093000_add_coupon_code.down.sql", [
        "DROP INDEX CONCURRENTLY IF EXISTS idx_orders_coupon_code;",
        "ALTER TABLE orders DROP COLUMN IF EXISTS coupon_code;",
      ]);
    const findings = await runRule(schemaChangeRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2 });
    expect(findings[0]!.message).toContain("orders.coupon_code");
    const report = await scan(diff);
    expect(report.findings.every((f) => f.category === "migration" && f.severity === "low")).toBe(true);
    expect(report.risk.level).toBe("low");
  });

  it("lists a Django CreateModel and a Rails create_table", async () => {
    const django = addedFile("crm/migrations/0001_initial.py", [
      "from django.db import migrations, models",
      "class Migration(migrations.Migration):",
      "    initial = True",
      "    operations = [",
      "        migrations.CreateModel(",
      '            name="Customer",',
      '            fields=[("id", models.BigAutoField(primary_key=True))],',
      "        ),",
      "    ]",
    ]);
    const rails = railsMigration("create_tags", [
      "  def change",
      "    create_table :tags do |t|",
      "      t.string :name",
      "    end",
      "  end",
    ]);
    const findings = await runRule(schemaChangeRule, django + rails);
    expect(findings.map((f) => f.message)).toEqual([
      "Migration 0001_initial.py creates table Customer",
      "Migration 20250101000000_create_tags.rb creates table tags",
    ]);
  });

  it("is silent for files that are not migrations", async () => {
    const diff =
      addedFile("src/db/schema.ts", ['export const users = pgTable("users", { id: serial("id") });']) +
      addedFile("app/models/user.rb", ["class User < ApplicationRecord", "  add_index :users, :email", "end"]);
    expect(await runRule(schemaChangeRule, diff)).toEqual([]);
    expect(await runRule(indexNotConcurrentRule, diff)).toEqual([]);
  });
});
