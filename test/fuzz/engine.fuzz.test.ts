import fc from "fast-check";
import { describe, it } from "vitest";
import {
  configProperty,
  configText,
  diffShapedText,
  engineProperty,
  mutatedRealDiff,
  parserProperty,
} from "./engine-properties.js";

// A small seeded run in every test suite; `npm run fuzz` runs 10,000+ cases of each.
const params = { seed: 20261124, numRuns: 150 };

describe("fuzz (seeded)", () => {
  it("the diff parser survives arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), parserProperty), params);
  });

  it("the diff parser survives diff-shaped noise", () => {
    fc.assert(fc.property(diffShapedText, parserProperty), params);
  });

  it("the diff parser survives mutated real diffs", () => {
    fc.assert(fc.property(mutatedRealDiff, parserProperty), params);
  });

  it("the whole engine survives mutated real diffs", async () => {
    await fc.assert(fc.asyncProperty(mutatedRealDiff, engineProperty), { ...params, numRuns: 60 });
  });

  it("the config loader survives arbitrary YAML", () => {
    fc.assert(fc.property(configText, configProperty), params);
  });
});
