/** Typed model of a unified diff, the only input the rules see besides PR facts and config. */
export type FileStatus = "added" | "deleted" | "modified" | "renamed";
/** A changed line. `line` is the new-side number for additions, the old-side number for removals. */
/**
 * A changed line of one side. The parser hands out its hunk change object here too (one object per
 * changed line, which a large diff keeps alive to the end), so it may carry that change's fields as well.
 */
export interface DiffLine {
    line: number;
    content: string;
}
export interface HunkChange {
    type: "add" | "del" | "context";
    content: string;
    /** Old-side line number (del and context). */
    oldLine?: number;
    /** New-side line number (add and context). */
    newLine?: number;
}
export interface Hunk {
    oldStart: number;
    oldLines: number;
    newStart: number;
    newLines: number;
    /** The text after the second `@@` (often the enclosing function or block). */
    header: string;
    changes: HunkChange[];
}
export interface ChangedFile {
    /** New path; for deleted files, the path that was deleted. */
    path: string;
    /** Old path, set on renames and copies. */
    oldPath?: string;
    status: FileStatus;
    binary: boolean;
    added: DiffLine[];
    removed: DiffLine[];
    hunks: Hunk[];
    oldMode?: string;
    newMode?: string;
    /** Set when the diff carries no patch for this file (GitHub omits large and binary patches). */
    patchMissing?: string;
    /** Rename/copy similarity, 0..100, when the diff says it. */
    similarity?: number;
}
/** The new side of the file as far as the diff shows it (complete for added files). */
export declare function newSideText(file: ChangedFile): string;
/** The old side of the file as far as the diff shows it (complete for deleted files). */
export declare function oldSideText(file: ChangedFile): string;
/** True when the diff holds the whole new file (added files with a patch). */
export declare function hasWholeNewFile(file: ChangedFile): boolean;
/** True when the hunks cover the whole old file (deleted files). */
export declare function hasWholeOldFile(file: ChangedFile): boolean;
