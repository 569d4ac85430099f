import { describe, expect, it } from "vitest";
import { dataBackfillRule } from "../../../src/rules/migration/data-backfill.js";
import { addedFile, railsMigration, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

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

ruleTester(dataBackfillRule, {
  valid: [
    { name: "schema only", diff: addedFile("migrations/1_add.sql", ["ALTER TABLE users ADD COLUMN plan text;"]) },
    {
      name: "an UPDATE in the rollback section",
      diff: addedFile("migrations/1_fill.sql", ["-- +goose Down", "UPDATE users SET plan = NULL WHERE plan = 'free';"]),
    },
  ],
  invalid: [
    {
      name: "an UPDATE with a WHERE clause",
      diff: addedFile("migrations/1_fill.sql", ["UPDATE users SET plan = 'free' WHERE plan IS NULL;"]),
      findings: [{ line: 1, severity: "medium", message: "Data backfill on users (UPDATE) runs inside the migration" }],
    },
  ],
});
