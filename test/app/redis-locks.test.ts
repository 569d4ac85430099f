import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLease, LeaseLost, StoreUnavailable, withGrowingLocks } from "../../app/delivery.js";
import { redisSettings } from "../../app/redis.js";
import { RedisDeliveryLog } from "../../app/redis-delivery-log.js";
import { RedisLocks } from "../../app/redis-locks.js";
import { REDIS_AVAILABLE, type RedisServer, startRedis, startRelay } from "../support/redis-server.js";

/**
 * The Redis implementations of the locks and the delivery log, against a real redis-server: several
 * clients stand for several App instances.
 */

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!REDIS_AVAILABLE)("Redis locks and delivery log (real redis-server)", () => {
  let server: RedisServer;
  const clients: Redis[] = [];
  let prefix = 0;
  /** A client as an App instance has one, with its own key prefix per test. */
  const client = (url = server.url, keyPrefix = `t${prefix}:`) => {
    const c = new Redis(url, { keyPrefix, maxRetriesPerRequest: 1, commandTimeout: 1000, connectTimeout: 1000 });
    c.on("error", () => {});
    clients.push(c);
    return c;
  };
  const next = () => {
    prefix++;
  };

  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server?.stop();
  });

  it("two instances never hold one key at once; overlapping key sets in any order never deadlock", async () => {
    next();
    const a = new RedisLocks(client(), { leaseMs: 2000, owner: "a" });
    const b = new RedisLocks(client(), { leaseMs: 2000, owner: "b" });
    const inside = new Map<string, string>();
    const overlaps: string[] = [];
    const task = (locks: RedisLocks, name: string, keys: string[]) =>
      locks.withKeys(keys, async () => {
        for (const k of keys) {
          if (inside.has(k)) overlaps.push(`${name} with ${inside.get(k)} on ${k}`);
          inside.set(k, name);
        }
        await pause(15);
        for (const k of keys) inside.delete(k);
        return name;
      });
    const runs = [];
    for (let i = 0; i < 12; i++) {
      runs.push(task(i % 2 ? a : b, `t${i}`, i % 3 === 0 ? ["pr:1#2", "sha:1@x"] : ["sha:1@x", "pr:1#2"]));
      runs.push(task(i % 2 ? b : a, `u${i}`, [`pr:1#${i}`]));
    }
    const names = await Promise.all(runs);
    expect(names).toHaveLength(24);
    expect(overlaps).toEqual([]);
    // Every key was released.
    expect(await client().keys("lock:*")).toEqual([]);
  });

  it("numbers each holding of a key with a fence greater than every earlier one", async () => {
    next();
    const redis = client();
    const locks = new RedisLocks(redis, { leaseMs: 2000, owner: "a" });
    const fences: number[] = [];
    for (let i = 0; i < 3; i++)
      await locks.withKeys(["pr:9#1"], async () => {
        fences.push(Number((await redis.get("lock:{pr:9#1}"))?.split(":")[0]));
      });
    expect(fences).toEqual([1, 2, 3]);
  });

  it("keeps a lease through a task three times longer than the lease (renewal)", async () => {
    next();
    const a = new RedisLocks(client(), { leaseMs: 300, owner: "a" });
    const b = new RedisLocks(client(), { leaseMs: 300, owner: "b" });
    const events: string[] = [];
    const slow = a.withKeys(["pr:1#7"], async () => {
      events.push("a starts");
      await pause(1000);
      await checkLease(); // the fence check before a write: still ours
      events.push("a writes");
    });
    await pause(50);
    const waiting = b.withKeys(["pr:1#7"], async () => {
      events.push("b runs");
    });
    await Promise.all([slow, waiting]);
    expect(events).toEqual(["a starts", "a writes", "b runs"]);
  });

  it("a holder cut off from Redis past its lease is fenced off: its next write is refused, the newer holder wins", async () => {
    next();
    const relay = await startRelay(server.port);
    const aClient = client(relay.url);
    const a = new RedisLocks(aClient, { leaseMs: 400, owner: "a" });
    const b = new RedisLocks(client(), { leaseMs: 400, owner: "b" });
    const writes: string[] = [];
    let attempts = 0;
    const stale = withGrowingLocks(a, ["pr:1#8"], async () => {
      attempts++;
      if (attempts === 1) {
        relay.cut(); // renewals fail from here on
        await pause(900);
        relay.heal();
        while (aClient.status !== "ready") await pause(20);
      }
      await checkLease();
      writes.push(`a (attempt ${attempts})`);
    });
    await pause(600); // a's lease has run out
    await b.withKeys(["pr:1#8"], async () => {
      await checkLease();
      writes.push("b");
    });
    await stale;
    // a's first attempt wrote nothing; it ran again under a new lease, after b.
    expect(writes).toEqual(["b", "a (attempt 2)"]);
    await relay.close();
  });

  it("fails closed when Redis is unreachable: no task runs, the error says the store did not answer", async () => {
    next();
    const relay = await startRelay(server.port);
    const locks = new RedisLocks(client(relay.url), { leaseMs: 1000 });
    relay.cut();
    let ran = false;
    const attempt = locks.withKeys(["pr:1#9"], async () => {
      ran = true;
    });
    await expect(attempt).rejects.toBeInstanceOf(StoreUnavailable);
    expect(ran).toBe(false);
    await relay.close();
  });

  it("a lease that cannot be proved (Redis gone mid-task) refuses the write without running again", async () => {
    next();
    const relay = await startRelay(server.port);
    const locks = new RedisLocks(client(relay.url), { leaseMs: 1000 });
    let runs = 0;
    const attempt = withGrowingLocks(locks, ["pr:1#10"], async () => {
      runs++;
      relay.cut();
      await checkLease();
    });
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeaseLost);
    expect((error as LeaseLost).taken).toBe(false);
    expect(runs).toBe(1);
    await relay.close();
  });

  describe("RedisDeliveryLog", () => {
    it("skips a completed delivery, runs a failed or failed-closed one again", async () => {
      next();
      const log = new RedisDeliveryLog(client(), { leaseMs: 1000 });
      let runs = 0;
      const run = (outcome: "done" | "retry") => async () => {
        runs++;
        return outcome;
      };
      expect(await log.once("d1", run("done"))).toBe("handled");
      expect(await log.once("d1", run("done"))).toBe("duplicate");
      expect(await log.once("d2", run("retry"))).toBe("handled");
      expect(await log.once("d2", run("done"))).toBe("handled");
      await expect(
        log.once("d3", async () => {
          runs++;
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await log.once("d3", run("done"))).toBe("handled");
      expect(runs).toBe(5);
    });

    it("a duplicate on another instance waits for the first copy's outcome", async () => {
      next();
      const one = new RedisDeliveryLog(client(), { leaseMs: 1000, owner: "one" });
      const two = new RedisDeliveryLog(client(), { leaseMs: 1000, owner: "two" });
      const ran: string[] = [];
      const first = one.once("d", async () => {
        ran.push("one");
        await pause(200);
        return "done";
      });
      await pause(20);
      const second = two.once("d", async () => {
        ran.push("two");
        return "done";
      });
      expect(await Promise.all([first, second])).toEqual(["handled", "duplicate"]);
      expect(ran).toEqual(["one"]);
    });

    it("a copy whose instance died runs again once its claim runs out", async () => {
      next();
      const redis = client();
      // What a SIGKILLed instance leaves: a claim that nobody prolongs.
      await redis.set("delivery:{d}", "running:dead:0", "PX", 300);
      const log = new RedisDeliveryLog(redis, { leaseMs: 1000 });
      const started = performance.now();
      expect(await log.once("d", async () => "done")).toBe("handled");
      expect(performance.now() - started).toBeGreaterThan(250);
    });

    it("remembers a completed id for four days (GitHub redelivers deliveries of the past three)", async () => {
      next();
      const redis = client();
      await new RedisDeliveryLog(redis).once("d", async () => "done");
      const ttl = await redis.pttl("delivery:{d}");
      expect(ttl).toBeGreaterThan(4 * 24 * 3600 * 1000 - 60_000);
    });
  });
});

describe("REDIS_URL settings", () => {
  it("unset: this process only; set: checked, with problems named and no values echoed", () => {
    expect(redisSettings({})).toEqual({ settings: null, problems: [] });
    expect(redisSettings({ REDIS_URL: "redis://:s3cret@cache:6380/2" }).settings).toEqual({
      url: "redis://:s3cret@cache:6380/2",
      keyPrefix: "ai-review-gate:",
      leaseMs: 30_000,
    });
    const bad = redisSettings({ REDIS_URL: "http://:s3cret@cache", REDIS_LOCK_LEASE_MS: "5" });
    expect(bad.settings).toBeNull();
    expect(bad.problems.join(" ")).toMatch(/redis:\/\/ or rediss:\/\/.*at least 1000/);
    expect(bad.problems.join(" ")).not.toContain("s3cret");
    expect(redisSettings({ REDIS_URL: "not a url" }).problems[0]).toMatch(/not a URL/);
  });
});
