import { describe, expect, it } from "vitest";
import { rowDeletionRule } from "../../../src/rules/migration-destructive/row-deletion.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

/** An Alembic revision (at any path) whose upgrade() holds these lines. */
function alembicRevision(path: string, upgrade: string[], downgrade = ["    pass"]): string {
  return addedFile(path, [
    "from alembic import op",
    "import sqlalchemy as sa",
    "",
    'revision = "928b725d64f6"',
    'down_revision = "3a1b2c3d4e5f"',
    "",
    "def upgrade():",
    ...upgrade,
    "",
    "def downgrade():",
    ...downgrade,
  ]);
}

describe("migration-destructive/row-deletion", () => {
  it("reads SQL built in framework strings: sa.text(f-string), op.execute, RunSQL, execute heredoc, DB::statement", async () => {
    const diff = [
      alembicRevision("app/db/revisions/tenant/versions/2024_11_04_cleanup.py", [
        "    conn = op.get_bind()",
        "    conn.execute(sa.text(f\"DELETE FROM {schema}.signal_filter WHERE mode = 'legacy'\"))",
        '    op.execute("UPDATE plugin_instance SET configuration = NULL WHERE enabled = false")',
      ]),
      addedFile("shop/migrations/0042_purge.py", [
        "from django.db import migrations",
        "",
        "class Migration(migrations.Migration):",
        '    dependencies = [("shop", "0041_x")]',
        "    operations = [migrations.RunSQL(\"DELETE FROM shop_cart WHERE created < now() - interval '1 year'\")]",
      ]),
      addedFile("db/migrate/20250101000000_purge_tokens.rb", [
        "class PurgeTokens < ActiveRecord::Migration[7.1]",
        "  def up",
        "    execute <<~SQL",
        "      DELETE FROM tokens WHERE revoked",
        "    SQL",
        "  end",
        "end",
      ]),
      addedFile("database/migrations/2025_01_01_000000_forget_ips.php", [
        "<?php",
        "return new class extends Migration {",
        "    public function up(): void",
        "    {",
        "        DB::statement('UPDATE logins SET ip = NULL WHERE created_at < NOW()');",
        "    }",
        "};",
      ]),
    ].join("");
    const findings = await runRule(rowDeletionRule, diff);
    expect(findings.map((f) => `${f.file.split("/").pop()}:${f.line}`)).toEqual([
      "2024_11_04_cleanup.py:9",
      "2024_11_04_cleanup.py:10",
      "0042_purge.py:5",
      "20250101000000_purge_tokens.rb:4",
      "2025_01_01_000000_forget_ips.php:5",
    ]);
    expect(findings[0]!.message).toContain("{schema}.signal_filter");
    expect(findings[1]!.message).toContain("plugin_instance.configuration");
  });

  it("reads ORM deletes in forward data-migration code, not in the rollback", async () => {
    const django = addedFile("hc/api/migrations/0122_delete_msteams.py", [
      "from django.db import migrations",
      "",
      "def delete_channels(apps, schema_editor):",
      '    Channel = apps.get_model("api", "Channel")',
      '    Channel.objects.filter(kind__in=["msteams", "linenotify"]).delete()',
      "",
      "def restore(apps, schema_editor):",
      '    apps.get_model("api", "Channel").objects.filter(kind="placeholder").delete()',
      "",
      "class Migration(migrations.Migration):",
      '    dependencies = [("api", "0121_x")]',
      "    operations = [migrations.RunPython(delete_channels, restore)]",
    ]);
    const multiline = addedFile("core/migrations/0009_unlink.py", [
      "from django.db import migrations",
      "",
      "def unlink(apps, schema_editor):",
      '    Port = apps.get_model("core", "Port")',
      "    Port.objects.filter(",
      "        cable__isnull=True,",
      "    ).update(",
      "        cable_end=None,",
      "    )",
      "    Port.objects.filter(",
      "        cable__isnull=True,",
      "    ).delete()",
      "",
      "class Migration(migrations.Migration):",
      "    operations = [migrations.RunPython(unlink, migrations.RunPython.noop)]",
    ]);
    const alembic = alembicRevision("alembic/versions/77aa_drop_orphans.py", [
      "    session = Session(bind=op.get_bind())",
      "    session.query(Orphan).filter(Orphan.parent_id.is_(None)).delete(synchronize_session=False)",
      "    op.execute(sa.update(accounts).where(accounts.c.plan == 'trial').values(card=None))",
    ]);
    const findings = await runRule(rowDeletionRule, django + multiline + alembic);
    expect(findings.map((f) => `${f.file.split("/").pop()}:${f.line}`)).toEqual([
      "0122_delete_msteams.py:5",
      "0009_unlink.py:7",
      "0009_unlink.py:12",
      "77aa_drop_orphans.py:9",
      "77aa_drop_orphans.py:10",
    ]);
    expect(findings[0]!.message).toContain("Channel");
    expect(findings[1]!.message).toContain("Port.cable_end");
    expect(findings[4]!.message).toContain("card");
  });

  it("reports a DELETE appended to an already committed migration", async () => {
    const diff = modifiedFile(
      "prisma/migrations/14_add_link_and_pixel/migration.sql",
      [
        ' ALTER TABLE "report" ADD COLUMN "goal" TEXT;',
        "+",
        "+-- drop reports whose type is gone",
        '+DELETE FROM "report" WHERE "type" = \'goals\';',
      ],
      70,
    );
    const findings = await runRule(rowDeletionRule, diff);
    expect(findings).toMatchObject([{ line: 73, severity: "high" }]);
  });
});

ruleTester(rowDeletionRule, {
  valid: [
    {
      name: "a bounded backfill that writes values",
      diff: addedFile("migrations/20240105_backfill.sql", ["UPDATE users SET plan = 'free' WHERE plan IS NULL;"]),
    },
    {
      name: "deleting rows only in the downgrade",
      diff: alembicRevision(
        "alembic/versions/1a_add_templates.py",
        ["    op.execute(\"INSERT INTO templates (id, name) VALUES ('x', 'Service deleted')\")"],
        ["    op.execute(\"DELETE FROM templates WHERE id = 'x'\")"],
      ),
    },
    {
      name: "a DELETE in application code, not a migration",
      diff: addedFile("app/dao/notifications_dao.py", [
        "    db.session.query(Notification).filter(Notification.id == x).delete()",
      ]),
    },
    {
      name: "an unbounded DELETE (migration-destructive/unbounded-dml reports it)",
      diff: addedFile("migrations/1_purge.sql", ["DELETE FROM sessions;"]),
    },
  ],
  invalid: [
    {
      name: "DELETE … WHERE",
      diff: addedFile("migrations/1_purge.sql", ["DELETE FROM sessions WHERE expires_at < now();"]),
      findings: [{ line: 1, severity: "high", message: "Deletes rows from sessions" }],
    },
    {
      name: "UPDATE … SET c = NULL … WHERE",
      diff: addedFile("db/migrations/000031_forget.up.sql", [
        "UPDATE memo SET payload = NULL, pinned = 0 WHERE id > 10;",
      ]),
      findings: [{ line: 1, message: "Blanks memo.payload" }],
    },
    {
      name: "an Alembic revision outside an alembic/ folder",
      diff: alembicRevision("src/dispatch/database/revisions/tenant/versions/2023-01-30_e4b4.py", [
        '    op.execute("DELETE FROM participant WHERE case_id IS NULL")',
      ]),
      findings: [{ line: 8, message: "participant" }],
    },
  ],
});
