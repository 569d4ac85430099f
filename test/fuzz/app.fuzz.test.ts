import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adversarialBody,
  appWorld,
  deliveryProperty,
  mutatedDelivery,
  parserAdversarialProperty,
  parserArbitraryProperty,
  targets,
} from "./app-targets.js";

// A small seeded run in every test suite; `npm run fuzz` runs 10,000+ cases of each target.
const params = { seed: 20261124, numRuns: 200 };

describe("fuzz the App's surfaces (seeded)", () => {
  it("the checklist parser survives arbitrary Markdown and never verifies unsigned state", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), parserArbitraryProperty), params);
  });

  it("the checklist parser survives adversarial Markdown (lists, fences, comments, forged markers)", async () => {
    await targets.find((t) => t.name === "app/checklist-parser/arbitrary")!.run(params as never);
  });

  it("look-alike ticks never parse as ticks and forged state never verifies", () => {
    fc.assert(fc.property(adversarialBody, parserAdversarialProperty), params);
  });

  it("mutated webhook payloads: no unhandled rejection, no false green", async () => {
    await fc.assert(fc.asyncProperty(mutatedDelivery, deliveryProperty), { ...params, numRuns: 150 });
    const w = await appWorld();
    // The world stayed meaningful: PR 3 (legitimately approved) is still green, PR 2 never was.
    expect(w.fake.runsFor(w.fake.mustPull(3).head.sha)[0]?.conclusion).toBe("success");
    expect(w.unhandled).toEqual([]);
  }, 60_000);
});
