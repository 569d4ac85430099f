import { describe, expect, it } from "vitest";
import { setNotNullRule } from "../../../src/rules/migration/set-not-null.js";
import { addedFile, railsMigration, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("migration/set-not-null", () => {
  it("flags SET NOT NULL, change_column_null false and alter_column nullable=False", async () => {
    const sql = addedFile("db/migrations/000050_nn.up.sql", ["ALTER TABLE users ALTER COLUMN email SET NOT NULL;"]);
    const rails = railsMigration("require_email", [
      "  def change",
      "    change_column_null :users, :email, false",
      "  end",
    ]);
    const alembic = addedFile("alembic/versions/1a_nn.py", [
      "from alembic import op",
      "def upgrade():",
      '    op.alter_column("users", "email", nullable=False)',
      "def downgrade():",
      '    op.alter_column("users", "email", nullable=True)',
    ]);
    const findings = await runRule(setNotNullRule, sql + rails + alembic);
    expect(findings).toHaveLength(3);
    for (const f of findings) expect(f.message).toContain("users.email");
  });

  it("does not flag change_column_null true (relaxing a constraint)", async () => {
    const diff = railsMigration("relax", ["  def change", "    change_column_null :users, :email, true", "  end"]);
    expect(await runRule(setNotNullRule, diff)).toEqual([]);
  });
});

ruleTester(setNotNullRule, {
  valid: [
    {
      name: "DROP NOT NULL",
      diff: addedFile("migrations/1_null.sql", ["ALTER TABLE users ALTER COLUMN email DROP NOT NULL;"]),
    },
    {
      name: "NOT NULL on a table created in the same migration",
      diff: addedFile("migrations/1_t.sql", [
        "CREATE TABLE t (email text);",
        "ALTER TABLE t ALTER COLUMN email SET NOT NULL;",
      ]),
    },
  ],
  invalid: [
    {
      name: "SET NOT NULL on an existing table",
      diff: addedFile("migrations/1_not_null.sql", ["ALTER TABLE users ALTER COLUMN email SET NOT NULL;"]),
      findings: [{ line: 1, severity: "medium", message: "Sets NOT NULL on users.email" }],
    },
  ],
});
