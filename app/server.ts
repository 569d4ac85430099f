import { run } from "probot";
import { createApp } from "./index.js";
import { GateMetrics, serveMetrics } from "./observe.js";
import { GateOctokit } from "./octokit.js";
import { applyDotEnv, checkStartup, metricsSettings } from "./startup.js";

/**
 * The App's production entry (`npm start`, the container): `node dist/server.js`. Probot's own server,
 * after the start-up check: a refusal is one line on stderr and exit code 1, never a stack trace.
 * HOST (Probot's default: localhost), PORT, WEBHOOK_PATH, WEBHOOK_PROXY_URL, LOG_LEVEL and LOG_FORMAT are
 * Probot's. METRICS_PORT (and METRICS_TOKEN) serve Prometheus metrics on a listener of their own.
 */

const fail = (line: string): never => {
  process.stderr.write(`ai-review-gate: ${line}\n`);
  process.exit(1);
};

/** First line of an Error, or of the event an EventSource rejects with (a smee channel that cannot connect). */
function reason(e: unknown): string {
  const { message, type } = (e ?? {}) as { message?: unknown; type?: unknown };
  const event = !(e instanceof Error) && typeof type === "string";
  const text = typeof message === "string" && message !== "" ? message : event ? `${type} event` : String(e);
  const line = text.split("\n")[0]!;
  return event ? `the webhook proxy in WEBHOOK_PROXY_URL failed (${line})` : line;
}

try {
  // Probot's run() applies .env too; the check must see the same settings it will.
  applyDotEnv(process.env, process.cwd());
} catch (e) {
  fail(`cannot read .env: ${reason(e)}`);
}
const { problems, warnings } = checkStartup(process.env, process.cwd());
if (problems.length > 0) {
  const where = process.env.NODE_ENV === "production" ? " in production" : "";
  fail(`refusing to start${where}: ${problems.join("; ")}`);
}
for (const w of warnings) process.stderr.write(`ai-review-gate: warning: ${w}\n`);

try {
  const metrics = new GateMetrics();
  const server = await run(createApp({ metrics }), { Octokit: GateOctokit });
  const scrape = metricsSettings(process.env).settings;
  const metricsServer = scrape
    ? // On the same interface as the webhook server (Probot's default: localhost).
      await serveMetrics(metrics, { ...scrape, host: process.env.HOST || "localhost" })
    : null;
  // Containers stop with SIGTERM; as PID 1 without a handler, node would ignore it until SIGKILL.
  process.once("SIGTERM", () => {
    metricsServer?.close();
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
} catch (e) {
  fail(`could not start: ${reason(e)}`);
}
