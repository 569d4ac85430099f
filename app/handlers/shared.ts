import { describeApiError, type GitHubClient, type RepoRef } from "../../src/github/index.js";
import { apiErrorCheck, checkRequest } from "../gate/check-run.js";
import { upsertCheck } from "../gate/github-io.js";

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
 * Fail closed: when the gate cannot be evaluated, the known run (or a new one: the newest run of the
 * name is the one GitHub uses) turns `failure` with the reason; the next evaluation updates every run. If even that write fails, the error
 * propagates so the delivery shows as failed and can be redelivered.
 */
export async function failClosed(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  error: unknown,
  what: string,
  detailsUrl: string | null,
  log: Log,
  checkRunId?: number,
): Promise<void> {
  const reason = describeApiError(error, what);
  log.error(`ai-review-gate: ${reason}`);
  await upsertCheck(client, repo, sha, checkRunId, checkRequest(apiErrorCheck(reason), detailsUrl));
}
