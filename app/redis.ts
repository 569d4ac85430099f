import type { Redis } from "ioredis";
import type { DeliveryLog, KeyedLocks } from "./delivery.js";
import type { Log } from "./load.js";
import { connectRedis, describeRedisUrl } from "./redis-client.js";
import { RedisDeliveryLog } from "./redis-delivery-log.js";
import { DEFAULT_LEASE_MS, RedisLocks } from "./redis-locks.js";

/**
 * Several instances: with `REDIS_URL` set, the per-PR and per-commit locks and the delivery log live in
 * that Redis (and Probot clusters its request throttling there too: it reads the same variable). Without
 * it, the App keeps them in its process, which is right for exactly one instance.
 *
 *   REDIS_URL            redis://[user:password@]host:port[/db] or rediss:// (TLS)
 *   REDIS_KEY_PREFIX     prefix of the App's keys (default `ai-review-gate:`)
 *   REDIS_LOCK_LEASE_MS  lease of a lock and of a delivery's claim (default 30000, at least 1000)
 */

export interface RedisSettings {
  url: string;
  keyPrefix: string;
  leaseMs: number;
}

export const DEFAULT_KEY_PREFIX = "ai-review-gate:";

/** The settings in `env`: null when REDIS_URL is unset; `problems` name what is wrong, never values. */
export function redisSettings(env: NodeJS.ProcessEnv): { settings: RedisSettings | null; problems: string[] } {
  const url = env.REDIS_URL?.trim();
  if (!url) return { settings: null, problems: [] };
  const problems: string[] = [];
  let protocol = "";
  try {
    protocol = new URL(url).protocol;
  } catch {
    problems.push("REDIS_URL is not a URL (redis://host:port or rediss://host:port)");
  }
  if (protocol && protocol !== "redis:" && protocol !== "rediss:")
    problems.push(`REDIS_URL must start with redis:// or rediss:// (it starts with ${protocol}//)`);
  const leaseText = env.REDIS_LOCK_LEASE_MS?.trim();
  const leaseMs = leaseText ? Number(leaseText) : DEFAULT_LEASE_MS;
  if (!Number.isInteger(leaseMs) || leaseMs < 1000)
    problems.push("REDIS_LOCK_LEASE_MS must be a whole number of milliseconds, at least 1000");
  const keyPrefix = env.REDIS_KEY_PREFIX?.trim() || DEFAULT_KEY_PREFIX;
  return { settings: problems.length > 0 ? null : { url, keyPrefix, leaseMs }, problems };
}

export interface SharedState {
  locks: KeyedLocks;
  deliveries: DeliveryLog;
  redis: Redis;
  /** Where (for logs): host:port/db, no credentials. */
  where: string;
}

export function sharedState(settings: RedisSettings, log: Log): SharedState {
  const redis = connectRedis(settings, log);
  return {
    locks: new RedisLocks(redis, { leaseMs: settings.leaseMs }),
    deliveries: new RedisDeliveryLog(redis, { leaseMs: settings.leaseMs }),
    redis,
    where: describeRedisUrl(settings.url),
  };
}
