import { type MigrationAnalysis, migrationAnalysis } from "../migrations/analyze.js";
import type { MigrationOp, OpKind } from "../migrations/ops.js";
import { initPostgresParser } from "../migrations/pg.js";
import type { Severity } from "../types.js";
import type { Rule, RuleContext, RuleFinding, RuleMeta } from "./types.js";

/**
 * Migration rules whose logic is a selector over the operations the migration analysis extracts
 * (src/migrations): which operation kinds, which of them, how severe, and how each kind reads.
 * Declared as rows; one runner. Every row carries migration snippets that must and must not be
 * reported, checked by a test.
 */

/** A migration file for a sample: its path and the lines it adds. */
export interface MigrationSample {
  path: string;
  lines: readonly string[];
}

export interface MigrationOpRow extends RuleMeta {
  /** The operation kinds reported, each with its message. */
  kinds: Partial<Record<OpKind, (op: MigrationOp) => string>>;
  /** Only the operations of those kinds that pass (default: all). */
  when?: (op: MigrationOp) => boolean;
  /** Severity of one operation (default: the rule's). */
  severityOf?: (op: MigrationOp, analysis: MigrationAnalysis) => Severity;
  samples: { match: readonly MigrationSample[]; noMatch: readonly MigrationSample[] };
}

/** The findings of one row: one per selected operation, in file order. */
export function runMigrationOps(row: MigrationOpRow, ctx: RuleContext): RuleFinding[] {
  const analysis = migrationAnalysis(ctx);
  const out: RuleFinding[] = [];
  for (const fa of analysis.files) {
    for (const op of fa.ops) {
      const message = row.kinds[op.kind];
      if (!message || (row.when && !row.when(op))) continue;
      out.push({
        file: fa.file.path,
        line: op.line,
        message: message(op),
        severity: row.severityOf?.(op, analysis) ?? row.severity,
      });
    }
  }
  return out;
}

/** A rule from a row; it waits for the Postgres parser the analysis uses. */
export function migrationOpRule(row: MigrationOpRow): Rule & { row: MigrationOpRow } {
  const { kinds, when, severityOf, samples, ...meta } = row;
  return { ...meta, row, init: initPostgresParser, run: (ctx) => runMigrationOps(row, ctx) };
}

// How operations are named in messages.

/** The table of an operation, or a placeholder when the analysis could not tell it. */
export function tableOf(op: MigrationOp): string {
  return op.table ?? "(unknown table)";
}

/** `table.column` for each column of an operation (up to 8), or the table alone. */
export function columnsOf(op: MigrationOp): string {
  const t = tableOf(op);
  const c = op.columns?.filter(Boolean) ?? [];
  if (c.length === 0) return t;
  const shown = c.slice(0, 8).map((x) => `${t}.${x}`);
  return c.length > 8 ? `${shown.join(", ")} and ${c.length - 8} more` : shown.join(", ");
}

/** The call or statement that made the operation, in parentheses: ` (remove_column)`. */
export function via(op: MigrationOp): string {
  return ` (${op.via})`;
}

/** A migration's display name: the file name, with its folder when the name alone says nothing (Prisma, Hasura). */
export function migrationName(path: string): string {
  const parts = path.split("/");
  const base = parts[parts.length - 1] ?? path;
  if (/^(?:migration|up|down)\.sql$/i.test(base) && parts.length > 1) return `${parts[parts.length - 2]}/${base}`;
  return base;
}
