import { migrationAnalysis, migrationName } from "../../migrations/describe.js";
import { initPostgresParser } from "../../migrations/pg.js";
import type { Rule, RuleFinding } from "../types.js";

export const missingRollbackRule: Rule = {
  id: "migration/missing-rollback",
  category: "migration",
  description:
    "A new migration has no working rollback where its framework supports one: Rails up without down or IrreversibleMigration, Alembic downgrade that only passes, Knex/Sequelize/Ecto without down, Django RunPython/RunSQL without a reverse, golang-migrate up without down file.",
  severity: "medium",
  remediation:
    "Write the down/downgrade/reverse step (or state in the PR why the change cannot be reversed and how a bad deploy is recovered).",
  init: initPostgresParser,
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const fa of migrationAnalysis(ctx).files) {
      for (const issue of fa.rollback) {
        const name = migrationName(fa.file.path);
        out.push({ file: fa.file.path, line: issue.line, message: `Migration ${name}: ${issue.message}` });
      }
    }
    return out;
  },
};
