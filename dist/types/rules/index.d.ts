import type { Config } from "../config/schema.js";
import type { Rule } from "./types.js";
/** Every built-in rule, by category folder. */
export declare const BUILTIN_RULES: readonly Rule[];
/** The config's `rules:` setting for a rule: by its id, else by its category. */
export declare function ruleSetting(config: Config, rule: Rule): Config["rules"][string] | undefined;
/** Built-in rules plus the config's custom rules, minus the ones the config turns off. */
export declare function activeRules(config: Config): Rule[];
