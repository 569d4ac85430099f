import type { ChangedFile } from "../diff/model.js";
import type { RuleContext } from "../rules/types.js";
import { type MigrationFileKind } from "./detect.js";
import type { MigrationOp, RollbackIssue } from "./ops.js";
export interface FileAnalysis {
    file: ChangedFile;
    kind: MigrationFileKind;
    ops: MigrationOp[];
    rollback: RollbackIssue[];
}
export interface MigrationAnalysis {
    files: FileAnalysis[];
    /** Tables dropped across the PR (for the "many tables" severity). */
    droppedTables: number;
}
/**
 * The migration kind of a changed file (by its new path, or its old path for renames): files whose path
 * hints at migrations, and source files in the languages whose migrations are known by content.
 */
export declare function migrationKindOf(file: ChangedFile): MigrationFileKind | null;
/** The migration analysis of a rule context's files (migrations under test folders are fixtures, not the schema). */
export declare function migrationAnalysis(ctx: RuleContext): MigrationAnalysis;
export declare function analyzeMigrations(files: readonly ChangedFile[], allFiles?: readonly ChangedFile[], isTest?: (path: string) => boolean): MigrationAnalysis;
export declare function analyzeFile(file: ChangedFile, kind: MigrationFileKind): FileAnalysis | null;
