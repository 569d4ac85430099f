import { createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { getPrivateKey } from "@probot/get-private-key";
import { redisSettings } from "./redis.js";

/**
 * What the App's server checks before it listens. In production (`NODE_ENV=production`) a missing
 * APP_ID, private key or webhook secret is a refusal: without the secret Probot would accept deliveries
 * signed with its public default ("development"), so anyone could forge webhooks. Outside production
 * the same gaps are warnings, and no APP_ID or key means Probot's setup page (registration from app.yml).
 * Messages name settings and paths, never values.
 */

/** Probot's built-in webhook secret: public, so it authenticates nothing. */
export const PROBOT_DEFAULT_SECRET = "development";

export interface StartupReport {
  /** Reasons to refuse to start; empty when the server may start. */
  problems: string[];
  warnings: string[];
}

/** The `.env` of the working directory, applied over the environment exactly as Probot's `run()` does. */
export function applyDotEnv(env: NodeJS.ProcessEnv, cwd: string): void {
  let text: string;
  try {
    text = readFileSync(join(cwd, ".env"), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  Object.assign(env, parseEnv(text));
}

const set = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

/** The key Probot would use (PRIVATE_KEY, PRIVATE_KEY_PATH or a lone *.pem in cwd), checked by a PEM parser. */
function keyProblem(env: NodeJS.ProcessEnv, cwd: string): "missing" | string | null {
  const source = set(env.PRIVATE_KEY) ? "PRIVATE_KEY" : set(env.PRIVATE_KEY_PATH) ? "PRIVATE_KEY_PATH" : "a *.pem file";
  let pem: string | null;
  try {
    pem = getPrivateKey({ env: { PRIVATE_KEY: env.PRIVATE_KEY, PRIVATE_KEY_PATH: env.PRIVATE_KEY_PATH }, cwd });
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).replace(/^\[@probot\/get-private-key\]\s*/, "");
    return `the private key from ${source} cannot be read: ${reason.split("\n")[0]}`;
  }
  if (pem === null) return "missing";
  try {
    createPrivateKey(pem);
  } catch {
    return `${source} is not a PEM private key (paste the .pem file GitHub gave, or point PRIVATE_KEY_PATH at it)`;
  }
  return null;
}

export function checkStartup(env: NodeJS.ProcessEnv, cwd: string): StartupReport {
  const production = env.NODE_ENV === "production";
  const problems: string[] = [];
  const warnings: string[] = [];
  const unsafe = (what: string) => (production ? problems : warnings).push(what);

  if (!set(env.APP_ID)) {
    if (production) problems.push("APP_ID is not set");
  } else if (!/^[1-9]\d*$/.test(env.APP_ID.trim())) {
    problems.push("APP_ID is not a number (the App's id from its settings page)");
  }

  const key = keyProblem(env, cwd);
  if (key === "missing") {
    if (production) problems.push("no private key: set PRIVATE_KEY or PRIVATE_KEY_PATH");
  } else if (key) {
    problems.push(key);
  }

  // Several instances share locks through REDIS_URL: a malformed one must not start an instance alone.
  problems.push(...redisSettings(env).problems);

  problems.push(...metricsSettings(env).problems);

  // Without an id or a key (outside production) Probot serves its setup page, which writes the secret.
  const setupPage = !production && (!set(env.APP_ID) || key === "missing");
  if (setupPage) return { problems, warnings };
  if (!set(env.WEBHOOK_SECRET)) {
    unsafe("WEBHOOK_SECRET is not set, so deliveries would be checked against Probot's public default secret");
  } else if (env.WEBHOOK_SECRET === PROBOT_DEFAULT_SECRET) {
    unsafe(`WEBHOOK_SECRET is Probot's public default "${PROBOT_DEFAULT_SECRET}": anyone could sign deliveries`);
  }
  return { problems, warnings };
}

/**
 * METRICS_PORT: serve Prometheus metrics on that port (off when unset). METRICS_TOKEN: require it as a
 * bearer token. The port must differ from the webhook server's (PORT, default 3000).
 */
export function metricsSettings(env: NodeJS.ProcessEnv): {
  settings: { port: number; token?: string } | null;
  problems: string[];
} {
  if (!set(env.METRICS_PORT)) return { settings: null, problems: [] };
  const port = Number(env.METRICS_PORT.trim());
  if (!/^\d+$/.test(env.METRICS_PORT.trim()) || port < 1 || port > 65535)
    return { settings: null, problems: ["METRICS_PORT is not a port number (1-65535)"] };
  if (port === Number(env.PORT || 3000))
    return { settings: null, problems: ["METRICS_PORT must differ from the webhook server's PORT"] };
  const token = env.METRICS_TOKEN?.trim();
  return { settings: { port, ...(token ? { token } : {}) }, problems: [] };
}
