import type { ApplicationFunction, Probot } from "probot";
import { DEFAULT_CONFIG_PATH } from "../src/config/load.js";
import { createGitHubPort } from "../src/github/octokit-port.js";
import type { GitHubPort } from "../src/github/port.js";
import { quote } from "../src/text/quote.js";
import { CentralFiles } from "./central-files.js";
import {
  type DeliveryLog,
  type KeyedLocks,
  LeaseLost,
  LocalDeliveryLog,
  LocalLocks,
  StoreUnavailable,
  withGrowingLocks,
} from "./delivery.js";
import { fencedPort } from "./fenced-port.js";
import { HANDLERS } from "./handlers/index.js";
import type { Handler } from "./handlers/table.js";
import { CommitFiles, type GateContext, type Log } from "./load.js";
import {
  type DeliveryOutcome,
  DeliveryStats,
  type DeliverySummary,
  eventName,
  GateMetrics,
  repositoryName,
} from "./observe.js";
import { onRateLimitWait } from "./octokit.js";
import { redisSettings, sharedState } from "./redis.js";

export interface GateOptions {
  /** Skip `GET /app` when both are known (APP_ID and APP_SLUG). */
  appId?: number;
  appSlug?: string;
  configPath?: string;
  now?: () => Date;
  /** Locks and delivery log shared by several instances (default: REDIS_URL's Redis, else this process only). */
  locks?: KeyedLocks;
  deliveries?: DeliveryLog;
}

export interface GateAppOptions extends GateOptions {
  /** The metrics to count in (tests read them; default: a registry of this App's own). */
  metrics?: GateMetrics;
}

interface Identity {
  appId: number;
  botLogin: string;
}

export interface Delivery {
  id: string;
  /** The webhook event (`pull_request`); the payload's `action` picks the handler row. */
  name: string;
  payload: unknown;
}

export interface DeliveryIO {
  port: GitHubPort;
  log: Log;
  /** Gathers what the delivery decided, for its log line and the metrics. */
  observe?: GateContext["observe"];
  /** The App's identity, when the caller knows it; otherwise options or `GET /app`. */
  identity: () => Promise<Identity>;
}

export type Received = "handled" | "duplicate" | "ignored";

/** The handler row for an event and action, if the App handles it. */
export function handlerFor(name: string, payload: unknown): Handler | undefined {
  const action =
    typeof payload === "object" && payload !== null && "action" in payload && typeof payload.action === "string"
      ? payload.action
      : null;
  const key = action ? `${name}.${action}` : name;
  return HANDLERS.find((h) => h.events.some((e) => e === key || e === name));
}

/**
 * The gate without Probot: one delivery in, its flow run. Refuses a malformed payload (naming the
 * field), skips a delivery id that already completed, takes the PR's and its commits' locks, then runs
 * the handler row's flow (load → decide → publish), every write fenced by those locks' lease.
 * When the shared store fails or a lease is lost for good, the delivery fails (the webhook is answered
 * with an error, so it can be redelivered) and the log says why; nothing is processed unlocked.
 */
export function createGate(options: GateOptions = {}) {
  const locks = options.locks ?? new LocalLocks();
  const deliveries = options.deliveries ?? new LocalDeliveryLog();
  const configPath = options.configPath ?? process.env.GATE_CONFIG_PATH ?? DEFAULT_CONFIG_PATH;
  const now = options.now ?? (() => new Date());
  const files = new CommitFiles();
  const central = new CentralFiles();
  return {
    async receive(delivery: Delivery, io: DeliveryIO): Promise<Received> {
      const handler = handlerFor(delivery.name, delivery.payload);
      if (!handler) return "ignored";
      const parsed = handler.parse(delivery.payload);
      if (!parsed.ok) {
        io.log.warn(`ai-review-gate: ignoring a malformed ${delivery.name} delivery (${parsed.problem})`);
        return "ignored";
      }
      const { run } = parsed;
      const handling = deliveries.once(delivery.id, async () => {
        const { appId, botLogin } = await io.identity();
        const base: Omit<GateContext, "held"> = {
          port: fencedPort(io.port),
          repo: { owner: run.repo.owner.login, repo: run.repo.name },
          repoId: run.repo.id,
          appId,
          botLogin,
          configPath,
          now,
          log: io.log,
          files,
          central: central.forDelivery(io.port),
          ...(io.observe ? { observe: io.observe } : {}),
        };
        return withGrowingLocks(locks, run.keys(run.repo.id), (held) => run.run({ ...base, held }, { locks }));
      });
      return handling.catch((e: unknown) => {
        if (e instanceof LeaseLost || e instanceof StoreUnavailable)
          io.log.error(
            `ai-review-gate: delivery ${delivery.id} (${delivery.name}) not completed: ${e.message}; writes after that point were dropped, and the webhook is answered with an error so that it can be redelivered`,
          );
        throw e;
      });
    },
  };
}

