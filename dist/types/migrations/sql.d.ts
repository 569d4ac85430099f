/**
 * SQL analysis: the Postgres grammar (libpg-query) where the text parses, tolerant per-statement
 * matching for other dialects (MySQL, SQLite, SQL Server) and for partial SQL cut out of a diff.
 * Operations carry a character offset into the analysed text; callers map it to diff lines.
 */
import type { MigrationOp } from "./ops.js";
/** Above this, only the linear regex fallback runs. */
export declare const MAX_PARSE_CHARS: number;
export interface SqlOp extends Omit<MigrationOp, "line"> {
    offset: number;
}
interface Statement {
    start: number;
    end: number;
}
/**
 * Replace comments with spaces (offsets and newlines kept) so matching never sees commented-out SQL.
 * Quote-aware: `--` inside a string is not a comment.
 */
export declare function maskComments(text: string): string;
/** Statement boundaries at `;` outside quotes and dollar-quoted bodies (run on comment-masked text). */
export declare function splitStatements(masked: string): Statement[];
export declare function cleanName(raw: string): string;
export declare function looksLikeMysql(text: string): boolean;
/** A pattern and what to do with its match (false: not this case after all). */
type MatchCase = readonly [RegExp, (m: RegExpExecArray) => boolean | undefined];
/**
 * Try each case in order (only patterns `worthTrying` accepts, when given); the first whose pattern matches
 * and whose handler does not return false wins.
 */
export declare function firstMatch(s: string, cases: readonly MatchCase[], worthTrying?: (re: RegExp) => boolean): boolean;
/** Regex analysis of one comment-masked statement that starts at `base` in the analysed text. */
export declare function regexStatementOps(stmt: string, base: number, mysql: boolean, ops: SqlOp[]): void;
/** A cheap test: could this text hold a statement we care about? */
export declare const SQL_ANCHOR: RegExp;
/**
 * All operations in a SQL text. Only statements that can change schema or data are looked at; they are
 * parsed with the Postgres grammar, as many together as parse together, and a statement that does not
 * parse (MySQL, SQLite, SQL Server, a fragment) goes through the regex fallback.
 */
export declare function analyzeSql(text: string): SqlOp[];
export {};
