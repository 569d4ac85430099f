import { migrationAnalysis } from "../../migrations/analyze.js";
import type { MigrationLanguage } from "../../migrations/detect.js";
import type { OpKind, RollbackIssue } from "../../migrations/ops.js";
import { initPostgresParser } from "../../migrations/pg.js";
import { migrationName } from "../migration-op.js";
import type { Rule, RuleFinding } from "../types.js";

function problem(issue: RollbackIssue, language: MigrationLanguage): string {
  const python = language === "python";
  switch (issue.kind) {
    case "no-down-file":
      return `no matching ${issue.downFile} in this change`;
    case "no-down":
      return `${python ? "upgrade() has no downgrade()" : "up has no down"}: the migration cannot be rolled back`;
    case "empty-down":
      return `${python ? "downgrade() is empty" : "down is empty"}: rolling back leaves the schema changed`;
    case "irreversible":
      return "the rollback only raises an error: the migration is irreversible";
    case "run-python-without-reverse":
      return `RunPython(${issue.forward}) has no reverse_code: the migration cannot be unapplied`;
    case "run-sql-without-reverse":
      return "RunSQL has no reverse_sql: the migration cannot be unapplied";
  }
}

/** Steps a person undoes by hand with a drop, with no data to restore: a missing rollback there is low. */
const ADDITIVE = new Set<OpKind>(["create-table", "add-column", "create-index"]);

export const missingRollbackRule: Rule = {
  id: "migration/missing-rollback",
  category: "migration",
  description:
    "A new migration has no working rollback where its framework supports one: Rails up without down or IrreversibleMigration, Alembic downgrade that only passes, Knex/Sequelize/Ecto without down, Django RunPython/RunSQL without a reverse, golang-migrate up without down file.",
  severity: "medium",
  remediation:
    "Write the down/downgrade/reverse step (or state in the PR why the change cannot be reversed and how a bad deploy is recovered).",
  docs: {
    severity: "medium; low when every step of the migration is additive (new tables, columns or indexes)",
    detects:
      "New migration without a working rollback: Rails `def up` without `def down` or a down that only raises `IrreversibleMigration`; Alembic `downgrade()` that only passes; Knex/Sequelize/TypeORM/Laravel/Ecto `up` without (or with an empty) `down`; Django `RunPython` without `reverse_code`, `RunSQL` without `reverse_sql`; golang-migrate `.up.sql` added without its `.down.sql`",
  },
  init: initPostgresParser,
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const fa of migrationAnalysis(ctx).files) {
      const additive = fa.ops.length > 0 && fa.ops.every((op) => ADDITIVE.has(op.kind));
      for (const issue of fa.rollback) {
        const name = migrationName(fa.file.path);
        out.push({
          file: fa.file.path,
          line: issue.line,
          message: `Migration ${name}: ${problem(issue, fa.kind.language)}`,
          ...(additive ? { severity: "low" as const } : {}),
        });
      }
    }
    return out;
  },
};
