import { describe, expect, it } from "vitest";
import { dropColumnRule } from "../../../src/rules/migration-destructive/drop-column.js";
import { dropTableRule } from "../../../src/rules/migration-destructive/drop-table.js";
import { notNullWithoutDefaultRule } from "../../../src/rules/migration-destructive/not-null-without-default.js";
import { renameOrRetypeRule } from "../../../src/rules/migration-destructive/rename-or-retype.js";
import { unboundedDmlRule } from "../../../src/rules/migration-destructive/unbounded-dml.js";
import { addedFile, modifiedFile, runRule, scan } from "../../support/diff.js";

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

describe("migration-destructive/rename-or-retype", () => {
  it("flags Rails rename_column and change_column", async () => {
    const diff = addedFile("db/migrate/20250101000000_rename.rb", [
      "class Rename < ActiveRecord::Migration[7.1]",
      "  def change",
      "    rename_column :versions, :ruby_version, :required_ruby_version",
      "    change_column :versions, :size, :bigint",
      "    rename_table :gems, :rubygems",
      "  end",
      "end",
    ]);
    const findings = await runRule(renameOrRetypeRule, diff);
    expect(findings.map((f) => f.line)).toEqual([3, 4, 5]);
    expect(findings[0]!.message).toContain("versions.ruby_version to required_ruby_version");
    expect(findings[1]!.message).toContain("versions.size to bigint");
    expect(findings[2]!.message).toContain("gems to rubygems");
  });

  it("flags SQL RENAME COLUMN and ALTER COLUMN TYPE", async () => {
    const diff = addedFile("supabase/migrations/20250101_rename.sql", [
      "ALTER TABLE orders RENAME COLUMN total TO total_cents;",
      "ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint USING total_cents::bigint;",
    ]);
    const findings = await runRule(renameOrRetypeRule, diff);
    expect(findings.map((f) => f.line)).toEqual([1, 2]);
    expect(findings[0]!.message).toContain("orders.total to total_cents");
    expect(findings[1]!.message).toContain("orders.total_cents to int8");
  });

  it("flags MySQL CHANGE COLUMN as a rename and MODIFY as a type change", async () => {
    const diff = addedFile("database/migrations/V3__alter.sql", [
      "ALTER TABLE `users` CHANGE COLUMN `name` `full_name` varchar(255) NOT NULL;",
      "ALTER TABLE `users` MODIFY COLUMN `age` smallint;",
    ]);
    const findings = await runRule(renameOrRetypeRule, diff);
    expect(findings).toHaveLength(2);
    expect(findings[0]!.message).toContain("users.name to full_name");
    expect(findings[1]!.message).toContain("users.age");
  });

  it("flags Django RenameField and Alembic alter_column with type_ or new_column_name", async () => {
    const django = addedFile("channel/migrations/0021_rename_flag.py", [
      "from django.db import migrations",
      "class Migration(migrations.Migration):",
      "    operations = [",
      "        migrations.RenameField(",
      '            model_name="channel",',
      '            old_name="old_flag",',
      '            new_name="new_flag",',
      "        ),",
      "    ]",
    ]);
    const alembic = addedFile("alembic/versions/9c1_types.py", [
      "import sqlalchemy as sa",
      "from alembic import op",
      "def upgrade() -> None:",
      '    op.alter_column("invoices", "amount", type_=sa.Numeric(12, 2), existing_type=sa.Integer())',
      '    op.alter_column("invoices", "ref", new_column_name="reference")',
      "def downgrade() -> None:",
      '    op.alter_column("invoices", "reference", new_column_name="ref")',
    ]);
    const findings = await runRule(renameOrRetypeRule, django + alembic);
    expect(findings.map((f) => f.line)).toEqual([4, 4, 5]);
    expect(findings[0]!.message).toContain("channel.old_flag to new_flag");
    expect(findings[1]!.message).toContain("invoices.amount to Numeric(12, 2)");
    expect(findings[2]!.message).toContain("invoices.ref to reference");
  });

  it("turns a Django AlterField into a type change when the model diff shows another field class", async () => {
    const migration = addedFile("shop/migrations/0007_alter_product_price.py", [
      "from django.db import migrations, models",
      "class Migration(migrations.Migration):",
      "    operations = [",
      "        migrations.AlterField(",
      '            model_name="product",',
      '            name="price",',
      "            field=models.DecimalField(max_digits=10, decimal_places=2),",
      "        ),",
      "    ]",
    ]);
    const model = modifiedFile("shop/models.py", [
      " class Product(models.Model):",
      "-    price = models.FloatField()",
      "+    price = models.DecimalField(max_digits=10, decimal_places=2)",
    ]);
    const findings = await runRule(renameOrRetypeRule, migration + model);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("product.price to FloatField -> DecimalField");
  });

  it("does not treat a Django AlterField that keeps its field class as a type change", async () => {
    const migration = addedFile("app/migrations/0041_widen_url.py", [
      "from django.db import migrations, models",
      "class Migration(migrations.Migration):",
      "    operations = [",
      "        migrations.AlterField(",
      '            model_name="app",',
      '            name="manifest_url",',
      "            field=models.URLField(max_length=2048),",
      "        ),",
      "    ]",
    ]);
    const model = modifiedFile("app/models.py", [
      "-    manifest_url = models.URLField()",
      "+    manifest_url = models.URLField(max_length=2048)",
    ]);
    expect(await runRule(renameOrRetypeRule, migration + model)).toEqual([]);
  });

  it("flags Sequelize changeColumn, Knex .alter() and Liquibase modifyDataType", async () => {
    const sequelize = addedFile("migrations/20250101-widen.js", [
      "module.exports = {",
      "  up: async (queryInterface, Sequelize) => {",
      '    await queryInterface.changeColumn("posts", "body", { type: Sequelize.TEXT });',
      "  },",
      "  down: async () => {},",
      "};",
    ]);
    const knex = addedFile("db/knex_migrations/2025-01-01-string.js", [
      "exports.up = function (knex) {",
      '  return knex.schema.alterTable("status_page", function (table) {',
      '    table.string("analytics_type").nullable().alter();',
      "  });",
      "};",
      "exports.down = function () {};",
    ]);
    const xml = addedFile("db/changelog/010-type.xml", [
      "<databaseChangeLog>",
      '  <changeSet id="10" author="a">',
      '    <modifyDataType tableName="person" columnName="zip" newDataType="varchar(5)"/>',
      "  </changeSet>",
      "</databaseChangeLog>",
    ]);
    const findings = await runRule(renameOrRetypeRule, sequelize + knex + xml);
    expect(findings.map((f) => f.message.match(/\w+\.\w+/)?.[0])).toEqual([
      "posts.body",
      "status_page.analytics_type",
      "person.zip",
    ]);
  });

  it("does not flag a column renamed back in a down migration", async () => {
    const diff = addedFile("db/migrate/20250101000000_add_slug.rb", [
      "class AddSlug < ActiveRecord::Migration[7.1]",
      "  def up",
      "    add_column :posts, :slug, :string",
      "  end",
      "  def down",
      "    rename_column :posts, :slug, :old_slug",
      "  end",
      "end",
    ]);
    expect(await runRule(renameOrRetypeRule, diff)).toEqual([]);
  });
});

