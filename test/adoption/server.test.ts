import { createHmac } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { buildBundles, freePort, ROOT, type Spawned, spawnNode, waitFor } from "./bundle.js";

/**
 * The App's start-up as shipped: dist/server.js built fresh and spawned as `npm start` and the container
 * run it. Production refuses to start on one line without APP_ID, the key or a real webhook secret;
 * otherwise it serves /ping, verifies signatures, takes deliveries through a smee channel, serves the
 * setup page with a manifest whose hook URL is the channel's, and stops on SIGTERM.
 */

const KEY = readFileSync(join(ROOT, "test/fixtures/app/mock-cert.pem"), "utf8");
const SECRET = "adoption-webhook-secret";
let outdir: string;
let server: string;
const cleanup: Array<() => void> = [];

beforeAll(() => {
  outdir = buildBundles(["server"]);
  server = join(outdir, "server.js");
}, 120_000);

afterAll(() => {
  for (const c of cleanup.splice(0)) c();
  rmSync(outdir, { recursive: true, force: true });
});

/** A working directory of its own: no .env or *.pem of the developer's is picked up. */
function workdir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "arg-server-cwd-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function track(p: Spawned): Spawned {
  cleanup.push(() => p.child.kill("SIGKILL"));
  return p;
}

const sign = (body: string) => `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;

describe("production refuses to start on one line", () => {
  const cases: Array<{ name: string; env: Record<string, string>; files?: Record<string, string>; names: string[] }> = [
    { name: "nothing set", env: {}, names: ["APP_ID", "PRIVATE_KEY", "WEBHOOK_SECRET"] },
    { name: "no webhook secret", env: { APP_ID: "1", PRIVATE_KEY: KEY }, names: ["WEBHOOK_SECRET"] },
    {
      name: "Probot's public default secret",
      env: { APP_ID: "1", PRIVATE_KEY: KEY, WEBHOOK_SECRET: "development" },
      names: ['WEBHOOK_SECRET is Probot\'s public default "development"'],
    },
    { name: "a blank secret", env: { APP_ID: "1", PRIVATE_KEY: KEY, WEBHOOK_SECRET: "  " }, names: ["WEBHOOK_SECRET"] },
    {
      name: "a key path that does not exist",
      env: { APP_ID: "1", PRIVATE_KEY_PATH: "./gone.pem", WEBHOOK_SECRET: SECRET },
      names: ["PRIVATE_KEY_PATH", "gone.pem"],
    },
    {
      name: "a key that is PEM-shaped but not a key",
      env: {
        APP_ID: "1",
        PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\nSECRETVALUEx\n-----END RSA PRIVATE KEY-----\n",
        WEBHOOK_SECRET: SECRET,
      },
      names: ["PRIVATE_KEY is not a PEM private key"],
    },
    {
      name: "an APP_ID that is not a number",
      env: { APP_ID: "my-app", PRIVATE_KEY: KEY, WEBHOOK_SECRET: SECRET },
      names: ["APP_ID is not a number"],
    },
    {
      name: "settings from .env, as Probot reads them, still without a secret",
      env: {},
      files: { ".env": "APP_ID=7\nPRIVATE_KEY_PATH=./app.pem\n", "app.pem": KEY },
      names: ["WEBHOOK_SECRET"],
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const cwd = workdir(c.files);
      const { code, stdout, stderr } = await track(spawnNode(server, { NODE_ENV: "production", ...c.env }, cwd)).exited;
      expect(code).toBe(1);
      expect(stdout).toBe("");
      const lines = stderr.trimEnd().split("\n");
      expect(lines, stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^ai-review-gate: refusing to start in production: /);
      for (const n of c.names) expect(lines[0]).toContain(n);
      expect(stderr).not.toMatch(/\n\s+at /);
      // Names and paths only: no secret or key material in the line.
      for (const v of [SECRET, "SECRETVALUEx", "MII"]) expect(stderr).not.toContain(v);
    });
  }
});

describe("a configured server", () => {
  test("answers /ping, rejects unsigned deliveries, accepts signed ones and stops on SIGTERM", async () => {
    const port = await freePort();
    const env = {
      NODE_ENV: "production",
      APP_ID: "1",
      APP_SLUG: "ai-review-gate",
      PRIVATE_KEY: KEY,
      WEBHOOK_SECRET: SECRET,
      HOST: "127.0.0.1",
      PORT: String(port),
    };
    const proc = track(spawnNode(server, env, workdir()));
    const base = `http://127.0.0.1:${port}`;
    const pong = await waitFor(
      async () => {
        const r = await fetch(`${base}/ping`);
        return r.ok ? r.text() : undefined;
      },
      "/ping",
      proc,
    );
    expect(pong).toBe("PONG");
    const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
    const headers = { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": "d-1" };
    const unsigned = await fetch(`${base}/api/github/webhooks`, { method: "POST", headers, body });
    expect(unsigned.status).toBe(400);
    const forged = await fetch(`${base}/api/github/webhooks`, {
      method: "POST",
      headers: {
        ...headers,
        "x-hub-signature-256": `sha256=${createHmac("sha256", "development").update(body).digest("hex")}`,
      },
      body,
    });
    expect(forged.status).toBe(400);
    const signed = await fetch(`${base}/api/github/webhooks`, {
      method: "POST",
      headers: { ...headers, "x-hub-signature-256": sign(body) },
      body,
    });
    expect(signed.status).toBe(200);
    proc.child.kill("SIGTERM");
    const { code, stderr } = await proc.exited;
    expect(code).toBe(0);
    expect(stderr).toBe("");
  }, 60_000);
});

