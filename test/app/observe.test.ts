import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { pino } from "pino";
import { Probot } from "probot";
import { describe, expect, test } from "vitest";
import { createApp } from "../../app/index.js";
import { DeliveryStats, GateMetrics, refusalReason, serveMetrics } from "../../app/observe.js";
import { GateOctokit } from "../../app/octokit.js";
import { metricsSettings } from "../../app/startup.js";
import { fastThrottle } from "../e2e/support/app-server.js";
import { pullRequestEvent } from "../e2e/support/payloads.js";
import { addRiskyAgentPull, setUpRepo } from "../e2e/support/scenario.js";
import { FakeGitHub, type FaultRule } from "../support/fake-github.js";
import { HEAD, World } from "./world.js";

/**
 * What operators see: one JSON log line per delivery (outcome, decisions, requests, duration; never a
 * secret) and Prometheus metrics, counted from the same delivery.
 */

const privateKey = readFileSync(new URL("../fixtures/app/mock-cert.pem", import.meta.url), "utf8");
const SECRET = "whsec-do-not-log";

interface Setup {
  /** Octokit's retry plugin on (with millisecond waits) or off. */
  retry?: boolean;
  faults?: FaultRule[];
  /** Octokit's throttling plugin on (the App's secondary-limit waits, in milliseconds) or off. */
  throttle?: boolean;
}

/**
 * One `pull_request.opened` delivery of a risky agent PR through Probot and the App (over the loopback
 * fake), with the pino lines it logged, its summary line and the metrics.
 */
async function deliverOnce(id: string, setup: Setup = {}) {
  const gh = new FakeGitHub();
  gh.url = "http://fake-github.test";
  setUpRepo(gh);
  addRiskyAgentPull(gh);
  for (const f of setup.faults ?? []) gh.fault(f);
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n")) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  // The App's Octokit class, as app/server.ts runs it.
  const TestOctokit = GateOctokit.defaults((o: Record<string, unknown>) => ({
    ...o,
    retry: setup.retry ? { retryAfterBaseValue: 1 } : { enabled: false },
    throttle: setup.throttle
      ? { ...(o.throttle as object), ...fastThrottle() }
      : { ...(o.throttle as object), enabled: false },
  }));
  const probot = new Probot({
    appId: gh.appId,
    privateKey,
    secret: SECRET,
    baseUrl: gh.url,
    Octokit: TestOctokit,
    log: pino({ level: "info" }, stream),
    request: { fetch: gh.fetch },
  });
  const metrics = new GateMetrics({ processMetrics: false });
  await probot.load(
    createApp({
      metrics,
      appSlug: "ai-review-gate",
      appId: gh.appId,
    }),
  );
  const payload = pullRequestEvent(gh, "opened", 2);
  const received = await probot.receive({ id, name: "pull_request", payload } as never).then(
    () => null,
    (e: unknown) => e,
  );
  const summaries = lines.filter((l) => String(l.msg).startsWith("ai-review-gate: delivery "));
  expect(summaries).toHaveLength(1);
  return { gh, lines, line: summaries[0]!, metrics: await metrics.registry.metrics(), payload, received };
}

