import type { Severity } from "../types.js";
import type { PathMatcher } from "../util/paths.js";
import type { SafeRegex } from "../util/safe-regex.js";
import type { Rule, RuleContext, RuleFinding, RuleMeta } from "./types.js";
/**
 * Rules whose logic is a pattern over single added lines, declared as rows (gitleaks-style): the
 * destructive-command rules, TLS verification and lint suppressions, and the config's custom_rules.
 * One runner reads the files, lines, prefilters, moves and caps for all of them; a row only says
 * which files, which patterns and how a hit reads. Every built-in row carries samples that must and
 * must not be reported, checked by a test.
 */
/** Where a pattern fires on a line. */
export interface Hit {
    /** What was found: the message's subject, and the key that tells a moved line from a new one. */
    label: string;
    severity?: Severity;
    /** Extra words for the message (what a suppression names, why a target is dangerous). */
    detail?: string;
}
/** Facts about the line a detector reads. */
export interface LineAt {
    path: string;
    /** The file is in production scope. */
    production: boolean;
}
export interface LinePattern {
    /** A substring the line must contain before the pattern runs (a cheap prefilter). */
    keyword?: string;
    /** A regular expression: the rule's own, or a user's compiled on RE2 (linear time). */
    re?: RegExp | SafeRegex;
    /** The hit a match of `re` makes (default: `label`, with group 1 as detail). */
    hit?: (match: string, group1: string | undefined, text: string, index: number) => Hit | null;
    label?: string;
    severity?: Severity;
    /** Or a detector, where the arguments decide (flags, targets, production): every hit on the line. */
    detect?: (text: string, at: LineAt) => readonly Hit[];
}
/** Which changed files a row reads (files with added lines only). */
export type FileScope = 
/** Files that can carry commands: not docs, tests or data files. */
"commands"
/** Not documentation or tests. */
 | "code"
/** Not documentation (test files included). */
 | "code-and-tests"
/** Every file. */
 | "all";
export interface LinePatternRow extends RuleMeta {
    scope: FileScope;
    /** Only paths these globs match (custom rules' `paths`). */
    paths?: PathMatcher;
    /** A whole-file prefilter on the added text: files where it fails are never walked. */
    hint?: RegExp;
    /**
     * "added": each added line as written; "commands": added lines joined across `\` continuations,
     * comment-only lines dropped.
     */
    lines: "added" | "commands";
    /** Skip comment-only added lines. */
    skipComments?: boolean;
    /** Patterns tried in order; the first that hits a line reports it. */
    patterns: readonly LinePattern[];
    /** A hit whose label a removed line of the same file also had (a moved or re-indented line) is not new. */
    ignoreMoved?: boolean;
    /** Findings per file; beyond `max`, one summary finding (at the row's severity) counts the rest. */
    perFileCap?: {
        max: number;
        message: (more: number, file: string) => string;
    };
    /** The finding message of a hit on `text` in `file`. */
    message(hit: Hit, file: string, text: string): string;
    /** Lines (in a file at `path`) that must be reported, and lines that must not. Built-in rows only. */
    samples?: {
        path: string;
        match: readonly string[];
        noMatch: readonly string[];
    };
}
/** The findings of one row over the rule context. */
export declare function runLinePatterns(row: LinePatternRow, ctx: RuleContext): RuleFinding[];
/** A rule from a row. */
export declare function linePatternRule(row: LinePatternRow): Rule & {
    row: LinePatternRow;
};
/** The message of a command hit: what it does, where, and the command as written. */
export declare function commandFinding(hit: Hit, file: string, text: string): string;
