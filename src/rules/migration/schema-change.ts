import { migrationAnalysis } from "../../migrations/analyze.js";
import type { MigrationOp, OpKind } from "../../migrations/ops.js";
import { initPostgresParser } from "../../migrations/pg.js";
import { columnsOf, migrationName } from "../migration-op.js";
import type { Rule, RuleFinding } from "../types.js";

/** Additive or minor operations: reported once per file, at low severity, so the change is still visible. */
const MINOR: ReadonlySet<OpKind> = new Set([
  "create-table",
  "add-column",
  "create-index",
  "drop-index",
  "drop-constraint",
  "alter-field",
  "add-foreign-key",
  "other",
]);

/** Short object phrase of a minor operation, for the one aggregated finding. */
function shortOp(op: MigrationOp): string {
  switch (op.kind) {
    case "create-table":
      return `creates table ${op.table ?? "?"}`;
    case "add-column":
      return `adds column ${columnsOf(op)}${op.detail ? ` (${op.detail})` : ""}`;
    case "create-index":
      return `adds index on ${op.table ?? "?"}${op.concurrent ? " concurrently" : ""}`;
    case "drop-index":
      return `drops an index on ${op.table ?? "?"}`;
    case "drop-constraint":
      return `drops a constraint on ${op.table ?? "?"}`;
    case "alter-field":
      return `alters field ${columnsOf(op)}`;
    case "add-foreign-key":
      return `adds foreign key on ${op.table ?? "?"}`;
    default:
      return `${op.via} on ${columnsOf(op)}`;
  }
}

export const schemaChangeRule: Rule = {
  id: "migration/schema-change",
  category: "migration",
  description:
    "A migration makes additive or minor schema changes (new tables, nullable columns, concurrent indexes, dropped indexes): low risk, listed so the schema change is reviewed.",
  severity: "low",
  remediation:
    "Check the new schema objects match the code that uses them and that the migration runs in every environment.",
  docs: {
    severity: "low",
    detects:
      "Additive or minor changes (CREATE TABLE, nullable ADD COLUMN, CREATE INDEX CONCURRENTLY, dropped indexes/constraints, Django `AlterField`), one finding per file listing them. Never destructive.",
  },
  init: initPostgresParser,
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const fa of migrationAnalysis(ctx).files) {
      const ops = fa.ops.filter((op) => {
        if (!MINOR.has(op.kind)) return false;
        // Reported at medium by their own rules when they lock a Postgres table.
        if (op.kind === "create-index" || op.kind === "add-foreign-key")
          return op.concurrent === true || op.postgres === false;
        return true;
      });
      if (ops.length === 0) continue;
      const name = migrationName(fa.file.path);
      const shown = [...new Set(ops.map(shortOp))];
      const list =
        shown.length > 4 ? `${shown.slice(0, 4).join("; ")}; and ${shown.length - 4} more` : shown.join("; ");
      out.push({ file: fa.file.path, line: ops[0]!.line, message: `Migration ${name} ${list}` });
    }
    return out;
  },
};
