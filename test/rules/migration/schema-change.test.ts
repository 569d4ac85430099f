import { describe, expect, it } from "vitest";
import { indexNotConcurrentRule } from "../../../src/rules/migration/index-not-concurrent.js";
import { schemaChangeRule } from "../../../src/rules/migration/schema-change.js";
import { addedFile, railsMigration, runRule, scan } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

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

ruleTester(schemaChangeRule, {
  valid: [
    { name: "not a migration", diff: addedFile("src/schema.ts", ["export const table = 'users';"]) },
    {
      name: "only destructive operations (their own rules report them)",
      diff: addedFile("migrations/1_drop.sql", ["DROP TABLE users;"]),
    },
  ],
  invalid: [
    {
      name: "a table created and a column added",
      diff: addedFile("migrations/1_add.sql", [
        "CREATE TABLE tags (id bigint);",
        "ALTER TABLE users ADD COLUMN nickname text;",
      ]),
      findings: [
        { line: 1, severity: "low", message: "Migration 1_add.sql creates table tags; adds column users.nickname" },
      ],
    },
  ],
});
