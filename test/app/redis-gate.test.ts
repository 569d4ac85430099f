import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeRecord } from "../../app/gate/record.js";
import { createGate } from "../../app/index.js";
import { RedisDeliveryLog } from "../../app/redis-delivery-log.js";
import { RedisLocks } from "../../app/redis-locks.js";
import type { GitHubPort } from "../../src/github/port.js";
import type { MemoryGitHub } from "../support/memory-github.js";
import { REDIS_AVAILABLE, type RedisServer, startRedis, startRelay } from "../support/redis-server.js";
import { HEAD, World } from "./world.js";

/**
 * Two App instances (two gates, each with its own Redis connection) over one GitHub, with a lease
 * shorter than an evaluation made artificially slow: renewal keeps the lock; when renewal fails (the
 * instance is cut off from Redis past its lease), the other instance takes over, and the stale
 * instance's writes are dropped at the fence check, so the newer holder's state stands.
 */

const ALL = ["category:custom", "extra:rollback", "signoff:1"];
const NEW_HEAD = "c0ffee0000000000000000000000000000000001";
const LEASE_MS = 400;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The port as one instance sees it: permission reads wait for `release`; writes are logged by name. */
function instancePort(gh: MemoryGitHub, name: string, writes: string[], hold?: Promise<void>, entered?: () => void) {
  const writing = new Set(["upsertCheckRun", "upsertComment", "deleteComment"]);
  return new Proxy(gh, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "permission" && hold)
        return async (...args: unknown[]) => {
          entered?.();
          await hold;
          return value.apply(target, args);
        };
      if (writing.has(String(prop)))
        return (...args: unknown[]) => {
          writes.push(`${name} ${String(prop)}`);
          return value.apply(target, args);
        };
      return value.bind(target);
    },
  }) as GitHubPort;
}

describe.skipIf(!REDIS_AVAILABLE)("lock expiry during a long evaluation (two instances, real Redis)", () => {
  let server: RedisServer;
  const clients: Redis[] = [];
  let prefix = 0;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server?.stop();
  });

  function instance(w: World, url: string, owner: string) {
    const redis = new Redis(url, {
      keyPrefix: `g${prefix}:`,
      maxRetriesPerRequest: 1,
      commandTimeout: 500,
      connectTimeout: 500,
      retryStrategy: () => 50,
    });
    redis.on("error", () => {});
    clients.push(redis);
    const gate = createGate({
      appId: w.gh.appId,
      appSlug: "ai-review-gate",
      now: () => w.clock,
      locks: new RedisLocks(redis, { leaseMs: LEASE_MS, owner }),
      deliveries: new RedisDeliveryLog(redis, { leaseMs: LEASE_MS, owner }),
    });
    const logs: string[] = [];
    const send = (port: GitHubPort, name: string, payload: Record<string, unknown>, id: string) =>
      gate.receive(
        { id, name, payload },
        {
          port,
          log: { info: () => {}, warn: (m) => logs.push(m), error: (m) => logs.push(m) },
          identity: async () => ({ appId: w.gh.appId, botLogin: w.gh.bot.login }),
        },
      );
    return { redis, send, logs };
  }

  async function scenario(cutOff: boolean) {
    prefix++;
    const relay = await startRelay(server.port);
    const w = new World();
    w.pull();
    const writes: string[] = [];
    const a = instance(w, relay.url, "a");
    const b = instance(w, server.url, "b");
    const bPort = instancePort(w.gh, "b", writes);
    expect(await b.send(bPort, "pull_request", w.prPayload("opened"), "open")).toBe("handled");
    writes.length = 0;

    // Alice ticks everything; instance a handles it, slowly (its permission read hangs).
    let release!: () => void;
    const hold = new Promise<void>((r) => {
      release = r;
    });
    let entered!: () => void;
    const inside = new Promise<void>((r) => {
      entered = r;
    });
    const tick = await w.tick(w.people.alice, ALL, { send: false });
    const handledByA = a.send(instancePort(w.gh, "a", writes, hold, entered), "issue_comment", tick, "tick");
    await inside;
    if (cutOff) relay.cut();
    await pause(3 * LEASE_MS);

    // Meanwhile the author pushes; instance b handles the push.
    const push = await w.push(NEW_HEAD, { deliver: false });
    const handledByB = b.send(bPort, "pull_request", push, "push");
    if (cutOff) {
      // a's lease ran out while it was cut off: b does not wait for a.
      expect(await handledByB).toBe("handled");
      writes.push("b done");
      relay.heal();
      while (a.redis.status !== "ready") await pause(20);
    } else {
      await pause(LEASE_MS);
    }
    const oldHeadAfterB = { ...w.gh.runsOn(HEAD)[0]! };
    release();
    expect(await handledByA).toBe("handled");
    if (!cutOff) {
      expect(await handledByB).toBe("handled");
      writes.push("b done");
    }
    await relay.close();
    return { w, writes, oldHeadAfterB, logs: [...a.logs, ...b.logs] };
  }

  it("renewal keeps the lock through an evaluation three leases long: the push waits, the tick lands first", async () => {
    const { w, writes, logs } = await scenario(false);
    // a wrote (the tick) before b started writing (the push), never interleaved.
    const firstB = writes.findIndex((x) => x.startsWith("b "));
    expect(writes.slice(0, firstB).every((x) => x.startsWith("a "))).toBe(true);
    expect(firstB).toBeGreaterThan(0);
    // The tick was recorded at the old head; the push then moved the PR on and reset sign-offs.
    const old = decodeRecord(w.gh.runsOn(HEAD)[0]!.text).find((e) => e.pr === 2)!;
    expect(old.ticks.map((t) => t.by.login)).toContain("alice");
    expect(old.next).toBe(NEW_HEAD);
    expect(w.record().head).toBe(NEW_HEAD);
    expect(logs).toEqual([]);
  });

  it("renewal fails (cut off from Redis past the lease): the stale instance writes nothing, the newer holder's state stands", async () => {
    const { w, writes, oldHeadAfterB } = await scenario(true);
    // Nothing from a's first attempt reached GitHub before b finished; a ran again after b, re-reading.
    expect(writes.indexOf("b done")).toBeGreaterThan(0);
    expect(writes.slice(0, writes.indexOf("b done")).filter((x) => x.startsWith("a "))).toEqual([]);
    // The old head's run is exactly as b left it: superseded, pointing at the new head, no tick from a.
    const oldHead = w.gh.runsOn(HEAD)[0]!;
    expect(oldHead.text).toBe(oldHeadAfterB.text);
    expect(oldHead.conclusion).toBe(oldHeadAfterB.conclusion);
    expect(oldHead.conclusion).toBe("action_required");
    const old = decodeRecord(oldHead.text).find((e) => e.pr === 2)!;
    expect(old.next).toBe(NEW_HEAD);
    expect(old.ticks).toEqual([]);
    // The record in force is the push's, at the new head, and a's tick (on a stale view) did not count.
    const now = w.record();
    expect(now.head).toBe(NEW_HEAD);
    expect(now.ticks).toEqual([]);
    expect(w.gh.conclusion(NEW_HEAD)).toBe("action_required");
  });
});
