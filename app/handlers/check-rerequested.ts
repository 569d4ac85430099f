import { fetchPull, type GitHubClient } from "../../src/github/index.js";
import { CHECK_NAME } from "../gate/check-run.js";
import { evaluate, type GateEnv, type GatePull } from "../gate/evaluate.js";
import { failClosed, type Log, type RepoPayload, repoOf } from "./shared.js";

export interface CheckRerequestedPayload extends RepoPayload {
  check_run: {
    id: number;
    name: string;
    head_sha: string;
    app?: { id?: number } | null;
    pull_requests?: Array<{ number: number }>;
  };
}

/** "Re-run" on the check: evaluate every open PR whose head is the run's commit, from scratch. */
export async function onCheckRerequested(
  env: GateEnv,
  client: GitHubClient,
  payload: CheckRerequestedPayload,
  log: Log,
): Promise<void> {
  const run = payload.check_run;
  const { appId } = await env.identity();
  if (run.name !== CHECK_NAME || run.app?.id !== appId) return;
  const repo = repoOf(payload);
  let numbers = (run.pull_requests ?? []).map((p) => p.number);
  try {
    if (numbers.length === 0) {
      // Fork PRs are not listed on the run: ask which PRs have this commit.
      const res = await client.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
        ...repo,
        commit_sha: run.head_sha,
      });
      numbers = (res.data as Array<{ number: number; state?: string }>)
        .filter((p) => p.state === "open")
        .map((p) => p.number);
    }
    for (const number of numbers) {
      const pull = (await fetchPull(client, { ...repo, pull_number: number })) as GatePull;
      if (pull.state !== "open" || pull.head.sha !== run.head_sha) continue;
      await evaluate(env, { client, repo, repoId: payload.repository.id, pull });
    }
  } catch (e) {
    await failClosed(client, repo, run.head_sha, e, "re-running the gate", null, log, env);
  }
}
