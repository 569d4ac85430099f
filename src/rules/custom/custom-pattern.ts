import type { CustomRuleConfig } from "../../config/schema.js";
import { compileGlobs } from "../../util/paths.js";
import { compileSafeRegex } from "../../util/safe-regex.js";
import { linePatternRule } from "../line-pattern.js";
import type { Rule } from "../types.js";

/** One `custom_rules` entry of the config as a line-pattern row over added lines; the pattern runs on RE2. */
export function customPatternRule(def: CustomRuleConfig): Rule {
  return linePatternRule({
    id: `custom/${def.id}`,
    category: def.category,
    description: def.message,
    severity: def.severity,
    remediation: def.remediation ?? "Review this change against the rule your maintainers configured.",
    scope: "all",
    paths: def.paths && def.paths.length > 0 ? compileGlobs(def.paths) : undefined,
    lines: "added",
    patterns: [{ re: compileSafeRegex(def.pattern, def.case_sensitive), label: def.id }],
    message: () => def.message,
  });
}
