// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { databaseWipeRule } from "../../../src/rules/destructive-command/database-wipe.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("destructive-command/database-wipe", () => {
  it("flags database drops and flushes in scripts and source", async () => {
    const diff =
      addedFile("script/load-dump", [
        "#!/bin/sh",
        "dropdb -U $pg_user $pg_database",
        'psql -c "DROP DATABASE billing;"',
      ]) +
      addedFile("app/admin/reset.py", ["db.drop_all()", "redis_client.flushall()"]) +
      addedFile("src/reset.ts", ["await mongo.db().dropDatabase();"]) +
      modifiedFile("package.json", ['   "scripts": {', '+    "db:reset": "prisma migrate reset --force",']) +
      addedFile("bin/reset", ["bin/rails db:drop db:create", "redis-cli FLUSHALL"]);
    const f = await runRule(databaseWipeRule, diff);
    expect(f.map((x) => `${x.file}:${x.line}`)).toEqual([
      "script/load-dump:2",
      "script/load-dump:3",
      "app/admin/reset.py:1",
      "app/admin/reset.py:2",
      "src/reset.ts:1",
      "package.json:2",
      "bin/reset:1",
      "bin/reset:2",
    ]);
    expect(f[0]!.message).toContain("$pg_database");
    expect(f[1]!.message).toContain("billing");
  });

  it("leaves migrations, tests, docs and lookalike text alone", async () => {
    const diff =
      addedFile("db/migrate/001_drop.sql", ["DROP DATABASE legacy;"]) +
      addedFile("tests/conftest.py", ["db.drop_all()"]) +
      addedFile("docs/ops.md", ["Run `dropdb app` to reset."]) +
      addedFile("src/log.ts", ['log("Dropping database connection pool");', "const flush = () => buffer.flush();"]);
    expect(await runRule(databaseWipeRule, diff)).toEqual([]);
  });
});

ruleTester(databaseWipeRule, {
  valid: [
    {
      name: "DROP DATABASE in a migration (the migration rules own it)",
      diff: addedFile("migrations/001_reset.sql", ["DROP DATABASE app;"]),
    },
    { name: "a read", diff: addedFile("scripts/check.sh", ["redis-cli INFO keyspace"]) },
  ],
  invalid: [
    {
      name: "FLUSHALL in a script",
      diff: addedFile("scripts/reset.sh", ["redis-cli FLUSHALL"]),
      findings: [{ line: 1, severity: "high", message: "FLUSHALL (wipes every Redis key) in scripts/reset.sh" }],
    },
    {
      name: "against production",
      diff: addedFile("scripts/reset.sh", ['psql "$PROD_DATABASE_URL" -c "DROP DATABASE billing"']),
      findings: [{ line: 1, severity: "critical", message: "DROP DATABASE billing" }],
    },
  ],
});
