import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { DeliveryLog, DeliveryOutcome } from "./delivery.js";
import { Script } from "./redis-client.js";
import { backOff, HeldLease, type LeaseOptions, leaseSettings } from "./redis-locks.js";

/**
 * `DeliveryLog` on Redis: `delivery:{id}` is `running:<owner>:<nonce>` while an instance handles the
 * delivery (a lease, prolonged while it runs, so a crashed instance's claim runs out), then `done` for
 * as long as GitHub lets anyone redeliver it. A delivery that failed or failed closed loses its marker,
 * so a redelivery runs it again; a duplicate that arrives while the first runs waits for its outcome.
 */

/** Claim the id, or answer what it holds: "OK", "done" or the running claim. */
const CLAIM = new Script(`
local now = redis.call('GET', KEYS[1])
if now then return now end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 'OK'
`);

/** Completed: `done` replaces our claim (or a claim that ran out), never another instance's live claim. */
const FINISH = new Script(`
local now = redis.call('GET', KEYS[1])
if now and now ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2])
return 1
`);

/** Failed: drop our claim so that a redelivery runs again. */
const FORGET = new Script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0
`);

/**
 * A claim's lease is how long a crashed instance's delivery blocks its redelivery; `waitMs` how long a
 * duplicate waits for the first copy before it fails (and can be redelivered).
 */
export interface RedisDeliveryLogOptions extends LeaseOptions {
  /** How long a completed id is remembered. GitHub redelivers deliveries of the past 3 days: 4 days. */
  doneTtlMs?: number;
}

export class RedisDeliveryLog implements DeliveryLog {
  private readonly lease: Required<LeaseOptions>;
  private readonly doneTtlMs: number;

  constructor(
    private readonly redis: Redis,
    options: RedisDeliveryLogOptions = {},
  ) {
    this.lease = leaseSettings(options);
    this.doneTtlMs = options.doneTtlMs ?? 4 * 24 * 3600 * 1000;
  }

  async once(id: string, handle: () => Promise<DeliveryOutcome>): Promise<"handled" | "duplicate"> {
    // GitHub's ids are GUIDs; the bound keeps a forged header from making a huge key.
    const key = `delivery:{${id.slice(0, 100)}}`;
    const { leaseMs, waitMs, owner } = this.lease;
    const claim = `running:${owner}:${randomBytes(6).toString("hex")}`;
    const started = performance.now();
    for (let attempt = 0; ; attempt++) {
      const now = await CLAIM.run(this.redis, [key], [claim, leaseMs]);
      if (now === "OK") break;
      if (now === "done") return "duplicate";
      if (performance.now() - started > waitMs)
        throw new Error(`delivery ${id} is still being handled elsewhere (${String(now).split(":")[1] ?? "?"})`);
      await backOff(attempt, 10, 200);
    }
    const lease = new HeldLease(this.redis, leaseMs);
    lease.add({ key, value: claim, fence: 0 });
    let outcome: DeliveryOutcome = "retry";
    try {
      outcome = await handle();
    } finally {
      lease.stop();
      if (outcome === "done") {
        // Completed: if Redis cannot take the mark now, a later redelivery runs again (harmlessly).
        await FINISH.run(this.redis, [key], [claim, this.doneTtlMs]).catch(() => {});
      } else {
        await FORGET.run(this.redis, [key], [claim]).catch(() => {});
      }
    }
    return "handled";
  }
}
