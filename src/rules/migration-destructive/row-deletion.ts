import { columnsOf, migrationOpRule, tableOf, via } from "../migration-op.js";

export const rowDeletionRule = migrationOpRule({
  id: "migration-destructive/row-deletion",
  category: "migration-destructive",
  description:
    "A migration deletes rows or blanks columns of existing rows (DELETE … WHERE, UPDATE … SET c = NULL, ORM deletes in a data migration): the data is gone and a rollback cannot bring it back.",
  severity: "high",
  remediation:
    "Copy the rows (or values) aside first, or archive them in a table the rollback can restore from; prefer soft deletion, and delete in a later release once nothing needs them.",
  docs: {
    severity: "high",
    detects:
      '`DELETE … WHERE` and `UPDATE … SET c = NULL … WHERE` in a migration, also as SQL inside framework strings (`op.execute`, `sa.text(f"…")`, `RunSQL`, `execute <<~SQL`, `DB::statement`, `knex.raw`) and in an edit to a committed migration. Framework forms: Django/SQLAlchemy `.delete()` and `.update(c=None)` in forward data-migration code (`RunPython` functions, Alembic revisions), Rails `where(…).delete_all`, `DB::table(…)->where(…)->delete()`, `bulkDelete(t, where)`, Ecto `Repo.delete_all`. Rollback code is not read',
  },
  kinds: {
    "delete-rows": (op) =>
      `Deletes rows from ${tableOf(op)}${via(op)}: they are gone for good, a rollback cannot restore them`,
    "null-rows": (op) =>
      `Blanks ${columnsOf(op)}${via(op)} on existing rows: the previous values are lost, a rollback cannot restore them`,
  },
  samples: {
    match: [
      { path: "migrations/20240105_purge_guests.sql", lines: ["DELETE FROM users WHERE role = 'guest';"] },
      { path: "migrations/20240105_forget.sql", lines: ["UPDATE users SET phone = NULL WHERE opted_out;"] },
      {
        path: "hc/api/migrations/0122_delete_channels.py",
        lines: [
          "from django.db import migrations",
          "",
          "def remove(apps, schema_editor):",
          '    Channel = apps.get_model("api", "Channel")',
          '    Channel.objects.filter(kind="msteams").delete()',
          "",
          "class Migration(migrations.Migration):",
          '    dependencies = [("api", "0121_x")]',
          "    operations = [migrations.RunPython(remove, migrations.RunPython.noop)]",
        ],
      },
    ],
    noMatch: [
      { path: "migrations/20240105_backfill.sql", lines: ["UPDATE users SET plan = 'free' WHERE plan IS NULL;"] },
      {
        path: "shop/migrations/0007_undo.py",
        lines: [
          "from django.db import migrations",
          "",
          "def forwards(apps, schema_editor):",
          '    apps.get_model("shop", "Item").objects.filter(price=None).update(price=0)',
          "",
          "def backwards(apps, schema_editor):",
          '    apps.get_model("shop", "Item").objects.filter(price=0).delete()',
          "",
          "class Migration(migrations.Migration):",
          "    operations = [migrations.RunPython(forwards, backwards)]",
        ],
      },
    ],
  },
});
