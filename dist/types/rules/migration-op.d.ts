import { type MigrationAnalysis } from "../migrations/analyze.js";
import type { MigrationOp, OpKind } from "../migrations/ops.js";
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
    samples: {
        match: readonly MigrationSample[];
        noMatch: readonly MigrationSample[];
    };
}
/** The findings of one row: one per selected operation, in file order. */
export declare function runMigrationOps(row: MigrationOpRow, ctx: RuleContext): RuleFinding[];
/** A rule from a row; it waits for the Postgres parser the analysis uses. */
export declare function migrationOpRule(row: MigrationOpRow): Rule & {
    row: MigrationOpRow;
};
/** The table of an operation, or a placeholder when the analysis could not tell it. */
export declare function tableOf(op: MigrationOp): string;
/** `table.column` for each column of an operation (up to 8), or the table alone. */
export declare function columnsOf(op: MigrationOp): string;
/** The call or statement that made the operation, in parentheses: ` (remove_column)`. */
export declare function via(op: MigrationOp): string;
/** A migration's display name: the file name, with its folder when the name alone says nothing (Prisma, Hasura). */
export declare function migrationName(path: string): string;
