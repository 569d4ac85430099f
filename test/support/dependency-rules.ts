import type { ConfigInput } from "../../src/config/schema.js";
import { dependencyRules } from "../../src/rules/dependency/index.js";
import type { RuleFinding } from "../../src/rules/types.js";
import type { PullRequestFacts } from "../../src/types.js";
import { runRule } from "./diff.js";

export interface Tagged extends RuleFinding {
  ruleId: string;
}

/** Every dependency rule over a diff; findings tagged with their rule id. */
export async function runDependencyRules(
  diff: string,
  opts: { config?: ConfigInput; pr?: PullRequestFacts } = {},
): Promise<Tagged[]> {
  const out: Tagged[] = [];
  for (const rule of dependencyRules) {
    for (const f of await runRule(rule, diff, opts)) out.push({ ...f, ruleId: rule.id });
  }
  return out;
}

export function byRule(findings: readonly Tagged[], id: string): Tagged[] {
  return findings.filter((f) => f.ruleId === `dependency/${id}`);
}
