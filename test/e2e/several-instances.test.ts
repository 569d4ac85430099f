import { expect, test } from "vitest";
import { REDIS_AVAILABLE } from "../support/redis-server.js";
import { runLoad } from "./support/load-run.js";

/**
 * The reduced several-instance run: 3 App processes behind a round-robin proxy and one Redis, 120
 * deliveries for 12 PRs (duplicated, reordered, duplicates landing on other instances), one instance
 * SIGKILLed mid-run and restarted, deliveries that failed meanwhile redelivered. It must lose no tick,
 * leave one checklist per PR, and end with every PR's check and ticks as a single instance's replay of
 * the same deliveries does. `npm run load -- --instances 3 --redis` is the 500-delivery version.
 */
test.skipIf(!REDIS_AVAILABLE)(
  "3 instances, one Redis, one instance killed: no lost tick, one checklist per PR, same end state as one instance",
  async () => {
    const options = { prs: 12, perPr: 10, concurrency: 4, seed: 11 };
    const several = await runLoad({ ...options, instances: 3, redis: true, kill: true });
    expect(several.deliveries).toBe(120);
    expect(several.statuses).toEqual({ 200: 120 });
    // The kill cut some deliveries off; they were sent again.
    expect(several.redeliveries).toBeGreaterThan(0);
    expect(several.problems).toEqual([]);
    expect(several.lostTicks).toEqual([]);
    expect(several.staleHead).toEqual([]);
    expect(several.violations).toEqual([]);
    const single = await runLoad(options);
    expect(single.problems).toEqual([]);
    expect(several.finals).toEqual(single.finals);
    expect(Object.keys(several.outcomes).sort()).toEqual(["action_required", "success"]);
  },
  180_000,
);