describe("a start that fails after the check", () => {
  const configured = {
    APP_ID: "1",
    APP_SLUG: "ai-review-gate",
    PRIVATE_KEY: KEY,
    WEBHOOK_SECRET: SECRET,
    HOST: "127.0.0.1",
  };
  const oneLine = (stderr: string) => {
    const lines = stderr.trimEnd().split("\n");
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^ai-review-gate: could not start: \S/);
    expect(lines[0]).not.toContain("[object");
    return lines[0]!;
  };

  test("a port already in use is one line naming the port", async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, "127.0.0.1", r));
    cleanup.push(() => busy.close());
    const port = String((busy.address() as { port: number }).port);
    const { code, stderr } = await track(spawnNode(server, { ...configured, PORT: port }, workdir())).exited;
    expect(code).toBe(1);
    expect(oneLine(stderr)).toContain(port);
  }, 30_000);

  test("a webhook proxy that cannot be reached is one line naming WEBHOOK_PROXY_URL", async () => {
    const nothing = await freePort();
    const env = {
      ...configured,
      PORT: String(await freePort()),
      WEBHOOK_PROXY_URL: `http://127.0.0.1:${nothing}/channel`,
    };
    const { code, stderr } = await track(spawnNode(server, env, workdir())).exited;
    expect(code).toBe(1);
    expect(oneLine(stderr)).toContain("WEBHOOK_PROXY_URL");
  }, 30_000);
});

/** A stand-in for a smee.io channel: an event stream that sends one delivery to whoever connects. */
async function smeeChannel(delivery?: { event: string; id: string; payload: object }) {
  const clients: ServerResponse[] = [];
  const channel: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.write("event: ready\ndata: {}\n\n");
    clients.push(res);
    if (delivery) {
      const body = JSON.stringify(delivery.payload);
      const message = {
        "x-github-event": delivery.event,
        "x-github-delivery": delivery.id,
        "x-hub-signature-256": sign(body),
        body: delivery.payload,
      };
      res.write(`data: ${JSON.stringify(message)}\n\n`);
    }
  });
  await new Promise<void>((r) => channel.listen(0, "127.0.0.1", r));
  const { port } = channel.address() as { port: number };
  cleanup.push(() => {
    for (const c of clients) c.destroy();
    channel.close();
  });
  return `http://127.0.0.1:${port}/channel`;
}

describe("local development through a smee channel", () => {
  test("a delivery on the channel reaches the App, signed and verified", async () => {
    const proxy = await smeeChannel({
      event: "ping",
      id: "smee-1",
      payload: { zen: "Design for failure.", hook_id: 2 },
    });
    const port = await freePort();
    const proc = track(
      spawnNode(
        server,
        {
          APP_ID: "1",
          APP_SLUG: "ai-review-gate",
          PRIVATE_KEY: KEY,
          WEBHOOK_SECRET: SECRET,
          WEBHOOK_PROXY_URL: proxy,
          HOST: "127.0.0.1",
          PORT: String(port),
          LOG_FORMAT: "json",
        },
        workdir(),
      ),
    );
    const forwarded = `POST http://127.0.0.1:${port}/api/github/webhooks - 200`;
    await waitFor(async () => (proc.output().stdout.includes(forwarded) ? true : undefined), forwarded, proc);
  }, 60_000);

  test("without APP_ID the setup page registers the App with the channel as its webhook URL", async () => {
    const proxy = await smeeChannel();
    const port = await freePort();
    const cwd = workdir({ "package.json": readFileSync(join(ROOT, "package.json"), "utf8") });
    copyFileSync(join(ROOT, "app.yml"), join(cwd, "app.yml"));
    const proc = track(spawnNode(server, { WEBHOOK_PROXY_URL: proxy, HOST: "127.0.0.1", PORT: String(port) }, cwd));
    const html = await waitFor(
      async () => {
        const r = await fetch(`http://127.0.0.1:${port}/probot`);
        return r.ok ? r.text() : undefined;
      },
      "the setup page",
      proc,
    );
    const value = /name="manifest" id="manifest" value='([^']*)'/.exec(html)?.[1];
    expect(value, html).toBeDefined();
    const manifest = JSON.parse(value!);
    const appYml = parseYaml(readFileSync(join(ROOT, "app.yml"), "utf8"));
    expect(manifest.hook_attributes).toEqual({ url: proxy });
    expect(manifest.default_permissions).toEqual(appYml.default_permissions);
    expect(manifest.default_events).toEqual(appYml.default_events);
    expect(manifest.public).toBe(false);
    expect(manifest.redirect_url).toBe(`http://127.0.0.1:${port}/probot/setup`);
    expect(value).not.toContain("example.com");
  }, 60_000);
});
