/**
 * Probot 14's throttle settings log a secondary rate limit and give up, so a reviewer's tick made while
 * GitHub throttles the App would be lost (the check fails closed and the tick is reverted). Each
 * delivery's client therefore waits out `retry-after` and tries again, a bounded number of times with a
 * bounded wait; past that the error propagates and the gate fails closed as before.
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

export interface SecondaryRetryOptions {
  /** Retries after the first failure (default 2). */
  retries?: number;
  /** Longest `retry-after` worth waiting for, in seconds (default 60). */
  maxWaitSeconds?: number;
  /** Multiplies every wait; tests make it small (default 1). */
  waitScale?: number;
  warn?: (message: string) => void;
  /** Told of each wait before it starts (the delivery's log line and metrics count them). */
  onWait?: (seconds: number) => void;
}

/** Seconds to wait when `error` is a secondary rate limit, else null. */
export function secondaryRateLimitWait(error: unknown): number | null {
  const e = error as { status?: number; message?: string; response?: { headers?: Record<string, string> } };
  if (e?.status !== 403 && e?.status !== 429) return null;
  const headers = e.response?.headers ?? {};
  const secondary = /secondary rate limit/i.test(e.message ?? "") || headers["retry-after"] !== undefined;
  if (!secondary || headers["x-ratelimit-remaining"] === "0") return null; // the primary limit is not ours to wait out
  const seconds = Number(headers["retry-after"] ?? 60);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 60;
}

const wrapped = new WeakSet<object>();

export function retrySecondaryRateLimits<T extends HookedClient>(client: T, options: SecondaryRetryOptions = {}): T {
  if (wrapped.has(client)) return client;
  wrapped.add(client);
  const retries = options.retries ?? 2;
  const maxWait = options.maxWaitSeconds ?? 60;
  const scale = options.waitScale ?? 1;
  client.hook.wrap("request", async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (e) {
        const wait = secondaryRateLimitWait(e);
        if (wait === null || attempt >= retries || wait > maxWait) throw e;
        options.warn?.(`secondary rate limit: retrying in ${wait} s (attempt ${attempt + 1} of ${retries})`);
        options.onWait?.(wait);
        await new Promise((resolve) => setTimeout(resolve, wait * 1000 * scale));
      }
    }
  });
  return client;
}
