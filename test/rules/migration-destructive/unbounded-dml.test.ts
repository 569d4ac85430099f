import { describe, expect, it } from "vitest";
import { unboundedDmlRule } from "../../../src/rules/migration-destructive/unbounded-dml.js";
import { addedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

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

ruleTester(unboundedDmlRule, {
  valid: [
    {
      name: "a bounded DELETE",
      diff: addedFile("migrations/1_purge.sql", ["DELETE FROM sessions WHERE expires_at < now();"]),
    },
    { name: "a DELETE outside migrations", diff: addedFile("src/queries/purge.sql", ["DELETE FROM sessions;"]) },
  ],
  invalid: [
    {
      name: "DELETE without WHERE",
      diff: addedFile("migrations/1_purge.sql", ["DELETE FROM sessions;"]),
      findings: [{ line: 1, severity: "high", message: "Deletes every row of sessions" }],
    },
  ],
});
