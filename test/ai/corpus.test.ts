import { describe, expect, it } from "vitest";
import { detectAi } from "../../src/ai/detect.js";
import { defaultConfig } from "../../src/config/load.js";
import type { PullRequestFacts } from "../../src/types.js";
import { corpusFile, readJsonl } from "../support/corpus.js";

// The labelled suite lives beside the repository (shared/ next to the clone); AI_CORPUS overrides it.
const casesFile = process.env.AI_CORPUS ?? corpusFile("ai-authorship", "cases.jsonl");

interface Case extends PullRequestFacts {
  id: string;
  source: string;
  expected: { ai: boolean; agent: string | null };
}

const cases: Case[] = readJsonl<Case>(casesFile);

describe.skipIf(cases.length === 0)("AI-authorship corpus", () => {
  const config = defaultConfig();
  const results = cases.map((c) => ({ c, r: detectAi(c, config) }));
  const positives = results.filter(({ c }) => c.expected.ai);
  const negatives = results.filter(({ c }) => !c.expected.ai);
  const truePositives = positives.filter(({ r }) => r.detected);
  const falsePositives = negatives.filter(({ r }) => r.detected);
  const misses = positives.filter(({ r }) => !r.detected).map(({ c }) => c.id);
  const named = truePositives.filter(({ c }) => c.expected.agent !== null);
  const wrongAgent = named.filter(({ c, r }) => r.agents[0] !== c.expected.agent);

  it("reports its figures", () => {
    const precision = truePositives.length / Math.max(1, truePositives.length + falsePositives.length);
    const recall = truePositives.length / Math.max(1, positives.length);
    console.log(
      `ai-authorship: ${cases.length} cases, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, ` +
        `agent id ${named.length - wrongAgent.length}/${named.length}; misses: ${misses.join(", ") || "none"}`,
    );
    expect(cases.length).toBeGreaterThan(50);
  });

  it("flags no human PR (precision 1.00)", () => {
    expect(falsePositives.map(({ c, r }) => ({ id: c.id, evidence: r.evidence }))).toEqual([]);
  });

  it("finds at least 97% of AI PRs", () => {
    expect(truePositives.length / positives.length).toBeGreaterThanOrEqual(0.97);
  });

  it("names the expected agent first on every detected case", () => {
    expect(wrongAgent.map(({ c, r }) => ({ id: c.id, expected: c.expected.agent, got: r.agents }))).toEqual([]);
  });

  it("never reports an agent for human PRs", () => {
    for (const { r } of negatives) expect(r.agents).toEqual([]);
  });
});
