import type { CustomRuleConfig } from "../../config/schema.js";
import { compileGlobs } from "../../util/paths.js";
import { compileSafeRegex } from "../../util/safe-regex.js";
import type { Rule } from "../types.js";

/** Turn one `custom_rules` entry of the config into a rule over added lines, run on RE2. */
export function customPatternRule(def: CustomRuleConfig): Rule {
  const regex = compileSafeRegex(def.pattern, def.case_sensitive);
  const inScope = def.paths && def.paths.length > 0 ? compileGlobs(def.paths) : () => true;
  return {
    id: `custom/${def.id}`,
    category: def.category,
    description: def.message,
    severity: def.severity,
    remediation: def.remediation ?? "Review this change against the rule your maintainers configured.",
    run(ctx) {
      const out = [];
      for (const file of ctx.files) {
        if (!inScope(file.path)) continue;
        for (const added of file.added) {
          if (regex.test(added.content)) out.push({ file: file.path, line: added.line, message: def.message });
        }
      }
      return out;
    },
  };
}