/**
 * The AI Review Gate App. `createApp(options)` for tests and custom servers (whose Probot takes
 * `Octokit: GateOctokit`, app/octokit.ts); the default export reads the environment (`app/server.ts`,
 * bundled as `dist/server.js`; `app/lambda.ts` as `dist/lambda.js`). Each delivery ends with one log
 * line and counts in `options.metrics` (app/observe.ts), which the server serves on METRICS_PORT.
 */
export function createApp(options: GateAppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const { settings, problems } = redisSettings(process.env);
    if (problems.length > 0) throw new Error(problems.join("; "));
    const shared =
      settings && !options.locks && !options.deliveries
        ? sharedState(settings, {
            info: (m) => app.log.info(m),
            warn: (m) => app.log.warn(m),
            error: (m) => app.log.error(m),
          })
        : null;
    if (shared) app.log.info(`ai-review-gate: locks and delivery log in Redis at ${shared.where}`);
    const gate = createGate(shared ? { ...options, locks: shared.locks, deliveries: shared.deliveries } : options);
    const metrics = options.metrics ?? new GateMetrics();
    let identity: Promise<Identity> | null = null;
    const whoAmI = (): Promise<Identity> => {
      const fixedId = options.appId ?? (process.env.APP_ID ? Number(process.env.APP_ID) : undefined);
      const fixedSlug = options.appSlug ?? process.env.APP_SLUG;
      if (fixedId && fixedSlug) return Promise.resolve({ appId: fixedId, botLogin: `${fixedSlug}[bot]` });
      identity ??= (async () => {
        const me = await createGitHubPort(await app.auth()).app();
        return { appId: me.id, botLogin: `${me.slug ?? "ai-review-gate"}[bot]` };
      })().catch((e) => {
        identity = null; // retry on the next delivery
        throw e;
      });
      return identity;
    };
    const events = [...new Set(HANDLERS.flatMap((h) => h.events))];
    app.on(events, async (context) => {
      const started = performance.now();
      const stats = new DeliveryStats();
      stats.countRequests(context.octokit);
      // GateOctokit waits secondary rate limits out; each wait is this delivery's.
      onRateLimitWait(context.octokit, () => stats.rateLimitWaits++);
      let outcome: DeliveryOutcome = "failed";
      let failure: string | undefined;
      try {
        outcome = await gate.receive(
          { id: context.id, name: context.name, payload: context.payload },
          {
            port: createGitHubPort(context.octokit),
            log: {
              info: (m) => context.log.info(m),
              warn: (m) => context.log.warn(m),
              error: (m) => context.log.error(m),
            },
            observe: stats,
            identity: whoAmI,
          },
        );
      } catch (e) {
        // An API error message can quote request data: masked before the cut, like every report.
        failure = quote((e instanceof Error ? e.message : String(e)).split("\n")[0]!, 300);
        throw e;
      } finally {
        const summary: DeliverySummary = {
          delivery: context.id,
          event: eventName(context.name, context.payload),
          repository: repositoryName(context.payload),
          outcome,
          decisions: stats.decisions,
          refusedTicks: stats.refusedTicks,
          requests: stats.requests,
          retries: stats.retries,
          apiErrors: stats.apiErrors,
          rateLimitWaits: stats.rateLimitWaits,
          durationMs: Math.round(performance.now() - started),
          ...(failure ? { error: failure } : {}),
        };
        metrics.record(summary);
        metrics.observeEvaluations(stats.evaluationSeconds);
        const line = `ai-review-gate: delivery ${summary.event} ${outcome}`;
        if (outcome === "failed") context.log.error(summary, line);
        else context.log.info(summary, line);
      }
    });
  };
}

const gateApp: ApplicationFunction = createApp();
export default gateApp;
