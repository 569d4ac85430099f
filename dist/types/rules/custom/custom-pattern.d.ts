import type { CustomRuleConfig } from "../../config/schema.js";
import type { Rule } from "../types.js";
/** One `custom_rules` entry of the config as a line-pattern row over added lines; the pattern runs on RE2. */
export declare function customPatternRule(def: CustomRuleConfig): Rule;
