import { commandLines, isCommandFile } from "../diff/command-lines.js";
import { isCommentLine } from "../diff/line-syntax.js";
import type { ChangedFile, DiffLine } from "../diff/model.js";
import { addedText, cutLine, RemovedTally } from "../diff/side.js";
import { quote } from "../text/quote.js";
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
  | "commands"
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
  perFileCap?: { max: number; message: (more: number, file: string) => string };
  /** The finding message of a hit on `text` in `file`. */
  message(hit: Hit, file: string, text: string): string;
  /** Lines (in a file at `path`) that must be reported, and lines that must not. Built-in rows only. */
  samples?: { path: string; match: readonly string[]; noMatch: readonly string[] };
}

/** The answer for a line without hits, shared: most lines of a walked file have none. */
const NO_HITS: readonly Hit[] = Object.freeze([]);

function patternHits(p: LinePattern, text: string, at: LineAt): readonly Hit[] {
  if (p.keyword !== undefined && !text.includes(p.keyword)) return NO_HITS;
  if (p.detect) return p.detect(text, at);
  if (!p.re) return NO_HITS;
  let match: string;
  let group1: string | undefined;
  let index: number;
  if (p.re instanceof RegExp) {
    const m = p.re.exec(text);
    if (!m) return NO_HITS;
    [match, group1, index] = [m[0], m[1], m.index];
  } else {
    const m = p.re.find(text);
    if (!m) return NO_HITS;
    [match, group1, index] = [m.text, undefined, m.index];
  }
  const hit = p.hit ? p.hit(match, group1, text, index) : { label: p.label ?? match, detail: group1 };
  if (!hit) return NO_HITS;
  return [p.severity && !hit.severity ? { ...hit, severity: p.severity } : hit];
}

/** The first pattern's hits on a line, in row order. */
function lineHits(row: LinePatternRow, text: string, at: LineAt): readonly Hit[] {
  for (const p of row.patterns) {
    const hits = patternHits(p, text, at);
    if (hits.length > 0) return hits;
  }
  return NO_HITS;
}

function inScope(row: LinePatternRow, file: ChangedFile, ctx: RuleContext): boolean {
  if (file.status === "deleted" || file.binary || file.added.length === 0) return false;
  if (row.paths && !row.paths(file.path)) return false;
  // The path scope before the text hint: path classes are computed once per file for all rows, while
  // every row's hint scans the whole added text again (a third of it is docs, tests and data).
  if (!inPathScope(row.scope, file, ctx)) return false;
  return !row.hint || row.hint.test(addedText(file));
}

function inPathScope(scope: FileScope, file: ChangedFile, ctx: RuleContext): boolean {
  switch (scope) {
    case "commands":
      return isCommandFile(file, ctx.paths);
    case "code":
      return !ctx.paths.isDoc(file.path) && !ctx.paths.isTest(file.path);
    case "code-and-tests":
      return !ctx.paths.isDoc(file.path);
    default:
      return true;
  }
}

function readLines(row: LinePatternRow, file: ChangedFile): readonly DiffLine[] {
  return row.lines === "commands" ? commandLines(file) : file.added;
}

/**
 * What the removed lines of the file already had: every pattern's label on every removed line, by the
 * bare pattern (a suppression that moved out of a comment is still the same suppression).
 */
function movedTally(row: LinePatternRow, file: ChangedFile, at: LineAt): RemovedTally {
  const tally = new RemovedTally();
  for (const r of file.removed) {
    const text = cutLine(r.content);
    for (const p of row.patterns) {
      if (p.keyword !== undefined && !text.includes(p.keyword)) continue;
      if (p.detect) for (const h of p.detect(text, at)) tally.add(h.label);
      else if (p.label !== undefined && p.re?.test(text)) tally.add(p.label);
    }
  }
  return tally;
}

/** The findings of one row over the rule context. */
export function runLinePatterns(row: LinePatternRow, ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const file of ctx.files) {
    if (!inScope(row, file, ctx)) continue;
    const at: LineAt = { path: file.path, production: ctx.production.has(file.path) };
    let tally: RemovedTally | null = null;
    let count = 0;
    let extra = 0;
    for (const l of readLines(row, file)) {
      const text = row.lines === "commands" ? l.content : cutLine(l.content);
      if (row.skipComments && isCommentLine(file.path, text)) continue;
      for (const hit of lineHits(row, text, at)) {
        if (row.ignoreMoved) {
          tally ??= movedTally(row, file, at);
          if (tally.take(hit.label)) continue;
        }
        if (row.perFileCap && count >= row.perFileCap.max) {
          extra++;
          continue;
        }
        count++;
        const finding: RuleFinding = { file: file.path, line: l.line, message: row.message(hit, file.path, text) };
        if (hit.severity) finding.severity = hit.severity;
        out.push(finding);
      }
    }
    if (row.perFileCap && extra > 0)
      out.push({
        file: file.path,
        line: null,
        severity: row.severity,
        message: row.perFileCap.message(extra, file.path),
      });
  }
  return out;
}

/** A rule from a row. */
export function linePatternRule(row: LinePatternRow): Rule & { row: LinePatternRow } {
  const { scope, paths, hint, lines, skipComments, patterns, ignoreMoved, perFileCap, message, samples, ...meta } = row;
  return { ...meta, row, run: (ctx) => runLinePatterns(row, ctx) };
}

/** The message of a command hit: what it does, where, and the command as written. */
export function commandFinding(hit: Hit, file: string, text: string): string {
  return `${hit.label} in ${file}: ${quote(text, 100)}`;
}
