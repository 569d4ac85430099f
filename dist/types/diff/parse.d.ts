import type { ChangedFile } from "./model.js";
/** Thrown for input that is not a unified diff. The CLI maps it to exit code 2. */
export declare class DiffParseError extends Error {
    name: string;
}
export interface ParsedDiff {
    files: ChangedFile[];
    warnings: string[];
}
/** Decode bytes as UTF-8, replacing invalid sequences instead of failing: a diff may carry Latin-1 files. */
export declare function decodeDiff(input: string | Uint8Array): string;
/**
 * Parse a unified diff (as `git diff`, `git show` or GitHub's diff media type print it) into changed files.
 * Accepts CRLF, `\ No newline at end of file`, mode-only changes, renames, binary markers and invalid UTF-8.
 * Empty input is an empty diff; any other input without a diff header is a DiffParseError.
 */
export declare function parseUnifiedDiff(input: string | Uint8Array): ParsedDiff;
