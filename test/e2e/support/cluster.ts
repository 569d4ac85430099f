import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import type { FakeGitHub } from "../../support/fake-github.js";
import { type RedisServer, startRedis } from "../../support/redis-server.js";
import { WEBHOOK_PATH } from "./app-server.js";

/**
 * Several App processes behind a round-robin loopback proxy, optionally sharing one Redis, against the
 * fake GitHub of this process (reached over HTTP). The proxy answers 502 when the instance it picked is
 * down, as a load balancer does; the sender redelivers, as GitHub's redelivery would.
 */

const ENTRY = fileURLToPath(new URL("./app-process.ts", import.meta.url));
const TSX = fileURLToPath(import.meta.resolve("tsx"));

export interface ClusterOptions {
  instances: number;
  redis: boolean;
  /** Lease of locks and delivery claims (short here, so a killed instance's claims run out quickly). */
  leaseMs?: number;
}

export interface Cluster {
  /** The proxy's webhook URL. */
  url: string;
  redis: RedisServer | null;
  /** Errors the App processes logged. */
  errors: string[];
  /** SIGKILL instance `i` (its in-flight deliveries are cut off); `restart(i)` brings up a new one. */
  kill(i: number): void;
  restart(i: number): Promise<void>;
  /**
   * Scripts Redis has run so far: the round trips of the locks, the delivery log and Probot's throttling
   * (all three do everything in Lua scripts; the commands inside a script are not counted).
   */
  redisRoundTrips(): Promise<number>;
  close(): Promise<void>;
}

interface Instance {
  child: ChildProcess;
  port: number | null;
}

export async function startCluster(fake: FakeGitHub, opts: ClusterOptions): Promise<Cluster> {
  const redis = opts.redis ? await startRedis() : null;
  const errors: string[] = [];
  const instances: Instance[] = [];

  const launch = async (): Promise<Instance> => {
    const child = spawn(process.execPath, ["--import", TSX, ENTRY], {
      env: {
        PATH: process.env.PATH ?? "",
        FAKE_GITHUB_URL: fake.url,
        FAKE_APP_ID: String(fake.appId),
        FAKE_APP_SLUG: fake.appSlug,
        ...(redis ? { REDIS_URL: redis.url, REDIS_LOCK_LEASE_MS: String(opts.leaseMs ?? 1500) } : {}),
        // Diagnosis: the App's locks in Redis but Probot's throttling per process (what clustering costs).
        ...(process.env.LOAD_THROTTLE_PER_PROCESS ? { THROTTLE_PER_PROCESS: "1" } : {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const instance: Instance = { child, port: null };
    let buffered = "";
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const ready = new Promise<void>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`an App process exited (${code}) before listening: ${stderr}`)));
      child.stdout?.on("data", (d: Buffer) => {
        buffered += d.toString();
        for (let nl = buffered.indexOf("\n"); nl !== -1; nl = buffered.indexOf("\n")) {
          const line = JSON.parse(buffered.slice(0, nl)) as { url?: string; error?: string };
          buffered = buffered.slice(nl + 1);
          if (line.url) {
            instance.port = Number(new URL(line.url).port);
            resolve();
          }
          if (line.error) errors.push(line.error);
        }
      });
    });
    await ready;
    return instance;
  };

  for (let i = 0; i < opts.instances; i++) instances.push(await launch());

  let turn = 0;
  const proxy: Server = createServer((req, res) => {
    const target = instances[turn++ % instances.length]!;
    const fail = () => {
      if (!res.headersSent) res.writeHead(502).end("instance down");
      else res.destroy();
    };
    if (target.port === null) {
      req.resume();
      return fail();
    }
    const upstream = request(
      { host: "127.0.0.1", port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on("error", fail);
      },
    );
    upstream.on("error", fail);
    req.pipe(upstream);
  });
  proxy.listen(0, "127.0.0.1");
  await once(proxy, "listening");

  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${WEBHOOK_PATH}`,
    redis,
    errors,
    kill(i) {
      const target = instances[i]!;
      target.port = null;
      target.child.kill("SIGKILL");
    },
    async restart(i) {
      instances[i] = await launch();
    },
    async redisRoundTrips() {
      if (!redis) return 0;
      const client = new Redis(redis.url);
      try {
        const stats = await client.info("commandstats");
        return [...stats.matchAll(/^cmdstat_(evalsha|eval):calls=(\d+)/gm)].reduce(
          (sum, [, , calls]) => sum + Number(calls),
          0,
        );
      } finally {
        client.disconnect();
      }
    },
    async close() {
      for (const instance of instances) {
        if (instance.child.exitCode !== null || instance.child.signalCode !== null) continue;
        const exited = once(instance.child, "exit");
        instance.child.kill("SIGTERM");
        await exited;
      }
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await redis?.stop();
    },
  };
}
