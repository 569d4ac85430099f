import { describe, expect, it } from "vitest";
import { dropColumnRule } from "../../../src/rules/migration-destructive/drop-column.js";
import { unboundedDmlRule } from "../../../src/rules/migration-destructive/unbounded-dml.js";
import { addedFile, railsMigration, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("migration-destructive/drop-column", () => {
  it("flags Rails remove_column and remove_columns with every column", async () => {
    const diff = addedFile("db/migrate/20250101000000_remove_legacy.rb", [
      "class RemoveLegacy < ActiveRecord::Migration[7.1]",
      "  def change",
      "    remove_column :users, :legacy_token, :string",
      "    remove_columns :accounts,",
      "                   *%i[old_a old_b]",
      "    remove_reference :posts, :author, index: true",
      "  end",
      "end",
    ]);
    const findings = await runRule(dropColumnRule, diff);
    expect(findings.map((f) => f.line)).toEqual([3, 4, 6]);
    expect(findings[0]!.message).toContain("users.legacy_token");
    expect(findings[1]!.message).toContain("accounts.old_a");
    expect(findings[1]!.message).toContain("accounts.old_b");
    expect(findings[2]!.message).toContain("posts.author_id");
  });

  it("flags t.remove inside change_table", async () => {
    const diff = addedFile("db/migrate/20250101000000_tidy_users.rb", [
      "class TidyUsers < ActiveRecord::Migration[7.1]",
      "  def change",
      "    change_table :users do |t|",
      "      t.remove :nickname, type: :string",
      "    end",
      "  end",
      "end",
    ]);
    const findings = await runRule(dropColumnRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("users.nickname");
  });

  it("flags every DROP COLUMN of a multi-action ALTER TABLE with its own line (Postgres parser)", async () => {
    const diff = addedFile("prisma/migrations/20250101_session/migration.sql", [
      "-- AlterTable",
      'ALTER TABLE "Session" DROP COLUMN "expires",',
      'ADD COLUMN "ipAddress" TEXT,',
      'DROP COLUMN "legacy";',
    ]);
    const findings = await runRule(dropColumnRule, diff);
    expect(
      findings.map((f) => [f.line, f.message.includes("Session.expires") || f.message.includes("Session.legacy")]),
    ).toEqual([
      [2, true],
      [4, true],
    ]);
  });

  it("flags MySQL DROP COLUMN through the tolerant fallback", async () => {
    const diff = addedFile("db/migrations/000012_drop_fax.up.sql", [
      "ALTER TABLE `customers` DROP COLUMN `fax`, ADD INDEX `idx_email` (`email`);",
    ]);
    const findings = await runRule(dropColumnRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("customers.fax");
  });

  it("flags Django RemoveField, but not inside SeparateDatabaseAndState state_operations", async () => {
    const diff = addedFile("blog/migrations/0012_remove_post_subtitle.py", [
      "from django.db import migrations",
      "",
      "class Migration(migrations.Migration):",
      '    dependencies = [("blog", "0011_auto")]',
      "    operations = [",
      "        migrations.RemoveField(",
      '            model_name="post",',
      '            name="subtitle",',
      "        ),",
      "        migrations.SeparateDatabaseAndState(",
      "            state_operations=[",
      '                migrations.RemoveField(model_name="post", name="teaser"),',
      "            ],",
      "        ),",
      "    ]",
    ]);
    const findings = await runRule(dropColumnRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 6 });
    expect(findings[0]!.message).toContain("post.subtitle");
  });

  it("flags Alembic drop_column and batch_op.drop_column with the batch table", async () => {
    const diff = addedFile("migrations/versions/a1b2_drop_cols.py", [
      "from alembic import op",
      "",
      "def upgrade():",
      '    op.drop_column("users", "fax")',
      '    with op.batch_alter_table("orders") as batch_op:',
      '        batch_op.drop_column("coupon")',
      "",
      "def downgrade():",
      "    pass",
    ]);
    const findings = await runRule(dropColumnRule, diff);
    expect(findings.map((f) => f.message.match(/\w+\.\w+/)?.[0])).toEqual(["users.fax", "orders.coupon"]);
  });

  it("flags Sequelize removeColumn, TypeORM dropColumn and Knex table.dropColumn", async () => {
    const sequelize = addedFile("server/migrations/20250101-drop-flag.js", [
      "module.exports = {",
      "  async up(queryInterface) {",
      '    await queryInterface.removeColumn("teams", "betaFlag");',
      "  },",
      "  async down(queryInterface, Sequelize) {",
      '    await queryInterface.addColumn("teams", "betaFlag", { type: Sequelize.BOOLEAN });',
      "  },",
      "};",
    ]);
    const typeorm = addedFile("src/migrations/1700000000000-DropAge.ts", [
      'import { MigrationInterface, QueryRunner } from "typeorm";',
      "export class DropAge1700000000000 implements MigrationInterface {",
      "  public async up(queryRunner: QueryRunner): Promise<void> {",
      '    await queryRunner.dropColumn("user", "age");',
      '    await queryRunner.query(`ALTER TABLE "profile" DROP COLUMN "bio"`);',
      "  }",
      "  public async down(queryRunner: QueryRunner): Promise<void> {",
      '    await queryRunner.query(`ALTER TABLE "profile" ADD "bio" text`);',
      "  }",
      "}",
    ]);
    const knex = addedFile("db/migrations/20250101_drop_nick.js", [
      "exports.up = async function (knex) {",
      '  await knex.schema.alterTable("users", (table) => {',
      '    table.dropColumn("nickname");',
      "  });",
      "};",
      "exports.down = async function (knex) {",
      '  await knex.schema.alterTable("users", (table) => {',
      '    table.string("nickname");',
      "  });",
      "};",
    ]);
    const findings = await runRule(dropColumnRule, sequelize + typeorm + knex);
    expect(findings.map((f) => f.message.match(/\w+\.\w+/)?.[0])).toEqual([
      "teams.betaFlag",
      "user.age",
      "profile.bio",
      "users.nickname",
    ]);
  });

  it("flags Ecto remove in alter table and Liquibase YAML dropColumn", async () => {
    const ecto = addedFile("priv/repo/migrations/20250101_remove_bio.exs", [
      "defmodule App.Repo.Migrations.RemoveBio do",
      "  use Ecto.Migration",
      "  def change do",
      "    alter table(:users) do",
      "      remove :bio, :text",
      "    end",
      "  end",
      "end",
    ]);
    const yaml = addedFile("db/changelog/007-drop-bio.yaml", [
      "databaseChangeLog:",
      "  - changeSet:",
      "      id: 7",
      "      author: dev",
      "      changes:",
      "        - dropColumn:",
      "            tableName: authors",
      "            columnName: bio",
    ]);
    const findings = await runRule(dropColumnRule, ecto + yaml);
    expect(findings.map((f) => f.message.match(/\w+\.\w+/)?.[0])).toEqual(["users.bio", "authors.bio"]);
    expect(findings[1]!.line).toBe(6);
  });

  it("does not flag columns dropped in a Rails down method or an added nullable column", async () => {
    const diff = addedFile("db/migrate/20250101000000_add_nickname.rb", [
      "class AddNickname < ActiveRecord::Migration[7.1]",
      "  def up",
      "    add_column :users, :nickname, :string",
      "  end",
      "  def down",
      "    remove_column :users, :nickname",
      "  end",
      "end",
    ]);
    expect(await runRule(dropColumnRule, diff)).toEqual([]);
  });

  it("only reports DDL from a .sql file outside database folders, and nothing from seeds", async () => {
    const weak =
      addedFile("src/app/cleanup.sql", ["DELETE FROM sessions;", "ALTER TABLE cache DROP COLUMN payload;"]) +
      addedFile("db/seeds/users.sql", ["ALTER TABLE users DROP COLUMN tmp;"]);
    const findings = await runRule(dropColumnRule, weak);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("cache.payload");
    expect(await runRule(unboundedDmlRule, weak)).toEqual([]);
  });
});

ruleTester(dropColumnRule, {
  valid: [
    {
      name: "a column added",
      diff: addedFile("migrations/1_add.sql", ["ALTER TABLE users ADD COLUMN nickname text;"]),
    },
    {
      name: "a ClickHouse projection dropped (not a column)",
      diff: addedFile("db/clickhouse/migrations/06_x.sql", [
        "ALTER TABLE umami.website_event DROP PROJECTION website_event_url_path_projection;",
      ]),
    },
    {
      name: "a drop in the rollback",
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
      name: "a column dropped",
      diff: addedFile("migrations/1_drop.sql", ["ALTER TABLE users DROP COLUMN email;"]),
      findings: [{ line: 1, severity: "high", message: "Drops column users.email" }],
    },
  ],
});
