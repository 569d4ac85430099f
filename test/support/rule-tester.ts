import { describe, expect, it } from "vitest";
import type { ConfigInput } from "../../src/config/schema.js";
import type { Rule, RuleFinding } from "../../src/rules/types.js";
import type { PullRequestFacts, Severity } from "../../src/types.js";
import { runRule } from "./diff.js";

/**
 * One test table per rule (typescript-eslint's RuleTester): diffs the rule must stay silent on, and
 * diffs it must report, with the findings expected in order. Every built-in rule has one (checked by
 * test/rules/registry.test.ts).
 */

export interface ValidCase {
  name: string;
  diff: string;
  config?: ConfigInput;
  pr?: PullRequestFacts;
}

export interface ExpectedFinding {
  file?: string;
  line?: number | null;
  side?: "new" | "old";
  severity?: Severity;
  /** A substring of the message, or a pattern it matches. */
  message?: string | RegExp;
}

export interface InvalidCase extends ValidCase {
  findings: readonly ExpectedFinding[];
}

function matches(actual: RuleFinding, expected: ExpectedFinding, rule: Rule): void {
  if (expected.file !== undefined) expect(actual.file).toBe(expected.file);
  if (expected.line !== undefined) expect(actual.line).toBe(expected.line);
  if (expected.side !== undefined) expect(actual.side ?? "new").toBe(expected.side);
  if (expected.severity !== undefined) expect(actual.severity ?? rule.severity).toBe(expected.severity);
  if (typeof expected.message === "string") expect(actual.message).toContain(expected.message);
  else if (expected.message) expect(actual.message).toMatch(expected.message);
}

export function ruleTester(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(`${rule.id} (table)`, () => {
    it("has cases of both kinds", () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, async () => {
        expect(await runRule(rule, c.diff, c)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const found = await runRule(rule, c.diff, c);
        expect(found.map((f) => `${f.file}:${f.line}`)).toHaveLength(c.findings.length);
        c.findings.forEach((e, i) => {
          matches(found[i]!, e, rule);
        });
      });
    }
  });
}
