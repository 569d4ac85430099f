import { createProbot, type Probot } from "probot";
import gateApp from "./index.js";
import { GateOctokit } from "./octokit.js";
import { checkStartup } from "./startup.js";

/**
 * AWS Lambda entry (API Gateway / function URL). The published adapter targets Probot 13 and loses the
 * first event of a cold start with Probot 14 (it does not await the app's load), so this small handler
 * awaits one memoised load, then verifies the signature and dispatches.
 *
 * A function is a deployment: unless NODE_ENV says otherwise, it is checked as production (app/startup.ts)
 * before Probot reads the environment. A refusal is one line in the function's log (naming settings,
 * never values) and a 500 without details to the caller, on every event until the settings are fixed.
 */

export interface LambdaEvent {
  headers?: Record<string, string | undefined>;
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface LambdaResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

let ready: Promise<Probot> | null = null;

/** Memoised: one Probot per container; a failed load is retried on the next event. */
export function loadProbot(
  factory: () => Probot = () => createProbot({ overrides: { Octokit: GateOctokit } }),
): Promise<Probot> {
  ready ??= (async () => {
    const probot = factory();
    await probot.load(gateApp);
    return probot;
  })().catch((e) => {
    ready = null;
    throw e;
  });
  return ready;
}

function reply(statusCode: number, body: unknown): LambdaResult {
  return { statusCode, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

let refusal: string | null | undefined;

/** Why this container cannot serve (memoised: the environment of a container does not change), or null. */
export function startupRefusal(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | null {
  if (refusal !== undefined) return refusal;
  const mode = env.NODE_ENV || "production";
  const { problems, warnings } = checkStartup({ ...env, NODE_ENV: mode }, cwd);
  for (const w of warnings) process.stderr.write(`ai-review-gate: warning: ${w}\n`);
  refusal =
    problems.length > 0
      ? `refusing to start${mode === "production" ? " in production" : ""}: ${problems.join("; ")}`
      : null;
  if (refusal) process.stderr.write(`ai-review-gate: ${refusal}\n`);
  return refusal;
}

/** Tests change the environment between cases. */
export function forgetStartupCheck(): void {
  refusal = undefined;
}

/** `factory` replaces createProbot() (tests); the environment is checked only for createProbot(). */
export async function handler(event: LambdaEvent, factory?: () => Probot): Promise<LambdaResult> {
  if (!factory && startupRefusal()) return reply(500, { error: "the App is not configured (see the function's log)" });
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(event.headers ?? {})) if (typeof v === "string") headers[k.toLowerCase()] = v;
  const id = headers["x-github-delivery"];
  const name = headers["x-github-event"];
  const signature = headers["x-hub-signature-256"];
  if (!id || !name || !signature) return reply(400, { error: "missing GitHub webhook headers" });
  const payload = event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64").toString("utf8") : (event.body ?? "");
  const probot = await loadProbot(factory);
  try {
    await probot.webhooks.verifyAndReceive({ id, name: name as never, signature, payload });
    return reply(200, { ok: true });
  } catch (e) {
    const status = (e as { status?: number }).status;
    const message = e instanceof Error ? e.message : String(e);
    if (status === 400 || /signature/i.test(message)) return reply(400, { error: "signature does not match" });
    return reply(500, { error: message.slice(0, 500) });
  }
}
