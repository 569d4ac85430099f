import { describe, expect, it } from "vitest";
import { loadCorpus, type SecretCase, secretFindingsForCase, UNSEEN_PATH } from "./corpus.js";

/**
 * Accuracy suite over the shared labelled corpus: each case is a one-file diff adding one line.
 * Targets from the issue: recall >= 0.95 on positives, at most 3% of negatives flagged.
 */
const sets: [string, SecretCase[]][] = [
  ["shared corpus", loadCorpus()],
  ["unseen lines (issue 14)", loadCorpus(UNSEEN_PATH)],
];

describe.each(sets.filter(([, cases]) => cases.length > 0))("secrets accuracy: %s", (_name, cases) => {
  it("reaches recall >= 0.95 with <= 3% false positives", async () => {
    const positives = cases.filter((c) => c.expected.secret);
    const negatives = cases.filter((c) => !c.expected.secret);
    expect(positives.length).toBeGreaterThan(20);
    expect(negatives.length).toBeGreaterThan(20);
    const missed: string[] = [];
    const flagged: string[] = [];
    for (const c of cases) {
      const findings = await secretFindingsForCase(c);
      if (c.expected.secret && findings.length === 0) missed.push(`${c.id} (${c.expected.kind})`);
      if (!c.expected.secret && findings.length > 0) flagged.push(`${c.id}: ${findings[0]!.message}`);
    }
    const recall = 1 - missed.length / positives.length;
    const fpRate = flagged.length / negatives.length;
    expect({ recall: recall >= 0.95, missed }).toEqual({ recall: true, missed: expect.any(Array) });
    expect({ fpRate: fpRate <= 0.03, flagged }).toEqual({ fpRate: true, flagged: expect.any(Array) });
  });
});
