import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCommentLine } from "../../../src/diff/line-syntax.js";
import { historyRewriteRule } from "../../../src/rules/migration/history-rewrite.js";
import { addedFile, deletedFile, modifiedFile, railsMigration, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("migration/history-rewrite", () => {
  it("flags a deleted committed Prisma migration with its folder name", async () => {
    const diff = deletedFile("packages/prisma/migrations/20250212125902_rework_sessions/migration.sql", [
      'ALTER TABLE "Account" ADD COLUMN "password" TEXT;',
    ]);
    const findings = await runRule(historyRewriteRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: null });
    expect(findings[0]!.message).toContain("20250212125902_rework_sessions/migration.sql is deleted");
  });

  it("flags an edited Knex migration at its first added line", async () => {
    const diff = modifiedFile(
      "db/knex_migrations/2026-06-19-1411-add-type.js",
      [
        " exports.up = function (knex) {",
        "-    return rebuild(knex, newValues);",
        "+    return Promise.resolve();",
        " };",
      ],
      10,
    );
    const findings = await runRule(historyRewriteRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 11 });
    expect(findings[0]!.severity).toBeUndefined();
  });

  it("rates a comment-only edit low", async () => {
    const diff = modifiedFile("db/migrate/20200101000000_create_users.rb", [
      "+# frozen_string_literal: true",
      " class CreateUsers < ActiveRecord::Migration[6.0]",
    ]);
    const findings = await runRule(historyRewriteRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe("low");
  });

  it("rates a formatting-only edit low and an edit with the same characters in another order high", async () => {
    const severityOf = async (lines: string[]) => {
      const diff = modifiedFile("db/migrate/20200101000000_create_users.sql", lines);
      const findings = await runRule(historyRewriteRule, diff);
      expect(findings).toHaveLength(1);
      return findings[0]!.severity;
    };
    // Quotes, spacing, trailing commas and semicolons, and line order are formatting.
    expect(
      await severityOf([
        "-ALTER TABLE users ADD COLUMN name text DEFAULT 'x';",
        "-UPDATE users SET a = 1;",
        "+UPDATE users SET a=1",
        '+ALTER TABLE users  ADD COLUMN name text DEFAULT "x" ,',
      ]),
    ).toBe("low");
    // The same characters, counted and summed alike, in another order: a real edit.
    expect(await severityOf(["-UPDATE users SET a = 12;", "+UPDATE users SET a = 21;"])).toBeUndefined();
    expect(await severityOf(["-UPDATE users SET a = 1;", "+UPDATE users SET a = 2;"])).toBeUndefined();
  });

  it("rates an edit low exactly when its code lines are the same multiset once formatting is ignored", async () => {
    // The definition the rule implements, written plainly: the rule settles most edits by cheaper checks first.
    const path = "db/migrate/20200101000000_create_users.sql";
    const code = (lines: string[]) =>
      lines
        .filter((l) => l.trim() !== "" && !isCommentLine(path, l))
        .map((l) => l.replace(/'/g, '"').replace(/[\s,;]+/g, ""))
        .sort();
    const sameCode = (removed: string[], added: string[]) => {
      const a = code(added);
      const r = code(removed);
      return a.length === r.length && a.every((l, i) => l === r[i]);
    };
    const line = fc
      .array(fc.constantFrom("a", "b", "ab", "1", "'", '"', ",", ";", " ", "\t", "\u00a0", " -- c", "é"), {
        maxLength: 5,
      })
      .map((p) => p.join(""));
    const side = fc.array(line, { minLength: 1, maxLength: 4 });
    // Edits of every kind, and many that only reorder or reformat the removed lines.
    const edits = side.chain((r) =>
      fc.oneof(
        side.map((a): [string[], string[]] => [r, a]),
        fc.shuffledSubarray(r, { minLength: r.length, maxLength: r.length }).map((a): [string[], string[]] => [r, a]),
        fc.constant<[string[], string[]]>([r, r.map((l) => `${l.replace(/'/g, '"')},`)]),
      ),
    );
    let cosmetic = 0;
    await fc.assert(
      fc.asyncProperty(edits, async ([removed, added]) => {
        const diff = modifiedFile(path, [...removed.map((l) => `-${l}`), ...added.map((l) => `+${l}`)]);
        const findings = await runRule(historyRewriteRule, diff);
        expect(findings).toHaveLength(1);
        const expected = sameCode(removed, added);
        if (expected) cosmetic++;
        expect(findings[0]!.severity === "low").toBe(expected);
      }),
      { numRuns: 300 },
    );
    expect(cosmetic).toBeGreaterThan(50);
  });

  it("flags a renamed migration", async () => {
    const diff = [
      "diff --git a/db/migrate/20200101000000_add_x.rb b/db/migrate/20240101000000_add_x.rb",
      "similarity index 100%",
      "rename from db/migrate/20200101000000_add_x.rb",
      "rename to db/migrate/20240101000000_add_x.rb",
      "",
    ].join("\n");
    const findings = await runRule(historyRewriteRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("renamed");
  });

  it("does not flag new migrations, schema dumps or edited non-migration SQL", async () => {
    const diff =
      railsMigration("new_one", ["  def change", "    add_column :a, :b, :string", "  end"]) +
      modifiedFile("db/schema.rb", ["-  t.string :a", "+  t.string :b"]) +
      modifiedFile("app/queries/report.sql", ["-SELECT 1;", "+SELECT 2;"]) +
      modifiedFile("shop/migrations/__init__.py", ["+# package"]);
    expect(await runRule(historyRewriteRule, diff)).toEqual([]);
  });
});

ruleTester(historyRewriteRule, {
  valid: [
    {
      name: "a new migration",
      diff: addedFile("db/migrate/20250101000000_add_slug.rb", ["class AddSlug < ActiveRecord::Migration[7.1]", "end"]),
    },
    {
      name: "a Flyway repeatable migration",
      diff: modifiedFile("db/migration/R__views.sql", ["-CREATE VIEW v AS SELECT 1;", "+CREATE VIEW v AS SELECT 2;"]),
    },
    {
      name: "a schema snapshot kept beside the migrations (LATEST.sql)",
      diff: modifiedFile("store/migration/postgres/LATEST.sql", [
        " CREATE TABLE memo (",
        "-  content TEXT,",
        "+  payload JSONB,",
      ]),
    },
    {
      name: "Rails structure.sql and Prisma schema.prisma",
      diff:
        modifiedFile("db/structure.sql", ["-    email character varying,", "+    email citext,"]) +
        modifiedFile("prisma/schema.prisma", ["-  slug String", "+  slug String @unique"]),
    },
  ],
  invalid: [
    {
      name: "an edited Alembic revision outside an alembic/ folder (known by its content)",
      diff: modifiedFile(
        "src/dispatch/database/revisions/tenant/versions/2024-11-04_928b.py",
        [
          " def upgrade():",
          "-    op.drop_column('plugin', 'config')",
          "+    op.drop_column('plugin', 'configuration')",
        ],
        20,
      ),
      findings: [{ line: 21, message: "2024-11-04_928b.py is edited" }],
    },
    {
      name: "an applied migration edited",
      diff: modifiedFile("db/migrate/20240101000000_add_slug.rb", [
        "   def change",
        "-    add_column :posts, :slug, :string",
        "+    add_column :posts, :slug, :text",
        "   end",
      ]),
      findings: [{ line: 2, message: "Committed migration 20240101000000_add_slug.rb is edited" }],
    },
    {
      name: "an applied migration deleted",
      diff: deletedFile("db/migrate/20240101000000_add_slug.rb", [
        "class AddSlug < ActiveRecord::Migration[7.1]",
        "end",
      ]),
      findings: [{ line: null, side: "old", message: "is deleted" }],
    },
  ],
});
