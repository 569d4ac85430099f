import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";

/**
 * The one method of Octokit the fetch helpers use. Every Octokit flavour in this project (@octokit/rest,
 * @actions/github's getOctokit, Probot's context.octokit) shares @octokit/core's `request`.
 */
export type GitHubClient = Pick<Octokit, "request">;

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ClientTuning {
  /** Retries for 5xx and network errors before the error is reported (default 3). */
  retries?: number;
  /** Base delay multiplier in ms for retries and rate-limit waits (default 1000; tests use 1). */
  retryAfterBaseValue?: number;
  /** Throttling spaces writes about 1 s apart and waits out rate limits; tests may turn it off. */
  throttle?: boolean;
  /** Longest rate-limit wait (seconds) the client sits out before giving up (default 120). */
  maxRateLimitWait?: number;
}

export interface ClientLog {
  warn(message: string): void;
}

export interface RateLimitPolicy {
  /** Waits sat out before the error propagates. */
  retries: number;
  /** Longest wait (seconds) worth sitting out; past it the error propagates at once. */
  maxWaitSeconds: number;
}

/**
 * A rate-limit callback for @octokit/plugin-throttling: wait out `retry-after` a bounded number of
 * times with a bounded wait, then let the error propagate to the caller (never swallowed). `log`
 * defaults to the client's own logger.
 */
export function waitOutRateLimit(kind: string, policy: RateLimitPolicy, log?: ClientLog) {
  return (
    retryAfter: number,
    options: { method?: string; url?: string },
    octokit: { log?: ClientLog } | unknown,
    retryCount: number,
  ): boolean => {
    const warn = (m: string) => (log ?? (octokit as { log?: ClientLog }).log ?? console).warn(m);
    const what = `${options.method ?? "GET"} ${options.url ?? ""}`;
    if (retryCount < policy.retries && retryAfter <= policy.maxWaitSeconds) {
      warn(
        `GitHub ${kind} hit for ${what}; retrying in ${retryAfter}s (attempt ${retryCount + 1} of ${policy.retries})`,
      );
      return true;
    }
    warn(`GitHub ${kind} hit for ${what}; giving up (retry after ${retryAfter}s)`);
    return false;
  };
}

/**
 * Options for @octokit/plugin-retry and @octokit/plugin-throttling: transient errors are retried
 * and rate limits waited out once, then the error propagates to the caller (never swallowed).
 */
export function resilienceOptions(tuning: ClientTuning = {}, log: ClientLog = console) {
  const policy = { retries: 1, maxWaitSeconds: tuning.maxRateLimitWait ?? 120 };
  return {
    retry: { retries: tuning.retries ?? 3, retryAfterBaseValue: tuning.retryAfterBaseValue ?? 1000 },
    throttle: {
      enabled: tuning.throttle ?? true,
      retryAfterBaseValue: tuning.retryAfterBaseValue ?? 1000,
      onRateLimit: waitOutRateLimit("rate limit", policy, log),
      onSecondaryRateLimit: waitOutRateLimit("secondary rate limit", policy, log),
    },
  };
}

export const ResilientOctokit = Octokit.plugin(retry, throttling);
export type ResilientOctokit = InstanceType<typeof ResilientOctokit>;

export interface CreateClientOptions {
  auth: string;
  /** `https://api.github.com` by default; GHES: `https://HOST/api/v3`. */
  baseUrl?: string;
  userAgent?: string;
  tuning?: ClientTuning;
  log?: ClientLog;
}

/** An @octokit/rest client with retry and throttling configured (for the CLI, scripts and tests). */
export function createClient(opts: CreateClientOptions): ResilientOctokit {
  const log = opts.log ?? console;
  return new ResilientOctokit({
    auth: opts.auth,
    baseUrl: opts.baseUrl ?? "https://api.github.com",
    userAgent: opts.userAgent ?? "ai-review-gate",
    // Request failures surface as thrown errors the caller reports; the per-request log is only noise.
    log: { debug: () => {}, info: () => {}, warn: (m: string) => log.warn(m), error: () => {} },
    ...resilienceOptions(opts.tuning, log),
  });
}
