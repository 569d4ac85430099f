import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { StoreUnavailable } from "./delivery.js";
import type { Log } from "./load.js";

/**
 * The App's Redis connection (`REDIS_URL`) and the Lua scripts its locks and delivery log run. One Redis
 * (a primary, optionally with replicas for failover): the locks are Redis' documented single-instance
 * pattern (`SET key value NX PX lease`, released and prolonged by compare-and-act scripts), not Redlock.
 * Redlock's majority of independent primaries buys availability, not safety: both still rest on timing,
 * and what keeps a paused holder from writing is the fence check before each write
 * (`app/delivery.ts`), which works the same on one Redis.
 *
 * Commands fail fast when Redis is unreachable (a bounded wait, then an error), so a delivery is answered
 * with an error instead of hanging, and nothing runs without its locks.
 */

export interface RedisTarget {
  url: string;
  /** Prefix of every key the App writes (several Apps or environments can share one Redis). */
  keyPrefix: string;
}

/** `host:port/db` of a Redis URL, without the credentials it may carry (for logs and refusals). */
export function describeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    const db = u.pathname.replace(/^\//, "");
    return `${u.hostname}:${u.port || "6379"}${db ? `/${db}` : ""}`;
  } catch {
    return "(unparsable REDIS_URL)";
  }
}

/** How long a command waits for Redis before it fails (and the delivery is answered with an error). */
const COMMAND_TIMEOUT_MS = 2_000;

export function connectRedis(target: RedisTarget, log: Log): Redis {
  const where = describeRedisUrl(target.url);
  const redis = new Redis(target.url, {
    keyPrefix: target.keyPrefix,
    connectTimeout: COMMAND_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    // A command issued while disconnected waits for one reconnection attempt, then fails.
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2_000),
  });
  // One line when Redis goes away and one when it is back, not one per reconnection attempt.
  let down = false;
  redis.on("error", (e: Error) => {
    if (down) return;
    down = true;
    log.error(
      `ai-review-gate: Redis at ${where} is unreachable (${e.message.split("\n")[0]}): deliveries are answered with an error, so GitHub can redeliver them, until it is back; nothing is processed without its locks`,
    );
  });
  redis.on("ready", () => {
    if (!down) return;
    down = false;
    log.info(`ai-review-gate: Redis at ${where} is reachable again`);
  });
  return redis;
}

/** A Lua script run by its SHA1 (loaded on first use, and again after a Redis restart flushed it). */
export class Script {
  private readonly sha: string;
  constructor(private readonly lua: string) {
    this.sha = createHash("sha1").update(lua).digest("hex");
  }

  async run(redis: Redis, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown> {
    try {
      try {
        return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
      } catch (e) {
        if (!(e instanceof Error) || !e.message.startsWith("NOSCRIPT")) throw e;
        return await redis.eval(this.lua, keys.length, ...keys, ...args);
      }
    } catch (e) {
      throw new StoreUnavailable(
        `Redis did not answer (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`,
        {
          cause: e,
        },
      );
    }
  }
}
