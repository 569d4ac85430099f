import type { Config } from "../config/schema.js";
import type { ChangedFile } from "../diff/model.js";
import type { RuleContext } from "../rules/types.js";
import type { AiResult, PullRequestFacts } from "../types.js";
import { createPathClassifier } from "../util/paths.js";
import { productionScope } from "./production-scope.js";

/** What every rule of one analysis sees: the files the config does not ignore, and the production scope. */
export function ruleContext(
  allFiles: readonly ChangedFile[],
  config: Config,
  pr: PullRequestFacts | null,
  ai: AiResult,
): RuleContext {
  const paths = createPathClassifier(config);
  const files = allFiles.filter((f) => !paths.isIgnored(f.path));
  return { files, allFiles, pr, ai, config, paths, production: productionScope(files, paths) };
}
