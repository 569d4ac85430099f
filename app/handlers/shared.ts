import { describeApiError, type GitHubClient, type RepoRef } from "../../src/github/index.js";
import { apiErrorCheck, checkRequest } from "../gate/check-run.js";
import type { GateEnv } from "../gate/evaluate.js";
import { listOwnCheckRuns, upsertCheck } from "../gate/github-io.js";

export interface RepoPayload {
  repository: { id: number; name: string; owner: { login: string } };
}

export function repoOf(payload: RepoPayload): RepoRef {
  return { owner: payload.repository.owner.login, repo: payload.repository.name };
}

export interface Log {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

/**
 * Fail closed: when the gate cannot be evaluated, the App's run on the head (the known one, else the
 * newest listed, else a new one) turns `failure` with the reason. Reusing the run keeps an outage from
 * multiplying check runs. If even that write fails, the error propagates so the delivery shows as
 * failed and can be redelivered.
 */
export async function failClosed(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  error: unknown,
  what: string,
  detailsUrl: string | null,
  log: Log,
  env: Pick<GateEnv, "identity">,
  checkRunId?: number,
): Promise<void> {
  const reason = describeApiError(error, what);
  log.error(`ai-review-gate: ${reason}`);
  let runId = checkRunId;
  if (runId === undefined) {
    try {
      const { appId } = await env.identity();
      runId = (await listOwnCheckRuns(client, repo, sha, appId))[0]?.id;
    } catch {
      // The API is failing already: a new run still blocks, which is what matters.
    }
  }
  await upsertCheck(client, repo, sha, runId, checkRequest(apiErrorCheck(reason), detailsUrl));
}
