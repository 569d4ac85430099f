import { beforeAll, describe, expect, it } from "vitest";
import { parseUnifiedDiff } from "../../../src/diff/parse.js";
import { analyzeMigrations } from "../../../src/migrations/analyze.js";
import { detectMigration } from "../../../src/migrations/detect.js";
import { initPostgresParser } from "../../../src/migrations/pg.js";
import { analyzeSql, maskComments, splitStatements } from "../../../src/migrations/sql.js";
import { historyRewriteRule } from "../../../src/rules/migration/history-rewrite.js";
import { dropColumnRule } from "../../../src/rules/migration-destructive/drop-column.js";
import { dropTableRule } from "../../../src/rules/migration-destructive/drop-table.js";
import { unboundedDmlRule } from "../../../src/rules/migration-destructive/unbounded-dml.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";

beforeAll(async () => {
  await initPostgresParser();
});

describe("detectMigration", () => {
  it.each([
    ["db/migrate/20250101000000_add_x.rb", "", "rails"],
    ["shop/migrations/0001_initial.py", "", "django"],
    ["alembic/versions/3f2a_add.py", "def upgrade():", "alembic"],
    ["packages/db/prisma/migrations/20250101_init/migration.sql", "", "prisma"],
    ["src/main/resources/db/migration/V1_2__add_users.sql", "", "flyway"],
    ["db/changelog/001.xml", "<databaseChangeLog>", "liquibase"],
    ["db/changelog/001.yaml", "databaseChangeLog:", "liquibase"],
    ["db/migrations/000001_init.up.sql", "", "golang-migrate"],
    ["drizzle/0003_brave_hulk.sql", "", "drizzle"],
    ["priv/repo/migrations/20250101_add.exs", "", "ecto"],
    ["server/migrations/20250101-add.js", "queryInterface.addColumn", "sequelize"],
    ["src/migrations/1700000000000-Init.ts", "implements MigrationInterface", "typeorm"],
    ["db/knex_migrations/2025-01-01-add.js", "exports.up = function (knex) {", "knex"],
    ["database/migrations/2025_01_01_000000_create_users_table.php", "", "laravel"],
    ["src/Data/Migrations/20250101_Init.cs", "", "efcore"],
    ["supabase/migrations/20250101_init.sql", "", "sql"],
  ])("%s is %s", (path, sniff, framework) => {
    expect(detectMigration(path, sniff)?.framework).toBe(framework);
  });

  it.each([
    ["app/models/user.rb", ""],
    ["shop/migrations/__init__.py", ""],
    ["src/store/migrations/v3.ts", "export const migrateV3 = (state) => ({ ...state, theme: 'dark' });"],
    ["src/Data/Migrations/20250101_Init.Designer.cs", ""],
    ["CHANGELOG.yml", "releases:"],
    ["db/seeds/users.sql", ""],
    ["test/fixtures/schema.sql", ""],
  ])("%s is not a migration", (path, sniff) => {
    expect(detectMigration(path, sniff)).toBeNull();
  });

  it.each([
    [
      "src/dispatch/database/revisions/tenant/versions/2024-11-04_928b.py",
      'revision = "928b725d64f6"\ndown_revision = "3a1b2c3d4e5f"\n',
      "alembic",
    ],
    ["services/db/revs/7f.py", "@@ def upgrade():\n    op.drop_column('case', 'assignee_id')\n", "alembic"],
    ["apps/shop/data_moves/0003_x.py", "class Migration(migrations.Migration):\n    operations = []\n", "django"],
    ["engines/billing/db/schema_changes/add_x.rb", "class AddX < ActiveRecord::Migration[7.1]\n", "rails"],
    [
      "Modules/Blog/Setup/create_posts.php",
      "return new class extends Migration {\n Schema::create('posts', fn () => 1);",
      "laravel",
    ],
  ])("%s is %s by its content", (path, sniff, framework) => {
    expect(detectMigration(path, sniff)?.framework).toBe(framework);
  });

  it.each([
    ["tools/upgrade.py", "def upgrade():\n    run('pip install -U x')\n"],
    ["app/settings.py", "revision = get_git_revision()\n"],
    ["app/Models/Migration.php", "class Migration extends Model {}"],
  ])("%s is not a migration by content", (path, sniff) => {
    expect(detectMigration(path, sniff)).toBeNull();
  });

  it("rates .sql files by where they live", () => {
    expect(detectMigration("db/migrations/001_init.sql")?.strength).toBe("strong");
    expect(detectMigration("db/setup.sql")?.strength).toBe("plain");
    expect(detectMigration("src/reports/monthly.sql")).toBeNull();
    expect(detectMigration("src/app/cleanup.sql")?.strength).toBe("weak");
    expect(detectMigration("db/users.sql", "-- name: DeleteUsers :exec\nDELETE FROM users;")?.strength).toBe("weak");
    expect(detectMigration("store/migration/sqlite/LATEST.sql")?.strength).toBe("weak");
    expect(detectMigration("db/migrations/001_init.down.sql")?.downFile).toBe(true);
    expect(detectMigration("db/migration/U3__undo.sql")?.downFile).toBe(true);
  });
});

