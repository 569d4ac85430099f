import type { Severity } from "../../types.js";
import { linePatternRule } from "../line-pattern.js";

interface Suppression {
  /** Cheap prefilter: the line must contain this. */
  keyword: string;
  re: RegExp;
  label: string;
  /** Severity of the suppression as matched: `low` for one line and named rules, unless `wide` says otherwise. */
  severity: Severity;
  /** The match switches the checker off beyond one line (a block, the file, the crate): medium. */
  wide?: RegExp;
  /** On a line of its own the directive holds to the end of the block (pylint, rubocop): medium. */
  wideOnOwnLine?: boolean;
}

// Group 1, when present, names what is suppressed (rules, codes, lints). Routine silences scoped to one
// line are low; blanket ones (a block, a file), type checking turned off for a file, and security
// scanners silenced are medium.
const SUPPRESSIONS: Suppression[] = [
  {
    keyword: "eslint-disable",
    re: /eslint-disable(?:-next-line|-line)?(?:\s+([\w@/\-, ]{1,100}))?/,
    label: "eslint-disable",
    severity: "low",
    wide: /eslint-disable(?!-)/,
  },
  { keyword: "@ts-ignore", re: /@ts-ignore\b/, label: "@ts-ignore", severity: "low" },
  {
    keyword: "@ts-nocheck",
    re: /@ts-nocheck\b/,
    label: "@ts-nocheck (type checking off for the file)",
    severity: "medium",
  },
  { keyword: "@ts-expect-error", re: /@ts-expect-error\b/, label: "@ts-expect-error", severity: "low" },
  {
    keyword: "biome-ignore",
    re: /biome-ignore(?:-all|-start)?\s+([\w/]{1,80})?/,
    label: "biome-ignore",
    severity: "low",
    wide: /biome-ignore-(?:all|start)/,
  },
  {
    keyword: "deno-lint-ignore",
    re: /deno-lint-ignore(?:-file)?(?:\s+([\w-, ]{1,80}))?/,
    label: "deno-lint-ignore",
    severity: "low",
    wide: /deno-lint-ignore-file/,
  },
  {
    keyword: "oxlint-disable",
    re: /oxlint-disable(?:-next-line|-line)?(?:\s+([\w@/\-, ]{1,80}))?/,
    label: "oxlint-disable",
    severity: "low",
    wide: /oxlint-disable(?!-)/,
  },
  { keyword: "noqa", re: /#\s*noqa\b(?::\s*([\w, ]{1,80}))?/, label: "# noqa", severity: "low" },
  {
    keyword: "type:",
    re: /#\s*type:\s*ignore\b(?:\[([\w\-, ]{1,80})\])?/,
    label: "# type: ignore",
    severity: "low",
  },
  {
    keyword: "pyright:",
    re: /#\s*pyright:\s*(?:ignore\b|basic\b)(?:\[([\w, ]{1,80})\])?/,
    label: "# pyright: ignore",
    severity: "low",
    wide: /basic/,
  },
  { keyword: "mypy:", re: /#\s*mypy:\s*ignore-errors\b/, label: "# mypy: ignore-errors", severity: "medium" },
  {
    keyword: "pylint:",
    re: /#\s*pylint:\s*disable(?:-next)?=([\w\-, ]{1,80})/,
    label: "pylint: disable",
    severity: "low",
    wideOnOwnLine: true,
  },
  { keyword: "nolint", re: /\/\/\s?nolint\b(?::([\w,]{1,80}))?/, label: "//nolint", severity: "low" },
  { keyword: "NOLINT", re: /\/\/\s?NOLINT(?:NEXTLINE)?\b(?:\(([^)]{1,80})\))?/, label: "NOLINT", severity: "low" },
  { keyword: "allow(", re: /#!?\[allow\(([^)]{1,100})\)\]/, label: "#[allow]", severity: "low", wide: /^#!/ },
  {
    keyword: "rubocop:",
    re: /rubocop:disable\s+([\w/, ]{1,100})/,
    label: "rubocop:disable",
    severity: "low",
    wideOnOwnLine: true,
  },
  {
    keyword: "@SuppressWarnings",
    re: /@SuppressWarnings\s*\(\s*([^)]{1,100})\)/,
    label: "@SuppressWarnings",
    severity: "low",
  },
  { keyword: "@Suppress", re: /@Suppress\s*\(\s*([^)]{1,100})\)/, label: "@Suppress", severity: "low" },
  { keyword: "NOSONAR", re: /\bNOSONAR\b/, label: "NOSONAR", severity: "medium" },
  { keyword: "nosec", re: /#\s*nosec\b(?:\s+([\w, ]{1,60}))?/, label: "nosec (security linter)", severity: "medium" },
  { keyword: "nosemgrep", re: /nosemgrep\b(?::\s*([\w.\-, ]{1,80}))?/, label: "nosemgrep", severity: "medium" },
  {
    keyword: "phpstan-ignore",
    re: /@?phpstan-ignore(?:-next-line|-line)?\b/,
    label: "phpstan-ignore",
    severity: "low",
  },
  { keyword: "psalm-suppress", re: /@psalm-suppress\s+(\w{1,60})/, label: "@psalm-suppress", severity: "low" },
  {
    keyword: "swiftlint:",
    re: /swiftlint:disable(?::next|:this)?\s+([\w ]{1,80})/,
    label: "swiftlint:disable",
    severity: "low",
    wide: /swiftlint:disable\s/,
  },
  {
    keyword: "#pragma warning",
    re: /#pragma\s+warning\s+disable\b\s*([\w, ]{0,80})/,
    label: "#pragma warning disable",
    severity: "medium",
  },
  { keyword: "shellcheck", re: /#\s*shellcheck\s+disable=([\w,]{1,60})/, label: "shellcheck disable", severity: "low" },
  { keyword: " ignore", re: /(?:istanbul|c8|v8)\s+ignore\b/, label: "coverage ignore", severity: "low" },
  { keyword: "no cover", re: /#\s*pragma:\s*no\s+cover\b/, label: "pragma: no cover", severity: "low" },
];

/**
 * Rules whose silencing hides a security problem, by name: eslint-plugin-security and no-eval families,
 * React's dangerouslySetInnerHTML rule, Bandit/ruff `S` codes, gosec `G` codes.
 */
const SECURITY_RULE =
  /security|\bno-(?:eval|implied-eval|new-func|script-url|unsafe\w*|danger\w*)\b|dangerously|xss|inject|\bS\d{3}\b|\bB\d{3}\b|\bG\d{3}\b|gosec/i;

function severityOf(
  s: Suppression,
  match: string,
  suppressed: string | undefined,
  text: string,
  index: number,
): Severity {
  if (s.severity === "medium") return "medium";
  if (s.wide?.test(match)) return "medium";
  if (s.wideOnOwnLine && /^\s*#?\s*$/.test(text.slice(0, index))) return "medium";
  if (suppressed && SECURITY_RULE.test(suppressed)) return "medium";
  return "low";
}

const PER_FILE_CAP = 20;

// Whole-file prefilter: one of the keywords above must appear somewhere in the added text.
const SUPPRESSION_HINT =
  /eslint-disable|@ts-|biome-ignore|deno-lint-ignore|oxlint-disable|noqa|type:|pyright:|mypy:|pylint:|nolint|NOLINT|allow\(|rubocop:|@Suppress|NOSONAR|nosec|nosemgrep|phpstan-ignore|psalm-suppress|swiftlint:|#pragma warning|shellcheck| ignore|no cover/;

/** Annotations and attributes are code; every other suppression is a directive inside a comment. */
const CODE_SUPPRESSIONS = new Set(["allow(", "@SuppressWarnings", "@Suppress", "#pragma warning"]);
const COMMENT_OPENER = /\/\/|\/\*|#|--|<!--|^\s*\*|;/;

/**
 * A directive only suppresses anything inside a comment: `"eslint-disable"` in a string or a regex
 * (a linter's own source, a test of one) is not a suppression.
 */
function inCommentOrDirective(s: Suppression, text: string, index: number): boolean {
  if (CODE_SUPPRESSIONS.has(s.keyword)) return true;
  // Some patterns begin with their comment marker (`//nolint`, `# noqa`): include the match's first characters.
  return COMMENT_OPENER.test(text.slice(0, index + 4));
}

const PATTERNS = SUPPRESSIONS.map((s) => ({
  keyword: s.keyword,
  re: s.re,
  label: s.label,
  hit: (match: string, suppressed: string | undefined, text: string, index: number) =>
    inCommentOrDirective(s, text, index)
      ? { label: s.label, severity: severityOf(s, match, suppressed, text, index), detail: suppressed }
      : null,
}));

export const lintSuppressionRule = linePatternRule({
  id: "safety-bypass/lint-suppression",
  category: "safety-bypass",
  description:
    "Lint, type-check or security-scanner suppressions added: eslint-disable, @ts-ignore, @ts-nocheck, # noqa, # type: ignore, //nolint, #[allow(...)], rubocop:disable, @SuppressWarnings.",
  severity: "medium",
  remediation: "Fix the reported problem, or narrow the suppression to one rule on one line with a comment saying why.",
  docs: {
    severity:
      "low for a routine silence scoped to one line (`eslint-disable-next-line rule`, `# noqa`, `# type: ignore`, `@ts-ignore`, `//nolint`, `#[allow]`…); **medium** for blanket ones (an `eslint-disable` block, `@ts-nocheck`, `biome-ignore-all`, crate-wide `#![allow]`, `pylint`/`rubocop` disables on a line of their own, `#pragma warning disable`), security scanners silenced (`nosec`, `nosemgrep`, `NOSONAR`) and security rules named (`security/*`, `no-eval`, Bandit `S`/`B` codes, gosec)",
    detects:
      "`eslint-disable*`, `@ts-ignore`, `@ts-nocheck`, `biome-ignore`, `# noqa`, `# type: ignore`, `pyright: ignore`, `pylint: disable`, `//nolint`, `NOLINT`, `#[allow(…)]`, `rubocop:disable`, `@SuppressWarnings`, `@Suppress`, `NOSONAR`, `# nosec`, `nosemgrep`, `phpstan-ignore`, `@psalm-suppress`, `swiftlint:disable`, `#pragma warning disable`. The message names the rules suppressed. At most 20 findings per file, then one summary.",
  },
  scope: "code-and-tests",
  lines: "added",
  hint: SUPPRESSION_HINT,
  patterns: PATTERNS,
  ignoreMoved: true,
  perFileCap: {
    max: PER_FILE_CAP,
    message: (more, file) => `${more} more suppressions added in ${file} (first ${PER_FILE_CAP} listed)`,
  },
  message(hit, file) {
    const detail = hit.detail?.trim() ? ` (${hit.detail.trim().replace(/\s*--.*$/, "")})` : "";
    return `${hit.label}${detail} added in ${file}`;
  },
  samples: {
    path: "src/app.ts",
    match: [
      "// eslint-disable-next-line no-console",
      "// @ts-ignore",
      "const x = y; // @ts-expect-error",
      "/* biome-ignore lint/style: legacy */",
    ],
    noMatch: ['const directive = "eslint-disable";', "const re = /@ts-ignore/;", "export const ok = 1;"],
  },
});
