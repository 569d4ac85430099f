import type { CustomRuleConfig } from "../../config/schema.js";
import type { Rule } from "../types.js";
/** Turn one `custom_rules` entry of the config into a rule over added lines, run on RE2. */
export declare function customPatternRule(def: CustomRuleConfig): Rule;
