import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { type ClientTuning, resilienceOptions } from "../src/github/client.js";
import { createGitHubPort } from "../src/github/octokit-port.js";
import type { GitHubPort } from "../src/github/port.js";

/**
 * The Action's GitHub port: @actions/github's Octokit (it honours the runner's proxy settings) with the
 * project's retry and throttling options. The base URL is passed explicitly so GHES and test doubles
 * work whatever was set at import time.
 */
export function createActionPort(
  token: string,
  apiUrl: string,
  tuning: ClientTuning = {},
): { port: GitHubPort; requests: () => number } {
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
  return { port: createGitHubPort(client), requests: () => requests };
}