describe("analyzeSql", () => {
  it("maps multi-line statements to offsets of the object they name", () => {
    const text = ["-- header", "ALTER TABLE t", "  ADD COLUMN a int,", "  DROP COLUMN b;", "DROP TABLE u;"].join("\n");
    const ops = analyzeSql(text);
    const line = (offset: number) => text.slice(0, offset).split("\n").length;
    expect(ops.map((o) => [o.kind, line(o.offset)])).toEqual([
      ["add-column", 3],
      ["drop-column", 4],
      ["drop-table", 5],
    ]);
  });

  it("parses statements one by one when the whole text does not parse, and falls back to regex", () => {
    const text = ["DROP TABLE a;", "THIS IS NOT SQL;", "ALTER TABLE `b` DROP `c`;"].join("\n");
    const ops = analyzeSql(text);
    expect(ops.map((o) => [o.kind, o.table, o.columns?.[0]])).toEqual([
      ["drop-table", "a", undefined],
      ["drop-column", "b", "c"],
    ]);
  });

  it("keeps offsets right after non-ASCII text", () => {
    const text = "-- Überarbeitung der Tabelle für Bestellungen\nALTER TABLE orders DROP COLUMN note;";
    const [op] = analyzeSql(text);
    expect(op).toMatchObject({ kind: "drop-column", table: "orders" });
    expect(text.slice(op!.offset, op!.offset + 4)).toBe("DROP");
  });

  it("ignores commented-out statements and statements inside function bodies", () => {
    const text = [
      "-- DROP TABLE users;",
      "/* TRUNCATE orders; */",
      "CREATE FUNCTION purge() RETURNS trigger AS $$ BEGIN DELETE FROM audit; RETURN NULL; END $$ LANGUAGE plpgsql;",
    ].join("\n");
    const kinds = analyzeSql(text).map((o) => o.kind);
    expect(kinds).not.toContain("drop-table");
    expect(kinds).not.toContain("truncate");
    expect(kinds).not.toContain("delete-all");
  });

  it("splits statements outside quotes and dollar quotes", () => {
    const masked = maskComments("INSERT INTO t VALUES ('a;b'); SELECT $x$ ; $x$; -- c;\nSELECT 1");
    expect(splitStatements(masked)).toHaveLength(3);
  });

  it("gives the same operations, in statement order, as analysing each statement alone", () => {
    // Statements the grammar rejects (by their first word, or only on parsing) among ones it accepts:
    // the accepted ones are parsed together, the rejected ones go to the regex fallback.
    const statements = [
      "ALTER TABLE a DROP COLUMN x;",
      "EXEC sp_rename 'a.y', 'y_old', 'COLUMN';",
      "DROP TABLE b;",
      "UPDATE c SET d = NULL;",
      "ALTER TABLE e ALTER COLUMN f SET NOT NULL, FROBNICATE g;",
      "RENAME TABLE h TO i;",
      "DELETE FROM j;",
      "CREATE INDEX k_idx ON k (l);",
      "ALTER TABLE m RENAME COLUMN n TO o;",
    ];
    const text = statements.join("\n");
    const alone = statements.flatMap((st) => {
      const base = text.indexOf(st);
      return analyzeSql(st).map((op) => ({ ...op, offset: op.offset + base }));
    });
    expect(alone.map((o) => o.kind)).toEqual([
      "drop-column",
      "rename-column",
      "drop-table",
      "update-all",
      "set-not-null",
      "other",
      "rename-table",
      "delete-all",
      "create-index",
      "rename-column",
    ]);
    expect(analyzeSql(text)).toEqual(alone);
  });

  it("recognizes SQL Server sp_rename and ALTER COLUMN type changes", () => {
    const ops = analyzeSql(
      "EXEC sp_rename 'dbo.Users.Name', 'FullName', 'COLUMN';\nALTER TABLE Users ALTER COLUMN Age SMALLINT NOT NULL;",
    );
    expect(ops.map((o) => [o.kind, o.table, o.columns?.[0]])).toEqual([
      ["rename-column", "dbo.Users", "Name"],
      ["alter-type", "Users", "Age"],
    ]);
  });
});

