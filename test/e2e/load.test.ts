import { expect, test } from "vitest";
import { runLoad } from "./support/load-run.js";

/**
 * The reduced load run (60 deliveries for 6 PRs: duplicated, reordered, concurrent) asserting the
 * consistency invariants, not timing: `npm run load` is the 500-delivery version with the figures.
 */
test("60 deliveries for 6 PRs converge: one checklist each, checks consistent with the ticks", async () => {
  const r = await runLoad({ prs: 6, perPr: 10, concurrency: 3, seed: 7 });
  expect(r.deliveries).toBe(60);
  expect(r.statuses).toEqual({ 200: 60 });
  expect(r.problems).toEqual([]);
  expect(r.lostTicks).toEqual([]);
  expect(r.staleHead).toEqual([]);
  // The script approves most PRs fully and leaves some incomplete: both outcomes are exercised.
  expect(Object.keys(r.outcomes).sort()).toEqual(["action_required", "success"]);
  expect(r.violations).toEqual([]);
}, 60_000);
