import { describe, expect, it } from "vitest";
import { indexNotConcurrentRule } from "../../../src/rules/migration/index-not-concurrent.js";
import { addedFile, railsMigration, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

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

ruleTester(indexNotConcurrentRule, {
  valid: [
    {
      name: "CONCURRENTLY",
      diff: addedFile("migrations/1_idx.sql", ["CREATE INDEX CONCURRENTLY idx_users_email ON users (email);"]),
    },
    {
      name: "an index on a table created in the same migration",
      diff: addedFile("migrations/1_t.sql", ["CREATE TABLE t (id int, a int);", "CREATE INDEX idx_t_a ON t (a);"]),
    },
  ],
  invalid: [
    {
      name: "a blocking index build",
      diff: addedFile("migrations/1_idx.sql", ["CREATE INDEX idx_users_email ON users (email);"]),
      findings: [{ line: 1, severity: "medium", message: "without CONCURRENTLY" }],
    },
  ],
});
