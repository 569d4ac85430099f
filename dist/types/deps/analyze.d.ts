import type { ChangedFile } from "../diff/model.js";
import { type DependencyFile } from "./files.js";
import { type LockEntry } from "./lockfile.js";
import { type DepRef, type ScriptRef } from "./manifests/index.js";
import { type SourceRef } from "./sources.js";
/**
 * What a changed dependency file does, computed once per file and shared by the dependency rules:
 * dependencies added, removed and re-versioned (old side vs new side), new non-registry sources,
 * new install hooks, and for lockfiles the package entries added, removed and bumped.
 */
export interface VersionChange {
    name: string;
    from: string;
    to: string;
    line: number;
}
export interface LockDelta {
    added: LockEntry[];
    removed: LockEntry[];
    bumped: VersionChange[];
    /** Lines changed in total (added + removed), to tell a hash-only churn from a real change. */
    changedLines: number;
}
export interface DependencyFileAnalysis {
    file: ChangedFile;
    dep: DependencyFile;
    added: DepRef[];
    /** Removed declarations; `line` is on the old side. */
    removed: DepRef[];
    changed: VersionChange[];
    /** Non-registry sources on added lines that the removed lines did not already have. */
    sources: SourceRef[];
    /** Install hooks on added lines that are new or whose command changed. */
    scripts: ScriptRef[];
    lock: LockDelta | null;
}
/** Analysis of a dependency file, or null for any other file (cached per ChangedFile). */
export declare function analyzeDependencyFile(file: ChangedFile): DependencyFileAnalysis | null;
/** Every dependency file among the changed files, analysed (one linear pass, shared by the dependency rules). */
export declare const dependencyFiles: (files: readonly ChangedFile[]) => readonly DependencyFileAnalysis[];
/** "a, b, c and 4 more". */
export declare function listNames(items: readonly string[], max?: number): string;