describe("migration-destructive/unbounded-dml", () => {
  it("flags DELETE and UPDATE without WHERE, not with WHERE", async () => {
    const diff = addedFile("db/migrations/000020_reset.up.sql", [
      "DELETE FROM audit_log;",
      "UPDATE users SET newsletter = false;",
      "UPDATE users SET plan = 'free' WHERE plan IS NULL;",
      "DELETE FROM sessions WHERE expires_at < now();",
    ]);
    const findings = await runRule(unboundedDmlRule, diff);
    expect(findings.map((f) => f.line)).toEqual([1, 2]);
    expect(findings[0]!.message).toContain("audit_log");
    expect(findings[1]!.message).toContain("users");
  });

  it("flags Model.delete_all in a Rails migration and bulkDelete without a condition", async () => {
    const rails = addedFile("db/migrate/20250101000000_purge.rb", [
      "class Purge < ActiveRecord::Migration[7.1]",
      "  def up",
      "    Notification.delete_all",
      "  end",
      "  def down; end",
      "end",
    ]);
    const seq = addedFile("migrations/20250101-purge.js", [
      "module.exports = {",
      "  up: async (queryInterface) => {",
      '    await queryInterface.bulkDelete("Events", null, {});',
      '    await queryInterface.bulkDelete("Logs", { level: "debug" });',
      "  },",
      "  down: async () => {},",
      "};",
    ]);
    const findings = await runRule(unboundedDmlRule, rails + seq);
    expect(findings.map((f) => f.message.split(" ").slice(0, 5).join(" "))).toEqual([
      "Deletes every row of Notification",
      "Deletes every row of Events",
    ]);
  });

  it("finds SQL inside a Rails execute heredoc", async () => {
    const diff = addedFile("db/migrate/20250101000000_reset_flags.rb", [
      "class ResetFlags < ActiveRecord::Migration[7.1]",
      "  def up",
      "    execute <<~SQL",
      "      UPDATE features",
      "      SET enabled = false",
      "    SQL",
      "  end",
      "end",
    ]);
    const findings = await runRule(unboundedDmlRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4 });
    expect(findings[0]!.message).toContain("features");
  });
});

