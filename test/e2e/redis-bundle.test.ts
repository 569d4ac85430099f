import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildBundles, freePort, ROOT, type Spawned, spawnNode, waitFor } from "../adoption/bundle.js";
import { deliver } from "../support/deliver.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.js";
import { REDIS_AVAILABLE, type RedisServer, startRedis } from "../support/redis-server.js";
import { pullRequestEvent } from "./support/payloads.js";
import { addRiskyAgentPull, setUpRepo } from "./support/scenario.js";

/**
 * REDIS_URL in what ships: dist/server.js built fresh and run from a folder with no node_modules (as in
 * the container), two instances on one Redis against the fake GitHub. A delivery and its duplicate sent
 * to both instances are handled once; the delivery log and Probot's clustered throttling (Bottleneck)
 * both live in that Redis; with Redis gone, a delivery is answered with an error and the log says why;
 * a malformed REDIS_URL is refused at start.
 */

const KEY = readFileSync(join(ROOT, "test/fixtures/app/mock-cert.pem"), "utf8");
const SECRET = "redis-bundle-secret";

describe.skipIf(!REDIS_AVAILABLE)("the shipped server with REDIS_URL (real redis-server)", () => {
  let dir: string;
  let redis: RedisServer;
  let fake: FakeGitHub;
  const procs: Spawned[] = [];

  beforeAll(async () => {
    const built = buildBundles(["server"]);
    // Outside the clone: nothing can be loaded from node_modules at run time.
    dir = mkdtempSync(join(tmpdir(), "arg-redis-bundle-"));
    // What the container holds (Dockerfile): the bundle and the WASM parsers beside it.
    for (const f of ["server.js", "libpg-query.wasm", "package.json", "hcl2json"])
      cpSync(join(built, f), join(dir, f), { recursive: true });
    rmSync(built, { recursive: true, force: true });
    redis = await startRedis();
    fake = await startFakeGitHub({ validate: false });
    setUpRepo(fake);
    addRiskyAgentPull(fake);
  }, 120_000);

  afterAll(async () => {
    for (const p of procs) p.child.kill("SIGKILL");
    await fake?.close();
    await redis?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>): Promise<{ url: string; proc: Spawned }> {
    const port = await freePort();
    const proc = spawnNode(
      join(dir, "server.js"),
      {
        APP_ID: String(fake.appId),
        APP_SLUG: fake.appSlug,
        PRIVATE_KEY: KEY,
        WEBHOOK_SECRET: SECRET,
        HOST: "127.0.0.1",
        PORT: String(port),
        GHE_HOST: new URL(fake.url).host,
        GHE_PROTOCOL: "http",
        LOG_LEVEL: "info",
        ...env,
      },
      dir,
    );
    procs.push(proc);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => ((await fetch(`${base}/ping`)).ok ? true : undefined), "/ping", proc);
    return { url: `${base}/api/github/webhooks`, proc };
  }

  test("two instances, one delivery sent to both: handled once, the log and the throttling in Redis; Redis gone: an error answer", async () => {
    const one = await start({ REDIS_URL: redis.url, REDIS_LOCK_LEASE_MS: "2000" });
    const two = await start({ REDIS_URL: redis.url, REDIS_LOCK_LEASE_MS: "2000" });
    const payload = pullRequestEvent(fake, "opened", 2);
    const sent = { event: "pull_request", payload, secret: SECRET, id: "bundle-delivery-1" };
    const answers = await Promise.all([deliver({ ...sent, url: one.url }), deliver({ ...sent, url: two.url })]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(fake.commentsOn(2).filter((c) => c.user.login === fake.botUser.login)).toHaveLength(1);
    expect(fake.count("POST /repos/{owner}/{repo}/check-runs")).toBe(1);

    const client = new Redis(redis.url);
    try {
      expect(await client.get("ai-review-gate:delivery:{bundle-delivery-1}")).toBe("done");
      // Probot's throttling clustered by Bottleneck on the same Redis (its keys start with b_).
      expect((await client.keys("b_octokit-*")).length).toBeGreaterThan(0);
      expect(await client.keys("ai-review-gate:lock:*")).toEqual([]);
    } finally {
      client.disconnect();
    }

    await redis.stop();
    const failed = await deliver({ ...sent, id: "bundle-delivery-2", url: one.url });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    // Probot's logger writes asynchronously: wait for the lines.
    const logged = (pattern: RegExp) =>
      waitFor(
        async () => {
          const { stdout, stderr } = one.proc.output();
          return pattern.test(`${stdout}${stderr}`) ? true : undefined;
        },
        `a log line matching ${pattern}`,
        one.proc,
      );
    await logged(/Redis at 127\.0\.0\.1:\d+ is unreachable/);
    await logged(/delivery bundle-delivery-2 \(pull_request\) not completed: Redis did not answer/);
    // Nothing was written for it.
    expect(fake.count("POST /repos/{owner}/{repo}/check-runs")).toBe(1);
    expect(fake.count("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}")).toBe(0);
  }, 60_000);

  test("a malformed REDIS_URL is refused at start, on one line, without its credentials", async () => {
    const port = await freePort();
    const proc = spawnNode(
      join(dir, "server.js"),
      {
        APP_ID: "1",
        PRIVATE_KEY: KEY,
        WEBHOOK_SECRET: SECRET,
        HOST: "127.0.0.1",
        PORT: String(port),
        REDIS_URL: "http://user:hunter2@cache:6379",
      },
      dir,
    );
    procs.push(proc);
    const { code, stderr } = await proc.exited;
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/refusing to start: REDIS_URL must start with redis:\/\/ or rediss:\/\//);
    expect(stderr).not.toContain("hunter2");
  }, 30_000);
});