describe("one structured log line per delivery, and the metrics", () => {
  test("a delivery: its outcome, decision, request count and duration; the metrics agree; no secret", async () => {
    const { gh, lines, line, metrics: text, payload, received } = await deliverOnce("delivery-1");
    expect(received).toBeNull();
    expect(line).toMatchObject({
      level: 30,
      delivery: "delivery-1",
      event: "pull_request.opened",
      repository: `${payload.repository.owner.login}/${payload.repository.name}`,
      outcome: "handled",
      decisions: [{ pr: 2, sha: gh.mustPull(2).head.sha, conclusion: "action_required" }],
      requests: gh.requests.length,
      retries: 0,
      apiErrors: 0,
      rateLimitWaits: 0,
    });
    expect(line.durationMs).toEqual(expect.any(Number));
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain("PRIVATE KEY");
    expect(everything).not.toContain(payload.pull_request.body ?? "\u0000");

    expect(text).toContain('ai_review_gate_deliveries_total{event="pull_request.opened",outcome="handled"} 1');
    expect(text).toContain('ai_review_gate_check_conclusions_total{conclusion="action_required"} 1');
    expect(text).toContain(`ai_review_gate_github_requests_total ${gh.requests.length}`);
    expect(text).toMatch(/ai_review_gate_evaluation_duration_seconds_count 1\b/);
    expect(text).toMatch(/ai_review_gate_delivery_duration_seconds_count\{event="pull_request.opened"\} 1\b/);
  });

  test("requests retried by Octokit's retry plugin are counted, each attempt", async () => {
    const { gh, line, metrics } = await deliverOnce("d3", {
      retry: true,
      faults: [{ route: "GET /repos/{owner}/{repo}/pulls/{pull_number}", fault: 502, times: 2 }],
    });
    expect(line).toMatchObject({ outcome: "handled", retries: 2, apiErrors: 0 });
    // Every attempt, the installation token's included: the count is what GitHub saw.
    expect(line.requests).toBe(gh.requests.length);
    expect(metrics).toContain("ai_review_gate_github_retries_total 2");
  });

  test("secondary rate limits waited out are counted", async () => {
    const { gh, line, metrics } = await deliverOnce("d4", {
      faults: [
        { route: "GET /repos/{owner}/{repo}/pulls/{pull_number}/files", fault: "secondary-rate-limit", retryAfter: 1 },
      ],
      throttle: true,
    });
    expect(line).toMatchObject({ outcome: "handled", rateLimitWaits: 1, requests: gh.requests.length });
    expect(metrics).toContain("ai_review_gate_rate_limit_waits_total 1");
  });

  test("a failed delivery logs at error with its first line, and counts as failed", async () => {
    const { line, metrics, received } = await deliverOnce("d2", {
      faults: [
        { route: "POST /repos/{owner}/{repo}/check-runs", fault: 422, times: Number.POSITIVE_INFINITY },
        { route: "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", fault: 422, times: Number.POSITIVE_INFINITY },
      ],
    });
    expect(received).toBeInstanceOf(Error);
    expect(line).toMatchObject({ level: 50, outcome: "failed", delivery: "d2" });
    expect(line.apiErrors).toBeGreaterThan(0);
    expect(String(line.error)).not.toContain("\n");
    expect(metrics).toContain('ai_review_gate_deliveries_total{event="pull_request.opened",outcome="failed"} 1');
  });

  test("refused ticks are counted by reason", async () => {
    const w = new World();
    w.pull();
    await w.open();
    const stats = new DeliveryStats();
    w.observe = stats;
    await w.tick(w.people.reader, ["category:custom"]);
    expect(stats.refusedTicks).toEqual(["not-eligible"]);
    expect(stats.decisions.map((d) => d.sha)).toEqual([HEAD]);
  });

  test.each([
    ["the PR is closed; the edit was not counted", "closed"],
    ["not counted: this view is from an older head", "stale-view"],
    ["the hidden marker of the checklist was modified; the whole edit was refused", "tampered-marker"],
    ["removing, duplicating or rewording a checklist item is not allowed; restored", "altered-item"],
    ["each sign-off needs a different person; you already signed off", "same-signer"],
    ["tick refused: only members of @org/dba may tick this item", "route"],
    ["untick refused: nobody can tick this item: no team", "route"],
    ["tick refused: co-authors of the PR's commits cannot approve it", "not-eligible"],
    ["something new", "other"],
  ])("refusal %j is labelled %s", (note, reason) => {
    expect(refusalReason(note)).toBe(reason);
  });
});

describe("the metrics listener", () => {
  test("opt-in on a port of its own, answering only the bearer token when one is set", async () => {
    const metrics = new GateMetrics({ processMetrics: false });
    const server = await serveMetrics(metrics, { port: 0, host: "127.0.0.1", token: "scrape-token" });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      expect((await fetch(`${url}/metrics`, { headers: { authorization: "Bearer nope" } })).status).toBe(401);
      const ok = await fetch(`${url}/metrics`, { headers: { authorization: "Bearer scrape-token" } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain("# TYPE ai_review_gate_deliveries_total counter");
      expect((await fetch(`${url}/`, { headers: { authorization: "Bearer scrape-token" } })).status).toBe(404);
      expect((await fetch(`${url}/metrics`, { method: "POST" })).status).toBe(405);
    } finally {
      server.close();
    }
  });

  test("settings: off by default, a port apart from the webhook server's, the token optional", () => {
    expect(metricsSettings({})).toEqual({ settings: null, problems: [] });
    expect(metricsSettings({ METRICS_PORT: "9464", METRICS_TOKEN: "t" })).toEqual({
      settings: { port: 9464, token: "t" },
      problems: [],
    });
    expect(metricsSettings({ METRICS_PORT: "3000" }).problems).toEqual([
      "METRICS_PORT must differ from the webhook server's PORT",
    ]);
    expect(metricsSettings({ METRICS_PORT: "9x" }).problems).toEqual(["METRICS_PORT is not a port number (1-65535)"]);
  });
});
