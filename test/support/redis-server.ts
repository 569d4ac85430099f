import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A real Redis for the tests: Debian's `redis-server`, started on a free loopback port with nothing
 * persisted. `.ci/run` installs it and sets REQUIRE_REDIS=1, so there a missing server fails the tests;
 * elsewhere they are skipped with a note saying how to install it.
 */

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function installed(): boolean {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export const REDIS_AVAILABLE = installed();
const required = process.env.REQUIRE_REDIS === "1";
if (!REDIS_AVAILABLE && required)
  throw new Error("REQUIRE_REDIS=1 but redis-server is not installed (apt-get install -y redis-server)");
if (!REDIS_AVAILABLE)
  console.warn(
    "note: redis-server is not installed: the several-instance (Redis) tests are skipped (apt-get install -y redis-server)",
  );

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" }, () => socket.write("PING\r\n"));
    socket.once("data", (d) => {
      socket.destroy();
      resolve(d.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startRedis(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), "argate-redis-"));
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child: ChildProcess = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
      { stdio: "ignore" },
    );
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    for (let i = 0; i < 100 && child.exitCode === null; i++) {
      if (await ping(port))
        return {
          url: `redis://127.0.0.1:${port}`,
          port,
          async stop() {
            child.kill("SIGKILL");
            await exited;
            rmSync(dir, { recursive: true, force: true });
          },
        };
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGKILL");
    await exited;
    // The port was taken between the probe and the start: try another.
    if (attempt >= 3) throw new Error("redis-server did not start");
  }
}

/**
 * A TCP relay in front of Redis that can cut one client off (a network partition between one App
 * instance and Redis) and let it back.
 */
export interface RedisRelay {
  url: string;
  cut(): void;
  heal(): void;
  close(): Promise<void>;
}

export async function startRelay(targetPort: number): Promise<RedisRelay> {
  const sockets = new Set<Socket>();
  let cut = false;
  const server: Server = createServer((client) => {
    if (cut) return client.destroy();
    const upstream = createConnection({ port: targetPort, host: "127.0.0.1" });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${port}`,
    cut() {
      cut = true;
      for (const s of sockets) s.destroy();
    },
    heal() {
      cut = false;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
