import { timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { Decision } from "./gate/decide.js";

/**
 * What the App tells its operators: one structured log line per delivery (Probot's pino logger; JSON
 * with LOG_FORMAT=json) and Prometheus metrics. Both carry identifiers, counts and outcomes only:
 * never a payload, a PR's text, a config value or a credential.
 */

/** The part of an Octokit instance this needs: its request hook (every Octokit flavour has it). */
export interface HookedClient {
  hook: {
    wrap(
      name: "request",
      // biome-ignore lint/suspicious/noExplicitAny: Octokit's hook passes its own request and response types through unchanged
      wrapper: (request: (options: any) => any, options: any) => any,
    ): void;
  };
}

/** What one delivery did, gathered while it runs. */
export class DeliveryStats {
  requests = 0;
  /** Attempts repeated (after a server error, a timeout or a secondary rate limit). */
  retries = 0;
  apiErrors = 0;
  rateLimitWaits = 0;
  readonly decisions: { pr: number; sha: string; conclusion: string }[] = [];
  readonly refusedTicks: string[] = [];
  readonly evaluationSeconds: number[] = [];

  /**
   * Counts a delivery's requests as GitHub sees them: each attempt of each call, however it was
   * repeated (Octokit's retry plugin after a server error or timeout, the throttling plugin after a
   * secondary rate limit, both inside this wrapper). The plugins keep no count of their own that holds
   * both, so the call's `fetch` counts the attempts. Every layer of Octokit's hook sees the same options
   * object, whose `request` is shared with the client's defaults: it is replaced with one of this call's own.
   */
  countRequests(client: HookedClient): void {
    client.hook.wrap("request", async (request, options) => {
      const send: typeof fetch = options.request?.fetch ?? globalThis.fetch;
      let attempts = 0;
      options.request = {
        ...options.request,
        fetch: (...args: Parameters<typeof fetch>) => {
          attempts++;
          return send(...args);
        },
      };
      try {
        return await request(options);
      } catch (e) {
        // 304 (a conditional read that found the file unchanged) is an answer, not an error.
        if ((e as { status?: number }).status !== 304) this.apiErrors++;
        throw e;
      } finally {
        this.requests += attempts;
        this.retries += Math.max(0, attempts - 1);
      }
    });
  }

  /** A decision about a PR at `at` (the event's time): the check runs it writes and the edits it refused. */
  decided(pr: number, decision: Decision, at: string): void {
    for (const w of decision.checkRuns) this.decisions.push({ pr, sha: w.sha, conclusion: w.body.conclusion });
    for (const e of decision.state?.audit ?? [])
      if (e.at === at && e.kind === "refused") this.refusedTicks.push(refusalReason(e.note ?? ""));
  }

  evaluated(seconds: number): void {
    this.evaluationSeconds.push(seconds);
  }
}

/**
 * A refused edit's reason as a metric label (a small fixed set): ticks.ts and eligibility.ts word the
 * notes reviewers read; these are their stable openings.
 */
const REFUSALS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^the PR is closed/, "closed"],
  [/^not counted:/, "stale-view"],
  [/hidden marker/, "tampered-marker"],
  [/^removing, duplicating or rewording/, "altered-item"],
  [/already signed off/, "same-signer"],
  [/^(?:un)?tick refused: (?:only (?:members|code owners)|nobody can tick)/, "route"],
  [/^(?:un)?tick refused:/, "not-eligible"],
];

export function refusalReason(note: string): string {
  return REFUSALS.find(([pattern]) => pattern.test(note))?.[1] ?? "other";
}

export type DeliveryOutcome = "handled" | "duplicate" | "ignored" | "failed";

export interface DeliverySummary {
  delivery: string;
  event: string;
  repository: string | null;
  outcome: DeliveryOutcome;
  decisions: DeliveryStats["decisions"];
  refusedTicks: string[];
  requests: number;
  retries: number;
  apiErrors: number;
  rateLimitWaits: number;
  durationMs: number;
  error?: string;
}

