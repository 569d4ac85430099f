import type { SideLine } from "../diff/side.js";
import type { MigrationLanguage } from "./detect.js";
/** A UTF-16 code unit that a regex `\s` matches, without building a one-character string for ASCII. */
export declare function isRegexSpace(code: number): boolean;
export interface Literal {
    text: string;
    /** Offsets in `text` where each source line starts, with the matching SideLine index. */
    starts: number[];
    lineIdx: number[];
}
/** Map an offset in a literal to the SideLine index it falls on. */
export declare function literalLineIndex(lit: Literal, offset: number): number;
interface ScanResult {
    literals: Literal[];
    /** Per SideLine: the line starts inside a multi-line string (docstring, heredoc, SQL block). */
    startsInString: boolean[];
}
/**
 * Collect string literals across the new-side lines (a small tokenizer: quotes, escapes, comments,
 * triple quotes, heredocs, template strings). Adjacent literals joined by `+` or whitespace are merged,
 * so SQL split over several concatenated strings is seen whole. Linear in the text.
 */
export declare function scanLiterals(lines: readonly SideLine[], language: MigrationLanguage): ScanResult;
export type Section = "up" | "down" | "state" | "neutral";
export interface LineContext {
    section: Section;
    /** The enclosing table block (`change_table :t do`, `alterTable("t", ...)`, `alter table(:t) do`). */
    table?: string;
    tableMode?: "alter" | "create";
}
/**
 * Per line: up/down/state section and table block. Sections come from function headers (indentation
 * scopes), Django keyword arguments (`reverse_sql=`, `reverse_code=`, `state_operations=`), Liquibase
 * `<rollback>` blocks and `--rollback` lines, and goose/dbmate `Down` markers in SQL files.
 */
export declare function classifyLines(lines: readonly SideLine[], language: MigrationLanguage, hunkHeaders: readonly string[], startsInString: readonly boolean[]): LineContext[];
/**
 * The last line index of a Python/JS-ish expression starting at (line, col): brackets and quotes
 * balanced, ending at a top-level `,` or `)` or the end of a line with nothing open. Bounded.
 */
export declare function expressionEnd(lines: readonly SideLine[], start: number, col: number): number;
/**
 * The text of a call starting at `col` of line `start`: up to the balancing `)` when the call has
 * parentheses, otherwise (Ruby/Elixir) the line plus continuation lines ending in `,` or `\`.
 * Bounded to 40 lines of the same hunk.
 */
export declare function gatherCall(lines: readonly SideLine[], start: number, col: number): {
    text: string;
    end: number;
};
/** Split the argument list of a call text (after its first `(`, or after the method name) at top-level commas. */
export declare function splitArgs(callText: string): string[];
/** A keyword argument `name: x` / `name=x` / `name => x` among split args, or undefined. */
export declare function namedArg(args: readonly string[], name: string): string | undefined;
/** Positional arguments: those that are not `key: value` / `key=value`. */
export declare function positionalArgs(args: readonly string[]): string[];
/** The identifier(s) an argument literally names: `:users`, `"users"`, `%i[a b]`, `[:a, :b]`, `table(:users)`. */
export declare function literalNames(arg: string | undefined): string[];
export declare function literalName(arg: string | undefined): string | undefined;
export {};
