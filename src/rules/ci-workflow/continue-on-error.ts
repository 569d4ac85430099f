import { RemovedTally } from "../../diff/side.js";
import type { Severity } from "../../types.js";
import { isGithubActionsYaml } from "../../workflows/ci-paths.js";
import { describeLocation, jobOfKeys, keysAt, parseKeyLine, stepOfKeys } from "../../workflows/yaml-keys.js";
import type { Rule, RuleFinding } from "../types.js";

const CHECK_WORDS =
  /test|spec|lint|check|verify|typecheck|type-check|tsc|audit|scan|security|codeql|e2e|coverage|build|ci\b/i;

export const continueOnErrorRule: Rule = {
  id: "ci-workflow/continue-on-error",
  category: "ci-workflow",
  description: "`continue-on-error: true` is added to a job or step, so its failure no longer fails the workflow.",
  severity: "medium",
  remediation: "Fix or quarantine the failing check explicitly instead of letting it pass on failure.",
  docs: {
    severity: "medium / low",
    detects: "`continue-on-error: true` added: medium on test/lint/check/build/scan jobs or steps, low elsewhere.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (!isGithubActionsYaml(file.path) || file.status === "deleted") continue;
      if (!file.added.some((l) => l.content.includes("continue-on-error"))) continue;
      const tally = new RemovedTally();
      for (const l of file.removed) if (/continue-on-error:\s*true/.test(l.content)) tally.add("coe");
      for (const l of file.added) {
        if (!l.content.includes("continue-on-error")) continue;
        const key = parseKeyLine(l.content);
        if (key?.key !== "continue-on-error" || !/^["']?true\b/.test(key.value)) continue;
        if (tally.take("coe")) continue;
        const chain = keysAt(file, "new", l.line);
        const job = jobOfKeys(chain) ?? "";
        const step = stepOfKeys(chain) ?? "";
        const severity: Severity = CHECK_WORDS.test(`${job} ${step}`) ? "medium" : "low";
        const where = describeLocation(chain) || file.path;
        out.push({
          file: file.path,
          line: l.line,
          severity,
          message: `continue-on-error: true added to ${where} in ${file.path}: its failures no longer fail the run`,
        });
      }
    }
    return out;
  },
};