describe("migration-destructive/not-null-without-default", () => {
  it("flags ADD COLUMN NOT NULL without DEFAULT and accepts one with a default", async () => {
    const diff = addedFile("prisma/migrations/20250101_add/migration.sql", [
      'ALTER TABLE "Session" ADD COLUMN "expiresAt" TIMESTAMP(3) NOT NULL,',
      'ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,',
      'ADD COLUMN "id2" BIGSERIAL NOT NULL;',
    ]);
    const findings = await runRule(notNullWithoutDefaultRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1 });
    expect(findings[0]!.message).toContain("Session.expiresAt");
  });

  it("does not flag NOT NULL columns of a table created in the same migration", async () => {
    const diff = addedFile("migrations/V1__init.sql", [
      "CREATE TABLE accounts (id bigint PRIMARY KEY);",
      "ALTER TABLE accounts ADD COLUMN owner_id bigint NOT NULL;",
    ]);
    expect(await runRule(notNullWithoutDefaultRule, diff)).toEqual([]);
  });

  it("flags Rails add_column null: false without default, not with one", async () => {
    const diff = addedFile("db/migrate/20250101000000_add_required.rb", [
      "class AddRequired < ActiveRecord::Migration[7.1]",
      "  def change",
      "    add_column :orders, :region, :string, null: false",
      "    add_column :orders, :priority, :integer, null: false, default: 0",
      "    add_reference :orders, :store, null: false, index: false",
      "  end",
      "end",
    ]);
    const findings = await runRule(notNullWithoutDefaultRule, diff);
    expect(findings.map((f) => f.line)).toEqual([3, 5]);
    expect(findings[0]!.message).toContain("orders.region");
    expect(findings[1]!.message).toContain("orders.store_id");
  });

  it("flags Django AddField without null or default, Alembic nullable=False without server_default", async () => {
    const django = addedFile("crm/migrations/0003_customer_tier.py", [
      "from django.db import migrations, models",
      "class Migration(migrations.Migration):",
      "    operations = [",
      "        migrations.AddField(",
      '            model_name="customer",',
      '            name="tier",',
      "            field=models.CharField(max_length=20),",
      "        ),",
      "        migrations.AddField(",
      '            model_name="customer",',
      '            name="notes",',
      "            field=models.TextField(null=True, blank=True),",
      "        ),",
      "    ]",
    ]);
    const alembic = addedFile("alembic/versions/77_add_owner.py", [
      "import sqlalchemy as sa",
      "from alembic import op",
      "def upgrade():",
      '    op.add_column("projects", sa.Column("owner_id", sa.Integer(), nullable=False))',
      '    op.add_column("projects", sa.Column("archived", sa.Boolean(), nullable=False, server_default=sa.false()))',
      "def downgrade():",
      '    op.drop_column("projects", "owner_id")',
    ]);
    const findings = await runRule(notNullWithoutDefaultRule, django + alembic);
    expect(findings.map((f) => f.message.match(/\w+\.\w+/)?.[0])).toEqual(["customer.tier", "projects.owner_id"]);
  });

  it("flags Sequelize addColumn allowNull: false without defaultValue", async () => {
    const diff = addedFile("server/migrations/20250101-add-kind.js", [
      "module.exports = {",
      "  async up(queryInterface, Sequelize) {",
      '    await queryInterface.addColumn("documents", "kind", {',
      "      type: Sequelize.STRING,",
      "      allowNull: false,",
      "    });",
      '    await queryInterface.addColumn("documents", "pinned", { type: Sequelize.BOOLEAN, allowNull: false, defaultValue: false });',
      "  },",
      "  async down(queryInterface) {",
      '    await queryInterface.removeColumn("documents", "kind");',
      "  },",
      "};",
    ]);
    const findings = await runRule(notNullWithoutDefaultRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("documents.kind");
  });
});

