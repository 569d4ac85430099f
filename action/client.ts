import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { type ClientTuning, resilienceOptions } from "../src/github/client.js";

/**
 * @actions/github's Octokit (honours the runner's proxy settings) with retry and throttling.
 * The base URL is passed explicitly so GHES and test doubles work whatever was set at import time.
 */
export function createActionClient(token: string, apiUrl: string, tuning: ClientTuning = {}) {
  const log = { warn: (m: string) => core.info(m) };
  const client = getOctokit(
    token,
    {
      baseUrl: apiUrl,
      userAgent: "ai-review-gate-action",
      log: { debug: core.debug, info: core.debug, warn: log.warn, error: core.debug },
      ...resilienceOptions(tuning, log),
    },
    retry,
    throttling,
  );
  let requests = 0;
  // Counted once per HTTP attempt through the hooks: the number reported in the log and the docs' budget.
  client.hook.before("request", () => {
    requests++;
  });
  return { client, requests: () => requests };
}
