import type { Config } from "../config/schema.js";
import { agentAutonomyRules } from "./agent-autonomy/index.js";
import { ciWorkflowRules } from "./ci-workflow/index.js";
import { customPatternRule } from "./custom/custom-pattern.js";
import { dependencyRules } from "./dependency/index.js";
import { destructiveCommandRules } from "./destructive-command/index.js";
import { infraChangeRules } from "./infra-change/index.js";
import { infraDeletionRules } from "./infra-deletion/index.js";
import { migrationRules } from "./migration/index.js";
import { migrationDestructiveRules } from "./migration-destructive/index.js";
import { missingTestsRules } from "./missing-tests/index.js";
import { productionConfigRules } from "./production-config/index.js";
import { safetyBypassRules } from "./safety-bypass/index.js";
import { secretsRules } from "./secrets/index.js";
import type { Rule } from "./types.js";

/** Every built-in rule, by category folder. */
export const BUILTIN_RULES: readonly Rule[] = [
  ...migrationDestructiveRules,
  ...migrationRules,
  ...infraDeletionRules,
  ...infraChangeRules,
  ...productionConfigRules,
  ...ciWorkflowRules,
  ...agentAutonomyRules,
  ...secretsRules,
  ...destructiveCommandRules,
  ...safetyBypassRules,
  ...dependencyRules,
  ...missingTestsRules,
];

/** The config's `rules:` setting for a rule: by its id, else by its category. */
export function ruleSetting(config: Config, rule: Rule): Config["rules"][string] | undefined {
  return config.rules[rule.id] ?? config.rules[rule.category];
}

/** Built-in rules plus the config's custom rules, minus the ones the config turns off. */
export function activeRules(config: Config): Rule[] {
  const all = [...BUILTIN_RULES, ...config.custom_rules.map(customPatternRule)];
  return all.filter((rule) => {
    const setting = ruleSetting(config, rule);
    return setting !== "off" && !(typeof setting === "object" && setting.enabled === false);
  });
}
