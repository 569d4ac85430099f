import type { Severity } from "../../types.js";
import { linePatternRule } from "../line-pattern.js";

interface Suppression {
  /** Cheap prefilter: the line must contain this. */
  keyword: string;
  re: RegExp;
  label: string;
  severity: Severity;
}

// Group 1, when present, names what is suppressed (rules, codes, lints).
const SUPPRESSIONS: Suppression[] = [
  {
    keyword: "eslint-disable",
    re: /eslint-disable(?:-next-line|-line)?(?:\s+([\w@/\-, ]{1,100}))?/,
    label: "eslint-disable",
    severity: "medium",
  },
  { keyword: "@ts-ignore", re: /@ts-ignore\b/, label: "@ts-ignore", severity: "medium" },
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
    severity: "medium",
  },
  {
    keyword: "deno-lint-ignore",
    re: /deno-lint-ignore(?:-file)?(?:\s+([\w-, ]{1,80}))?/,
    label: "deno-lint-ignore",
    severity: "medium",
  },
  {
    keyword: "oxlint-disable",
    re: /oxlint-disable(?:-next-line|-line)?(?:\s+([\w@/\-, ]{1,80}))?/,
    label: "oxlint-disable",
    severity: "medium",
  },
  { keyword: "noqa", re: /#\s*noqa\b(?::\s*([\w, ]{1,80}))?/, label: "# noqa", severity: "medium" },
  {
    keyword: "type:",
    re: /#\s*type:\s*ignore\b(?:\[([\w\-, ]{1,80})\])?/,
    label: "# type: ignore",
    severity: "medium",
  },
  {
    keyword: "pyright:",
    re: /#\s*pyright:\s*(?:ignore\b|basic\b)(?:\[([\w, ]{1,80})\])?/,
    label: "# pyright: ignore",
    severity: "medium",
  },
  { keyword: "mypy:", re: /#\s*mypy:\s*ignore-errors\b/, label: "# mypy: ignore-errors", severity: "medium" },
  {
    keyword: "pylint:",
    re: /#\s*pylint:\s*disable(?:-next)?=([\w\-, ]{1,80})/,
    label: "pylint: disable",
    severity: "medium",
  },
  { keyword: "nolint", re: /\/\/\s?nolint\b(?::([\w,]{1,80}))?/, label: "//nolint", severity: "medium" },
  { keyword: "NOLINT", re: /\/\/\s?NOLINT(?:NEXTLINE)?\b(?:\(([^)]{1,80})\))?/, label: "NOLINT", severity: "medium" },
  { keyword: "allow(", re: /#!?\[allow\(([^)]{1,100})\)\]/, label: "#[allow]", severity: "medium" },
  { keyword: "rubocop:", re: /rubocop:disable\s+([\w/, ]{1,100})/, label: "rubocop:disable", severity: "medium" },
  {
    keyword: "@SuppressWarnings",
    re: /@SuppressWarnings\s*\(\s*([^)]{1,100})\)/,
    label: "@SuppressWarnings",
    severity: "medium",
  },
  { keyword: "@Suppress", re: /@Suppress\s*\(\s*([^)]{1,100})\)/, label: "@Suppress", severity: "medium" },
  { keyword: "NOSONAR", re: /\bNOSONAR\b/, label: "NOSONAR", severity: "medium" },
  { keyword: "nosec", re: /#\s*nosec\b(?:\s+([\w, ]{1,60}))?/, label: "nosec (security linter)", severity: "medium" },
  { keyword: "nosemgrep", re: /nosemgrep\b(?::\s*([\w.\-, ]{1,80}))?/, label: "nosemgrep", severity: "medium" },
  {
    keyword: "phpstan-ignore",
    re: /@?phpstan-ignore(?:-next-line|-line)?\b/,
    label: "phpstan-ignore",
    severity: "medium",
  },
  { keyword: "psalm-suppress", re: /@psalm-suppress\s+(\w{1,60})/, label: "@psalm-suppress", severity: "medium" },
  {
    keyword: "swiftlint:",
    re: /swiftlint:disable(?::next|:this)?\s+([\w ]{1,80})/,
    label: "swiftlint:disable",
    severity: "medium",
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
  hit: (_match: string, suppressed: string | undefined, text: string, index: number) =>
    inCommentOrDirective(s, text, index) ? { label: s.label, severity: s.severity, detail: suppressed } : null,
}));

export const lintSuppressionRule = linePatternRule({
  id: "safety-bypass/lint-suppression",
  category: "safety-bypass",
  description:
    "Lint, type-check or security-scanner suppressions added: eslint-disable, @ts-ignore, @ts-nocheck, # noqa, # type: ignore, //nolint, #[allow(...)], rubocop:disable, @SuppressWarnings.",
  severity: "medium",
  remediation: "Fix the reported problem, or narrow the suppression to one rule on one line with a comment saying why.",
  docs: {
    severity: "medium (low for `@ts-expect-error`, `shellcheck disable`, coverage ignores)",
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
