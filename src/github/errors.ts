/** Helpers to read Octokit's RequestError without depending on its class (several copies may be bundled). */

interface RequestErrorLike {
  status: number;
  message: string;
  request?: { method?: string; url?: string };
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

export function isRequestError(e: unknown): e is RequestErrorLike {
  return typeof e === "object" && e !== null && typeof (e as { status?: unknown }).status === "number";
}

export function statusOf(e: unknown): number | undefined {
  return isRequestError(e) ? e.status : undefined;
}

/**
 * True for the token lacking a permission: GitHub answers 403 "Resource not accessible by integration"
 * (GITHUB_TOKEN on fork pull requests, or a `permissions:` block without the scope), or 404 on writes
 * for tokens that cannot see the resource. Rate limits are 403 too, but say so in the message.
 */
export function isPermissionError(e: unknown): boolean {
  if (!isRequestError(e)) return false;
  if (e.status !== 403) return false;
  const text = `${e.message} ${JSON.stringify(e.response?.data ?? "")}`;
  if (/rate limit/i.test(text)) return false;
  return true;
}

/** One line for logs and reports: what failed, the HTTP status and GitHub's message. */
export function describeApiError(e: unknown, what: string): string {
  if (isRequestError(e)) {
    const req = e.request ? ` (${e.request.method ?? "GET"} ${redactUrl(e.request.url ?? "")})` : "";
    const msg = e.message.split("\n")[0]?.slice(0, 300);
    return `${what} failed: HTTP ${e.status} ${msg}${req}`;
  }
  return `${what} failed: ${e instanceof Error ? e.message : String(e)}`;
}

function redactUrl(url: string): string {
  // Query strings never carry tokens here, but keep logs short and stable.
  const i = url.indexOf("?");
  return i === -1 ? url : url.slice(0, i);
}