describe("migration analysis edge cases", () => {
  it("reads strong_migrations safety_assured one-liners", async () => {
    const diff = addedFile("db/migrate/20250101000000_drop_fax.rb", [
      "class DropFax < ActiveRecord::Migration[7.1]",
      "  def change",
      "    safety_assured { remove_column :users, :fax }",
      "  end",
      "end",
    ]);
    const findings = await runRule(dropColumnRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("users.fax");
  });

  it("ignores migrations under test folders", async () => {
    const diff = addedFile("tests/migrations/0002_drop.py", [
      "from django.db import migrations",
      "class Migration(migrations.Migration):",
      '    operations = [migrations.DeleteModel(name="Thing")]',
    ]);
    expect(await runRule(dropTableRule, diff)).toEqual([]);
  });

  it("does not report sqlc query files as unbounded deletes", async () => {
    const diff = addedFile("db/users.sql", ["-- name: DeleteAllUsers :exec", "DELETE FROM users;"]);
    expect(await runRule(unboundedDmlRule, diff)).toEqual([]);
  });

  it("rates a formatting-only edit of a committed migration low", async () => {
    const diff = modifiedFile("db/migrate/20200101000000_create_users.rb", [
      " class CreateUsers < ActiveRecord::Migration[6.0]",
      "   def change",
      "-    add_column :users, :name, :string, default: 'n/a'",
      '+    add_column :users, :name, :string, default: "n/a"',
      "   end",
    ]);
    const findings = await runRule(historyRewriteRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe("low");
  });

  it("analyses each file once and reports only added lines", () => {
    const { files } = parseUnifiedDiff(
      modifiedFile(
        "db/migrations/0005_changes.sql",
        [" ALTER TABLE a DROP COLUMN old_one;", "+ALTER TABLE a DROP COLUMN new_one;", "-DROP TABLE removed_line;"],
        10,
      ),
    );
    const first = analyzeMigrations(files);
    expect(analyzeMigrations(files)).toBe(first);
    expect(first.files[0]!.ops.map((o) => [o.kind, o.columns?.[0], o.line])).toEqual([["drop-column", "new_one", 11]]);
  });

  it("handles huge SQL files with the linear fallback", () => {
    const lines = ["DROP TABLE big_one;"];
    for (let i = 0; i < 20000; i++)
      lines.push(`INSERT INTO t (id, v) VALUES (${i}, 'value number ${i} padded to make the line long');`);
    const { files } = parseUnifiedDiff(addedFile("db/migrations/0100_big_import.sql", lines));
    const started = performance.now();
    const result = analyzeMigrations(files);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.files[0]!.ops.filter((o) => o.kind === "drop-table").map((o) => o.line)).toEqual([1]);
  });

  it("does not crash on malformed input", () => {
    const { files } = parseUnifiedDiff(
      addedFile("db/migrations/0101_broken.sql", [
        "ALTER TABLE",
        "DROP",
        "'unterminated",
        "$$ never closed",
        "ALTER TABLE x DROP COLUMN",
      ]) +
        addedFile("db/migrate/20250101000000_broken.rb", [
          "class X",
          "  def up",
          '    execute "DROP TABLE',
          "    remove_column",
          "  end",
        ]),
    );
    expect(() => analyzeMigrations(files)).not.toThrow();
  });
});

describe("history rewrite exceptions", () => {
  it("does not flag Flyway repeatable migrations or changeSets appended to a Liquibase changelog", async () => {
    const diff =
      modifiedFile("src/main/resources/db/migration/R__views.sql", [
        "-CREATE OR REPLACE VIEW v AS SELECT 1;",
        "+CREATE OR REPLACE VIEW v AS SELECT 2;",
      ]) +
      modifiedFile("src/main/resources/db/changelog/db.changelog-master.yaml", [
        " databaseChangeLog:",
        "   - include:",
        "       file: changes/001.yaml",
        "+  - include:",
        "+      file: changes/002.yaml",
      ]);
    expect(await runRule(historyRewriteRule, diff)).toEqual([]);
  });

  it("flags an edited changeSet in a Liquibase changelog", async () => {
    const diff = modifiedFile("db/changelog/changes/001.xml", [
      ' <changeSet id="1" author="a">',
      '-  <addColumn tableName="t"><column name="a" type="int"/></addColumn>',
      '+  <addColumn tableName="t"><column name="a" type="bigint"/></addColumn>',
      " </changeSet>",
    ]);
    const findings = await runRule(historyRewriteRule, diff);
    expect(findings).toHaveLength(1);
  });

  it("treats a module-level reverse SQL constant in a Django migration as the rollback", async () => {
    const diff = addedFile("shop/migrations/0050_view.py", [
      "from django.db import migrations",
      'FORWARD_SQL = "CREATE VIEW shop_totals AS SELECT 1"',
      'REVERSE_SQL = "DROP VIEW shop_totals; DROP TABLE shop_cache"',
      "class Migration(migrations.Migration):",
      "    operations = [migrations.RunSQL(FORWARD_SQL, REVERSE_SQL)]",
    ]);
    expect(await runRule(dropTableRule, diff)).toEqual([]);
  });
});