/** The App's Prometheus metrics, in a registry of their own (several Apps in one process stay apart). */
export class GateMetrics {
  readonly registry = new Registry();
  private readonly deliveries = new Counter({
    name: "ai_review_gate_deliveries_total",
    help: "Webhook deliveries by event and outcome (handled, duplicate, ignored, failed)",
    labelNames: ["event", "outcome"] as const,
    registers: [this.registry],
  });
  private readonly deliverySeconds = new Histogram({
    name: "ai_review_gate_delivery_duration_seconds",
    help: "Time to handle a delivery, from receipt to the last write",
    labelNames: ["event"] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  private readonly evaluationSeconds = new Histogram({
    name: "ai_review_gate_evaluation_duration_seconds",
    help: "Time to analyse one pull request (the engine's evaluation)",
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly decisions = new Counter({
    name: "ai_review_gate_check_conclusions_total",
    help: "Gate check runs written, by conclusion",
    labelNames: ["conclusion"] as const,
    registers: [this.registry],
  });
  private readonly refused = new Counter({
    name: "ai_review_gate_refused_ticks_total",
    help: "Checklist edits refused, by reason",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });
  private readonly requests = new Counter({
    name: "ai_review_gate_github_requests_total",
    help: "GitHub API requests (each attempt, retries included)",
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: "ai_review_gate_github_retries_total",
    help: "GitHub API requests repeated after a server error, a timeout or a secondary rate limit",
    registers: [this.registry],
  });
  private readonly apiErrors = new Counter({
    name: "ai_review_gate_github_errors_total",
    help: "GitHub API requests that failed after their retries",
    registers: [this.registry],
  });
  private readonly rateLimitWaits = new Counter({
    name: "ai_review_gate_rate_limit_waits_total",
    help: "Secondary rate limits waited out before retrying",
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: "ai_review_gate_" });
  }

  record(s: DeliverySummary): void {
    this.deliveries.inc({ event: s.event, outcome: s.outcome });
    this.deliverySeconds.observe({ event: s.event }, s.durationMs / 1000);
    for (const d of s.decisions) this.decisions.inc({ conclusion: d.conclusion });
    for (const r of s.refusedTicks) this.refused.inc({ reason: r });
    this.requests.inc(s.requests);
    this.retries.inc(s.retries);
    this.apiErrors.inc(s.apiErrors);
    this.rateLimitWaits.inc(s.rateLimitWaits);
  }

  observeEvaluations(seconds: readonly number[]): void {
    for (const v of seconds) this.evaluationSeconds.observe(v);
  }
}

/** `pull_request.opened`: the event and its action, as labels and logs name a delivery. */
export function eventName(name: string, payload: unknown): string {
  const action = (payload as { action?: unknown } | null)?.action;
  return typeof action === "string" && /^[a-z_]{1,40}$/.test(action) ? `${name}.${action}` : name;
}

export function repositoryName(payload: unknown): string | null {
  const full = (payload as { repository?: { full_name?: unknown } } | null)?.repository?.full_name;
  return typeof full === "string" ? full : null;
}

/**
 * The metrics on a listener of their own (METRICS_PORT), apart from the webhook server: the port need
 * not be published beside the webhook's, and Probot's request log (which records request headers) never
 * sees a scraper's token. With a token (METRICS_TOKEN), only `Authorization: Bearer <token>` is answered.
 */
export function serveMetrics(
  metrics: GateMetrics,
  options: { port: number; host?: string; token?: string },
): Promise<Server> {
  const expected = options.token ? Buffer.from(`Bearer ${options.token}`) : null;
  const server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== "/metrics") return void res.writeHead(404).end();
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { allow: "GET, HEAD" }).end();
    const given = Buffer.from(req.headers.authorization ?? "");
    if (expected && (given.length !== expected.length || !timingSafeEqual(given, expected)))
      return void res.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"' }).end();
    metrics.registry.metrics().then(
      (body) => {
        res.writeHead(200, { "content-type": metrics.registry.contentType });
        res.end(req.method === "HEAD" ? undefined : body);
      },
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}
