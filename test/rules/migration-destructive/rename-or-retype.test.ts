import { describe, expect, it } from "vitest";
import { renameOrRetypeRule } from "../../../src/rules/migration-destructive/rename-or-retype.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

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

ruleTester(renameOrRetypeRule, {
  valid: [
    { name: "a column added", diff: addedFile("migrations/1_add.sql", ["ALTER TABLE users ADD COLUMN mail text;"]) },
    {
      name: "a rename of a table created in the same migration",
      diff: addedFile("migrations/1_t.sql", ["CREATE TABLE t_new (id int);", "ALTER TABLE t_new RENAME TO t2;"]),
    },
  ],
  invalid: [
    {
      name: "a column renamed",
      diff: addedFile("migrations/1_rename.sql", ["ALTER TABLE users RENAME COLUMN email TO mail;"]),
      findings: [{ line: 1, severity: "high", message: "Renames column users.email to mail" }],
    },
  ],
});
