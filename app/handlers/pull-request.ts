import type { GitHubClient } from "../../src/github/index.js";
import { evaluate, type GateEnv, type GatePull } from "../gate/evaluate.js";
import { failClosed, type Log, type RepoPayload, repoOf } from "./shared.js";

export const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.synchronize",
  "pull_request.ready_for_review",
  "pull_request.edited",
  "pull_request.labeled",
  "pull_request.unlabeled",
] as const;

export interface PullRequestPayload extends RepoPayload {
  pull_request: GatePull;
}

/** Every PR change re-evaluates the gate from the API (never from the Action's comment or labels). */
export async function onPullRequest(
  env: GateEnv,
  client: GitHubClient,
  payload: PullRequestPayload,
  log: Log,
): Promise<void> {
  const pull = payload.pull_request;
  if (pull.state && pull.state !== "open") return;
  const repo = repoOf(payload);
  try {
    await evaluate(env, { client, repo, repoId: payload.repository.id, pull });
  } catch (e) {
    await failClosed(client, repo, pull.head.sha, e, `evaluating PR #${pull.number}`, pull.html_url ?? null, log, env);
  }
}
