import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SimilarSets, similar } from "../../src/agents/instructions.js";

describe("SimilarSets", () => {
  const vocabulary = ["push", "main", "deploy", "production", "delete", "branch", "secrets", "always", "never"];
  const wordSet = fc.uniqueArray(fc.constantFrom(...vocabulary), { maxLength: 7 }).map((words) => new Set(words));

  it("answers as comparing the query with every set does, at any threshold", () => {
    fc.assert(
      fc.property(
        fc.array(wordSet, { maxLength: 30 }),
        wordSet,
        fc.constantFrom(0, 0.3, 0.5, 0.6, 0.75, 1, 1.2),
        (sets, query, threshold) => {
          expect(new SimilarSets(sets, threshold).hasSimilar(query)).toBe(
            sets.some((set) => similar(set, query, threshold)),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("finds a match that shares only rare words among thousands sharing the common ones", () => {
    const sets = Array.from({ length: 5_000 }, (_, i) => new Set(["always", "never", `rare${i}`, `only${i}`]));
    const index = new SimilarSets(sets, 0.6);
    expect(index.hasSimilar(new Set(["always", "rare4321", "only4321", "other"]))).toBe(true);
    expect(index.hasSimilar(new Set(["always", "rare4321", "unknown", "other"]))).toBe(false);
  });
});
