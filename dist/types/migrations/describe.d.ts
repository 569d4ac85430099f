/** One-line messages naming the table and column of each operation, and the finding helper the rules share. */
import type { RuleContext, RuleFinding } from "../rules/types.js";
import type { Severity } from "../types.js";
import { type FileAnalysis, type MigrationAnalysis } from "./analyze.js";
import type { MigrationOp, OpKind } from "./ops.js";
export declare function describeOp(op: MigrationOp): string;
/** Short object phrase for the aggregated low-severity finding. */
export declare function shortOp(op: MigrationOp): string;
export declare function migrationAnalysis(ctx: RuleContext): MigrationAnalysis;
/** One finding per operation of the given kinds. */
export declare function opFindings(ctx: RuleContext, kinds: ReadonlySet<OpKind>, severity: (op: MigrationOp, fa: FileAnalysis, analysis: MigrationAnalysis) => Severity | undefined, filter?: (op: MigrationOp, fa: FileAnalysis) => boolean): RuleFinding[];
/** A migration's display name: the file name, with its folder when the name alone says nothing (Prisma, Hasura). */
export declare function migrationName(path: string): string;
