/**
 * The migration analysis of a pull request, shared by every migration rule and computed once per
 * file list (the rules of both categories read the same cached result).
 */
import type { ChangedFile } from "../diff/model.js";
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
/** The migration kind of a changed file (by its new path, or its old path for renames). */
export declare function migrationKindOf(file: ChangedFile): MigrationFileKind | null;
export declare function analyzeMigrations(files: readonly ChangedFile[], allFiles?: readonly ChangedFile[], isTest?: (path: string) => boolean): MigrationAnalysis;
export declare function analyzeFile(file: ChangedFile, kind: MigrationFileKind): FileAnalysis | null;
