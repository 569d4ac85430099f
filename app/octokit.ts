import { ProbotOctokit } from "probot";
import { waitOutRateLimit } from "../src/github/client.js";

/**
 * The App's Octokit class, for every Probot that runs the App (`app/server.ts`, `app/lambda.ts`, or a
 * custom server's `new Probot({ Octokit: GateOctokit })`). It is Probot's own (retry, throttling, and
 * with REDIS_URL the throttling clustered in Redis, which Probot sets up and this keeps), except for
 * secondary rate limits: Probot 14 logs them and gives up, so a reviewer's tick made while GitHub
 * throttles the App would be lost (the check fails closed and the tick is reverted). Here they are
 * waited out, twice at most and for a minute at most; past that the error propagates and the gate
 * fails closed as before. Primary rate limits keep Probot's handling.
 */
export const SECONDARY_RATE_LIMIT = { retries: 2, maxWaitSeconds: 60 };

const waitListeners = new WeakMap<object, (seconds: number) => void>();

/**
 * Tells `listener` of each secondary rate limit that `octokit` (a GateOctokit) waits out: Probot makes
 * one Octokit per delivery, so the delivery's log line and metrics count its own waits.
 */
export function onRateLimitWait(octokit: object, listener: (seconds: number) => void): void {
  waitListeners.set(octokit, listener);
}

const waitOutSecondary = waitOutRateLimit("secondary rate limit", SECONDARY_RATE_LIMIT);

export const GateOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: {
    ...(options.throttle as object | undefined),
    onSecondaryRateLimit: (
      retryAfter: number,
      request: { method?: string; url?: string },
      octokit: object,
      retryCount: number,
    ) => {
      const retry = waitOutSecondary(retryAfter, request, octokit, retryCount);
      if (retry) waitListeners.get(octokit)?.(retryAfter);
      return retry;
    },
  },
}));
