import { describe, expect, it } from "vitest";
import { notNullWithoutDefaultRule } from "../../../src/rules/migration-destructive/not-null-without-default.js";
import { addedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

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

ruleTester(notNullWithoutDefaultRule, {
  valid: [
    {
      name: "with a default",
      diff: addedFile("migrations/1_t.sql", ["ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL DEFAULT 0;"]),
    },
    { name: "nullable", diff: addedFile("migrations/1_t.sql", ["ALTER TABLE users ADD COLUMN tenant_id bigint;"]) },
  ],
  invalid: [
    {
      name: "NOT NULL without a default",
      diff: addedFile("migrations/1_t.sql", ["ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;"]),
      findings: [{ line: 1, severity: "high", message: "Adds NOT NULL column users.tenant_id without a default" }],
    },
  ],
});
