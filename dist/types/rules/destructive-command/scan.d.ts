import type { ChangedFile, DiffLine } from "../../diff/model.js";
import type { RuleContext } from "../types.js";
/**
 * True when the file can carry commands, and its added text matches `hint` (a cheap whole-file
 * test run once, so the per-line work happens only in files that can match).
 */
export declare function isCommandBearing(file: ChangedFile, ctx: RuleContext, hint?: RegExp): boolean;
/** Added lines joined across `\` continuations, minus comment-only lines. Cached per file. */
export declare function commandLines(file: ChangedFile): DiffLine[];
/** True when a command names a production target (namespace, workspace, var file, instance...). */
export declare function mentionsProduction(text: string): boolean;
export declare function isSqlOrMigration(path: string): boolean;
