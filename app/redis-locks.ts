import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Redis } from "ioredis";
import { type KeyedLocks, type Lease, LeaseLost, runWithLease, StoreUnavailable } from "./delivery.js";
import { Script } from "./redis-client.js";

/**
 * `KeyedLocks` on one Redis, for several App instances. A key is held as `lock:{key}` =
 * `<fence>:<owner>:<nonce>`, set with `NX PX lease` (Redis' documented single-instance lock). The fence
 * is a counter per key (`fence:{key}`), incremented on every acquisition, so each holding has a number
 * greater than every earlier one; the random nonce keeps values unique even if a failover lost an
 * increment. While the task runs, the lease is prolonged every third of its length; before each write
 * the task proves it still holds every key (`HeldLease.check`), which also prolongs them.
 */

/** Set the key if free, with the next fence; answers the fence, or nil when the key is held. */
const ACQUIRE = new Script(`
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local fence = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('SET', KEYS[1], fence .. ':' .. ARGV[1], 'PX', ARGV[2])
return fence
`);

/**
 * Prolong every key if each still holds this task's value; otherwise touch nothing and answer the
 * position (1-based) of the first key lost and what it holds now.
 */
const HOLD = new Script(`
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) ~= ARGV[i + 1] then return {i, redis.call('GET', key) or ''} end
end
for _, key in ipairs(KEYS) do redis.call('PEXPIRE', key, ARGV[1]) end
return 0
`);

/** Delete each key that still holds this task's value (never another holder's). */
const RELEASE = new Script(`
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[i] then redis.call('DEL', key) end
end
return 0
`);

/** Timing of the leases of locks and of delivery claims. */
export interface LeaseOptions {
  /** How long a key stays held without being prolonged (default 30 s): the wait after a crashed holder. */
  leaseMs?: number;
  /** How long to wait for a key before giving up (default 2 minutes); the delivery then fails. */
  waitMs?: number;
  /** This instance, in values and messages (default host:pid). */
  owner?: string;
}

/** Fence counters outlive their locks, so a returning key continues its sequence (refreshed on use). */
const FENCE_TTL_MS = 30 * 24 * 3600 * 1000;

export const DEFAULT_LEASE_MS = 30_000;

export function leaseSettings(options: LeaseOptions): Required<LeaseOptions> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const waitMs = options.waitMs ?? Math.max(4 * leaseMs, 120_000);
  return { leaseMs, waitMs, owner: options.owner ?? `${hostname()}:${process.pid}` };
}

/** Wait before polling a busy key again: growing from `first` ms to `cap`, jittered so pollers spread. */
export function backOff(attempt: number, first: number, cap: number): Promise<void> {
  const ms = Math.min(first * 1.5 ** attempt, cap) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface Holding {
  key: string;
  value: string;
  fence: number;
}

/** The fence number a lock value starts with (0 when it is not one of ours). */
function fenceOf(value: string): number {
  return Number(value.split(":")[0]) || 0;
}

/**
 * What one task holds in Redis: keys, each with its value. Prolonged in the background; `check()` is
 * the fence check before (and after) a write. Shared by the locks and the delivery log's markers.
 */
export class HeldLease implements Lease {
  readonly holdings: Holding[] = [];
  private lost: LeaseLost | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly leaseMs: number,
  ) {}

  add(holding: Holding): void {
    this.holdings.push(holding);
    this.timer ??= setInterval(() => {
      this.prolong().catch(() => {
        // Redis unreachable: the next check says so; past the lease, the keys may be someone else's.
      });
    }, this.leaseMs / 3);
    this.timer.unref();
  }

  async check(): Promise<void> {
    if (this.lost) throw this.lost;
    await this.prolong();
  }

  private async prolong(): Promise<void> {
    if (this.lost || this.holdings.length === 0) return;
    const answer = await HOLD.run(
      this.redis,
      this.holdings.map((h) => h.key),
      [this.leaseMs, ...this.holdings.map((h) => h.value)],
    ).catch((e: unknown) => {
      throw new LeaseLost(
        `cannot prove the locks are still held (${e instanceof StoreUnavailable ? e.message : String(e)})`,
        false,
        { cause: e },
      );
    });
    if (answer === 0) return;
    const [index, now] = answer as [number, string];
    const mine = this.holdings[index - 1]!;
    const newer = fenceOf(now);
    this.lost = new LeaseLost(
      `the lock ${mine.key} was taken over: fence ${mine.fence} is stale${newer ? ` (the holder now has ${newer})` : " (the lease ran out)"}`,
      true,
    );
    throw this.lost;
  }

  /** Stop prolonging (the keys stay until their lease runs out or their owner changes them). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Stop prolonging and delete what is still ours (best effort: an unreleased key expires with its lease). */
  async release(): Promise<void> {
    this.stop();
    if (this.holdings.length === 0) return;
    await RELEASE.run(
      this.redis,
      this.holdings.map((h) => h.key),
      this.holdings.map((h) => h.value),
    ).catch(() => {});
  }
}

export class RedisLocks implements KeyedLocks {
  private readonly lease: Required<LeaseOptions>;

  constructor(
    private readonly redis: Redis,
    options: LeaseOptions = {},
  ) {
    this.lease = leaseSettings(options);
  }

  async withKeys<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    if (sorted.length === 0) return task();
    const lease = new HeldLease(this.redis, this.lease.leaseMs);
    try {
      for (const key of sorted) lease.add(await this.acquire(key));
      return await runWithLease(lease, task);
    } finally {
      await lease.release();
    }
  }

  /** Wait for `key` (polling with backoff: GitHub does not order deliveries either) and take it. */
  private async acquire(key: string): Promise<Holding> {
    const lockKey = `lock:{${key}}`;
    const { leaseMs, waitMs, owner } = this.lease;
    const nonce = `${owner}:${randomBytes(6).toString("hex")}`;
    const started = performance.now();
    for (let attempt = 0; ; attempt++) {
      const fence = await ACQUIRE.run(this.redis, [lockKey, `fence:{${key}}`], [nonce, leaseMs, FENCE_TTL_MS]);
      if (typeof fence === "number") return { key: lockKey, value: `${fence}:${nonce}`, fence };
      if (performance.now() - started > waitMs)
        throw new Error(`waited ${Math.round(waitMs / 1000)} s for the lock ${key}, held by another delivery`);
      await backOff(attempt, 5, 100);
    }
  }
}
