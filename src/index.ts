/**
 * The engine's public API: what the CLI, the Action and the App use (and what the package exports).
 * Everything else under src/ is internal and may move; a surface that needs more adds it here.
 */

export { detectAi } from "./ai/detect.js";
export { gitLogArgs, pullRequestFactsFromGit } from "./ai/git-facts.js";
// Organization-wide configuration: a file and the central files it extends, read by the caller's reader.
export {
  type CentralFile,
  type CentralReader,
  type ConfigLocation,
  MAX_EXTENDS_DEPTH,
  type ResolvedConfig,
  resolveConfig,
} from "./config/extends.js";
// Configuration (read from the base branch by the surfaces).
export { ConfigError, DEFAULT_CONFIG_PATH, defaultConfig, parseConfigText, validateConfig } from "./config/load.js";
export type { Config } from "./config/schema.js";
// Diffs and pull request facts.
export type { ChangedFile, DiffLine, FileStatus, Hunk, HunkChange } from "./diff/model.js";
export { DiffParseError, parseUnifiedDiff } from "./diff/parse.js";
// Analysis: a diff and PR facts in, a Report out.
export { type AnalyzeInput, analyze } from "./engine/analyze.js";
export { CATEGORY_CHECKLIST } from "./engine/checklist.js";
export { GATE_CHECK_NAME } from "./engine/gate-decision.js";
export { levelForScore, scoreRange } from "./engine/score.js";
// Output formats.
export {
  CATEGORY_TITLES,
  COMMENT_LIMIT,
  formatJson,
  formatMarkdown,
  formatSarif,
  formatText,
  type MarkdownOptions,
  type SarifOptions,
  type TextOptions,
} from "./format/index.js";
// Rules (SARIF rule metadata, docs).
export { activeRules, BUILTIN_RULES } from "./rules/index.js";
export type { Rule, RuleContext, RuleDocs, RuleFinding, RuleMeta } from "./rules/types.js";
// Untrusted text (docs/output-safety.md): quote it, then escape it for its output.
export { escapeControls } from "./text/controls.js";
export { markdownBlock, markdownCode, markdownProse, markdownText } from "./text/markdown.js";
export { quote } from "./text/quote.js";
export { forTerminal } from "./text/terminal.js";
export * from "./types.js";

// Path globs, matched the way the config's `paths` are.
export { compileGlobs, type PathMatcher } from "./util/paths.js";
