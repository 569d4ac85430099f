import type { Config } from "../config/schema.js";
import type { ChangedFile } from "../diff/model.js";
import type { RuleContext } from "../rules/types.js";
import type { AiResult, PullRequestFacts } from "../types.js";
/** What every rule of one analysis sees: the files the config does not ignore, and the production scope. */
export declare function ruleContext(allFiles: readonly ChangedFile[], config: Config, pr: PullRequestFacts | null, ai: AiResult): RuleContext;
