import { Octokit } from "@octokit/rest";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { retrySecondaryRateLimits, secondaryRateLimitWait } from "../../app/rate-limit.js";

const API = "https://api.github.com";
const SECONDARY = {
  message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
};

describe("secondary rate limits", () => {
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("waits out retry-after and retries", async () => {
    nock.disableNetConnect();
    const scope = nock(API)
      .get("/repos/o/r/pulls/2")
      .reply(403, SECONDARY, { "retry-after": "2" })
      .get("/repos/o/r/pulls/2")
      .reply(200, { number: 2 });
    const warnings: string[] = [];
    const octokit = retrySecondaryRateLimits(new Octokit({ retry: { enabled: false } }), {
      waitScale: 0.001,
      warn: (m) => warnings.push(m),
    });
    const res = await octokit.rest.pulls.get({ owner: "o", repo: "r", pull_number: 2 });
    expect(res.data).toEqual({ number: 2 });
    expect(warnings).toEqual(["secondary rate limit: retrying in 2 s (attempt 1 of 2)"]);
    expect(scope.isDone()).toBe(true);
  });

  it("gives up after the retries, or at once when the wait is too long", async () => {
    nock.disableNetConnect();
    nock(API).get("/repos/o/r/pulls/2").times(3).reply(403, SECONDARY, { "retry-after": "1" });
    const octokit = retrySecondaryRateLimits(new Octokit(), { waitScale: 0.001 });
    await expect(octokit.rest.pulls.get({ owner: "o", repo: "r", pull_number: 2 })).rejects.toMatchObject({
      status: 403,
    });
    nock(API).get("/repos/o/r/pulls/3").once().reply(403, SECONDARY, { "retry-after": "3600" });
    await expect(octokit.rest.pulls.get({ owner: "o", repo: "r", pull_number: 3 })).rejects.toMatchObject({
      status: 403,
    });
  });

  it("tells secondary limits from permission errors and the primary limit", () => {
    const err = (status: number, message: string, headers: Record<string, string> = {}) => ({
      status,
      message,
      response: { headers },
    });
    expect(secondaryRateLimitWait(err(403, SECONDARY.message, { "retry-after": "30" }))).toBe(30);
    expect(secondaryRateLimitWait(err(403, SECONDARY.message))).toBe(60);
    expect(secondaryRateLimitWait(err(403, "Resource not accessible by integration"))).toBeNull();
    expect(
      secondaryRateLimitWait(err(403, "API rate limit exceeded", { "x-ratelimit-remaining": "0", "retry-after": "5" })),
    ).toBeNull();
    expect(secondaryRateLimitWait(err(500, "boom"))).toBeNull();
  });
});
