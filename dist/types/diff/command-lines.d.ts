import { type PathClassifier } from "../util/paths.js";
import type { ChangedFile, DiffLine } from "./model.js";
/** True when the file's path can carry commands (not documentation, a test or a data file). */
export declare function isCommandFile(file: ChangedFile, paths: PathClassifier): boolean;
/** Added lines joined across `\` continuations, minus comment-only lines. Cached per file. */
export declare function commandLines(file: ChangedFile): DiffLine[];
/** True when a command names a production target (namespace, workspace, var file, instance...). */
export declare function mentionsProduction(text: string): boolean;
/** SQL files and migration folders: the migration rules own the DDL written there. */
export declare function isSqlOrMigration(path: string): boolean;
