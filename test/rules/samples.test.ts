import { describe, expect, it } from "vitest";
import { BUILTIN_RULES } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/types.js";
import { addedFile, runRule } from "../support/diff.js";

/**
 * Rules declared as rows (line patterns, migration operation kinds, secret groups) carry their own
 * samples: lines or migration files that must be reported, and ones that must not.
 */

type Sample = string | { path: string; lines: readonly string[] };
interface Samples {
  path?: string;
  match: readonly Sample[];
  noMatch: readonly Sample[];
}

const rows = BUILTIN_RULES.flatMap((rule) => {
  const row = (rule as Rule & { row?: { samples?: Samples } }).row;
  return row ? [{ rule, samples: row.samples }] : [];
});

function diffOf(sample: Sample, samples: Samples): string {
  return typeof sample === "string"
    ? addedFile(samples.path ?? "sample.txt", [sample])
    : addedFile(sample.path, [...sample.lines]);
}

function label(sample: Sample): string {
  return typeof sample === "string" ? sample : `${sample.path}: ${sample.lines.join(" ⏎ ")}`;
}

describe("row samples", () => {
  it("every pattern, selector and secret-group rule is a row", () => {
    expect(rows.map((r) => r.rule.id)).toEqual(
      expect.arrayContaining([
        "destructive-command/recursive-delete",
        "safety-bypass/tls-verification-disabled",
        "safety-bypass/lint-suppression",
        "migration-destructive/drop-table",
        "migration/index-not-concurrent",
        "secrets/provider-token",
        "agent-autonomy/bypass-flag",
        "migration-destructive/row-deletion",
      ]),
    );
    expect(rows.length).toBe(22);
  });

  for (const { rule, samples } of rows) {
    describe(rule.id, () => {
      it("carries samples of both kinds", () => {
        expect(samples?.match.length).toBeGreaterThan(0);
        expect(samples?.noMatch.length).toBeGreaterThan(0);
      });
      if (!samples) return;
      for (const sample of samples.match) {
        it(`reports ${label(sample)}`, async () => {
          expect((await runRule(rule, diffOf(sample, samples))).length).toBeGreaterThan(0);
        });
      }
      for (const sample of samples.noMatch) {
        it(`does not report ${label(sample)}`, async () => {
          expect(await runRule(rule, diffOf(sample, samples))).toEqual([]);
        });
      }
    });
  }
});
