/** Public API of the engine, shared by the CLI, the Action and the App. */
export { detectAi } from "./ai/detect.js";
export { ConfigError, DEFAULT_CONFIG_PATH, defaultConfig, parseConfigText, validateConfig } from "./config/load.js";
export type { Config } from "./config/schema.js";
export type { ChangedFile, DiffLine, FileStatus, Hunk } from "./diff/model.js";
export { DiffParseError, parseUnifiedDiff } from "./diff/parse.js";
export { type AnalyzeInput, analyze } from "./engine/analyze.js";
export { CATEGORY_CHECKLIST } from "./engine/checklist.js";
export { BUILTIN_RULES } from "./rules/index.js";
export type { Rule, RuleContext, RuleFinding } from "./rules/types.js";
export * from "./types.js";
