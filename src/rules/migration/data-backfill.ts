import { migrationAnalysis } from "../../migrations/analyze.js";
import type { MigrationOp, OpKind } from "../../migrations/ops.js";
import { initPostgresParser } from "../../migrations/pg.js";
import { tableOf, via } from "../migration-op.js";
import type { Rule, RuleFinding } from "../types.js";

const KINDS: ReadonlySet<OpKind> = new Set(["backfill", "table-rebuild"]);
const MESSAGES: Partial<Record<OpKind, (op: MigrationOp) => string>> = {
  backfill: (op) =>
    `Data backfill${op.table ? ` on ${tableOf(op)}` : ""}${via(op)} runs inside the migration: long transactions and row locks on large tables`,
  "table-rebuild": (op) =>
    `Rebuilds table ${tableOf(op)}${op.detail ? ` (${op.detail})` : ""}${via(op)}: every row is copied while the table is locked`,
};

/** A write within this many lines of a reported one is the same backfill (a loop and the update inside it). */
const SAME_BACKFILL_LINES = 6;

export const dataBackfillRule: Rule = {
  id: "migration/data-backfill",
  category: "migration",
  description:
    "A migration rewrites data: UPDATE/INSERT ... SELECT over a table, row loops, Django RunPython, update_all, or a copy-drop-rename table rebuild, all inside the deploy's migration run (deleting or blanking rows is migration-destructive/row-deletion).",
  severity: "medium",
  remediation:
    "Estimate the rows touched; run large backfills in batches outside the schema migration (a background job or a separate data migration) so locks and transactions stay short.",
  docs: {
    severity: "medium",
    detects:
      "UPDATE … WHERE, INSERT … SELECT, Django `RunPython`, row loops that write (`find_each`, `for … of rows` + `update`), copy-drop-rename table rebuilds",
  },
  init: initPostgresParser,
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const fa of migrationAnalysis(ctx).files) {
      let last: { line: number; table?: string } | null = null;
      for (const op of fa.ops) {
        if (!KINDS.has(op.kind)) continue;
        if (op.kind === "backfill") {
          const same =
            last !== null &&
            op.line - last.line <= SAME_BACKFILL_LINES &&
            (!last.table || !op.table || last.table === op.table);
          last = { line: op.line, table: op.table };
          if (same) continue;
        }
        out.push({ file: fa.file.path, line: op.line, message: MESSAGES[op.kind]!(op) });
      }
    }
    return out;
  },
};