describe("migration-destructive through the engine", () => {
  it("rates a column drop high and names table and column", async () => {
    const report = await scan(
      addedFile("db/migrate/20250101000000_drop_fax.rb", [
        "class DropFax < ActiveRecord::Migration[7.1]",
        "  def change",
        "    remove_column :users, :fax, :string",
        "  end",
        "end",
      ]),
    );
    const f = report.findings.find((x) => x.category === "migration-destructive");
    expect(f).toMatchObject({ ruleId: "migration-destructive/drop-column", severity: "high", line: 3 });
    expect(report.risk.level === "high" || report.risk.level === "critical").toBe(true);
  });
});

describe("brace-on-its-own-line frameworks", () => {
  it("reads Laravel up/down with Allman braces: dropColumn in up, dropIfExists in down ignored", async () => {
    const diff = addedFile("database/migrations/2025_01_01_000000_drop_flight_code.php", [
      "<?php",
      "return new class extends Migration",
      "{",
      "    public function up(): void",
      "    {",
      "        Schema::table('flights', function (Blueprint $table) {",
      "            $table->dropColumn('code');",
      "        });",
      "    }",
      "",
      "    public function down(): void",
      "    {",
      "        Schema::dropIfExists('flights');",
      "    }",
      "};",
    ]);
    const findings = [...(await runRule(dropColumnRule, diff)), ...(await runRule(dropTableRule, diff))];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 7 });
    expect(findings[0]!.message).toContain("flights.code");
  });

  it("reads EF Core Up/Down: DropColumn in Up is destructive, DropTable in Down is not", async () => {
    const diff = addedFile("src/Api/Migrations/20250101000000_RemoveFax.cs", [
      "public partial class RemoveFax : Migration",
      "{",
      "    protected override void Up(MigrationBuilder migrationBuilder)",
      "    {",
      "        migrationBuilder.DropColumn(",
      '            name: "Fax",',
      '            table: "Customers");',
      "    }",
      "",
      "    protected override void Down(MigrationBuilder migrationBuilder)",
      "    {",
      '        migrationBuilder.DropTable(name: "Customers");',
      "    }",
      "}",
    ]);
    const findings = [...(await runRule(dropColumnRule, diff)), ...(await runRule(dropTableRule, diff))];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 5 });
    expect(findings[0]!.message).toContain("Customers.Fax");
  });
});
