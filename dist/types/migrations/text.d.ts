/**
 * Line-level helpers for migration source files: the new side of a file as the diff shows it, which
 * lines belong to an up or a down (rollback) section, which table block a line sits in, string literals
 * (SQL embedded in code), and call arguments. All of it is tolerant: a diff shows fragments of files.
 */
import type { ChangedFile } from "../diff/model.js";
import type { MigrationLanguage } from "./detect.js";
/** Lines longer than this are cut: built-in patterns never look at more (guards regex cost). */
export declare const MAX_LINE = 4000;
export interface SourceLine {
    /** New-side line number. */
    line: number;
    content: string;
    added: boolean;
    /** Index of the hunk the line came from (lines of different hunks are not contiguous). */
    hunk: number;
}
/** New-side lines (context + added) in order, each cut to MAX_LINE characters. */
export declare function newSideLines(file: ChangedFile): SourceLine[];
export declare function indentOf(s: string): number;
export declare function isCommentLine(s: string, language: MigrationLanguage): boolean;
export interface Literal {
    text: string;
    /** Offsets in `text` where each source line starts, with the matching SourceLine index. */
    starts: number[];
    lineIdx: number[];
}
/** Map an offset in a literal to the SourceLine index it falls on. */
export declare function literalLineIndex(lit: Literal, offset: number): number;
interface ScanResult {
    literals: Literal[];
    /** Per SourceLine: the line starts inside a multi-line string (docstring, heredoc, SQL block). */
    startsInString: boolean[];
}
/**
 * Collect string literals across the new-side lines (a small tokenizer: quotes, escapes, comments,
 * triple quotes, heredocs, template strings). Adjacent literals joined by `+` or whitespace are merged,
 * so SQL split over several concatenated strings is seen whole. Linear in the text.
 */
export declare function scanLiterals(lines: readonly SourceLine[], language: MigrationLanguage): ScanResult;
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
export declare function classifyLines(lines: readonly SourceLine[], language: MigrationLanguage, hunkHeaders: readonly string[], startsInString: readonly boolean[]): LineContext[];
/**
 * The last line index of a Python/JS-ish expression starting at (line, col): brackets and quotes
 * balanced, ending at a top-level `,` or `)` or the end of a line with nothing open. Bounded.
 */
export declare function expressionEnd(lines: readonly SourceLine[], start: number, col: number): number;
/**
 * The text of a call starting at `col` of line `start`: up to the balancing `)` when the call has
 * parentheses, otherwise (Ruby/Elixir) the line plus continuation lines ending in `,` or `\`.
 * Bounded to 40 lines of the same hunk.
 */
export declare function gatherCall(lines: readonly SourceLine[], start: number, col: number): {
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
