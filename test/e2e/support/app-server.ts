import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, Probot } from "probot";
import { createApp } from "../../../app/index.js";
import { GateOctokit } from "../../../app/octokit.js";
import type { FakeGitHub } from "../../support/fake-github.js";

/**
 * The App's real HTTP server on 127.0.0.1: Probot's Node middleware with a webhook secret, its GitHub
 * API base URL pointed at the fake. The App's Octokit class (Probot's retry and throttling, secondary
 * rate limits waited out) with delays shortened: retries back off in milliseconds, a `retry-after: 1`
 * waits 10 ms, and writes are not spaced 1 s apart (the fake answers instantly; spacing would only
 * measure the throttle).
 */

export const WEBHOOK_SECRET = "e2e-webhook-secret";
export const WEBHOOK_PATH = "/api/github/webhooks";

// Probot's throttling plugin bundles Bottleneck; custom limiter groups replace its 1 s write spacing. With
// Redis they stay clustered on Probot's connection (the full Bottleneck has the Redis datastore).
type LimiterGroup = new (options: {
  id?: string;
  maxConcurrent: number;
  minTime: number;
  connection?: unknown;
}) => unknown;
const Bottleneck = createRequire(import.meta.url)("bottleneck") as { Group: LimiterGroup };

/**
 * Throttling options without the 1 s spacing of writes, and a `retry-after: 1` waited 10 ms. Octokits
 * meant to share limits must share one result.
 */
export function fastThrottle(connection?: unknown): Record<string, unknown> {
  const clustered = connection ? { connection } : {};
  return {
    write: new Bottleneck.Group({ id: "octokit-write", maxConcurrent: 10, minTime: 0, ...clustered }),
    notifications: new Bottleneck.Group({ id: "octokit-notifications", maxConcurrent: 10, minTime: 0, ...clustered }),
    retryAfterBaseValue: 10,
  };
}

const privateKey = readFileSync(new URL("../../fixtures/app/mock-cert.pem", import.meta.url), "utf8");

export interface AppServer {
  url: string;
  probot: Probot;
  /** Errors Probot logged (handler failures surface here as well as in the HTTP status). */
  errors: string[];
  close(): Promise<void>;
}

/** Where the App finds GitHub: the fake in this process, or one in another process (over HTTP). */
export type GitHubTarget = Pick<FakeGitHub, "url" | "appId" | "appSlug">;

export interface AppServerOptions {
  /**
   * Several instances: Probot clusters its throttling in this Redis (its `redisConfig`, as `REDIS_URL`
   * sets it), and the App's locks and delivery log live there (the App reads `REDIS_URL` itself).
   */
  redisUrl?: string;
  retries?: number;
  now?: () => Date;
  /** Give the App its id and slug (APP_ID, APP_SLUG) so it never asks `GET /app`. */
  knownIdentity?: boolean;
}

function quietLogger(errors: string[]) {
  const noop = () => {};
  const logger: Record<string, unknown> = {
    level: "error",
    trace: noop,
    debug: noop,
    info: noop,
    warn: noop,
    error: (...args: unknown[]) => {
      errors.push(
        args.map((a) => (a instanceof Error ? a.message : typeof a === "string" ? a : JSON.stringify(a))).join(" "),
      );
    },
    fatal: (...args: unknown[]) => {
      errors.push(args.map(String).join(" "));
    },
  };
  logger.child = () => logger;
  return logger;
}

export async function startAppServer(fake: GitHubTarget, opts: AppServerOptions = {}): Promise<AppServer> {
  const errors: string[] = [];
  let fast: Record<string, unknown> | null = null;
  const limiters = (connection: unknown) => {
    fast ??= fastThrottle(connection);
    return fast;
  };
  const Octokit = GateOctokit.defaults((o: Record<string, unknown>) => {
    const throttle = (o.throttle ?? {}) as { connection?: unknown };
    return {
      ...o,
      retry: { enabled: true, retries: opts.retries ?? 3, retryAfterBaseValue: 1 },
      throttle: { ...throttle, ...limiters(throttle.connection) },
    };
  });
  const probot = new Probot({
    appId: fake.appId,
    privateKey,
    secret: WEBHOOK_SECRET,
    baseUrl: fake.url,
    Octokit,
    log: quietLogger(errors) as never,
    ...(opts.redisUrl ? { redisConfig: opts.redisUrl } : {}),
  });
  const app = createApp({
    ...(opts.knownIdentity ? { appId: fake.appId, appSlug: fake.appSlug } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  const middleware = await createNodeMiddleware(app, { probot, webhooksPath: WEBHOOK_PATH });
  const server: Server = createServer((req, res) => {
    Promise.resolve(
      middleware(req, res, () => {
        res.writeHead(404).end();
      }),
    ).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${WEBHOOK_PATH}`;
  return {
    url,
    probot,
    errors,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
