import { fetchPull, type GitHubClient } from "../../src/github/index.js";
import { type CheckOutput, checkRequest } from "../gate/check-run.js";
import type { GateEnv, GatePull } from "../gate/evaluate.js";
import { createCheck, listOwnCheckRuns } from "../gate/github-io.js";
import { failClosed, type Log, type RepoPayload, repoOf } from "./shared.js";

export interface MergeGroupPayload extends RepoPayload {
  merge_group: { head_sha: string; head_ref: string; base_sha?: string };
}

/** GitHub names queue branches `gh-readonly-queue/<base>/pr-<number>-<sha>`. */
export function queuedPullNumber(headRef: string): number | null {
  const m = /(?:^|\/)pr-(\d+)-[0-9a-f]{7,64}$/.exec(headRef);
  return m ? Number(m[1]) : null;
}

/**
 * A merge queue entry gets the gate's result for the queued PR: success only when this App's own
 * check on the PR head is success (the run only this App can write), failure otherwise.
 */
export async function onMergeGroup(
  env: GateEnv,
  client: GitHubClient,
  payload: MergeGroupPayload,
  log: Log,
): Promise<void> {
  const group = payload.merge_group;
  const repo = repoOf(payload);
  try {
    const { appId } = await env.identity();
    const number = queuedPullNumber(group.head_ref);
    let output: CheckOutput;
    if (number === null) {
      output = {
        conclusion: "failure",
        title: "cannot tell which PR this merge group holds",
        summary: `The queue branch \`${group.head_ref}\` does not name a PR, so the gate cannot vouch for it.`,
      };
    } else {
      const pull = (await fetchPull(client, { ...repo, pull_number: number })) as GatePull;
      const runs = await listOwnCheckRuns(client, repo, pull.head.sha, appId);
      const latest = runs[0];
      const ok = latest?.status === "completed" && latest.conclusion === "success";
      output = ok
        ? {
            conclusion: "success",
            title: `PR #${number}: ${latest?.output?.title ?? "gate satisfied"}`,
            summary: `The AI Review Gate passed on PR #${number} at \`${pull.head.sha.slice(0, 7)}\`.`,
          }
        : {
            conclusion: "failure",
            title:
              `PR #${number} has not passed the AI Review Gate${latest?.output?.title ? `: ${latest.output.title}` : ""}`.slice(
                0,
                240,
              ),
            summary: `The gate on PR #${number} at \`${pull.head.sha.slice(0, 7)}\` is ${latest ? `${latest.conclusion ?? latest.status}` : "missing"}; the queue entry cannot merge.`,
          };
    }
    await createCheck(client, repo, group.head_sha, checkRequest(output, null));
  } catch (e) {
    await failClosed(client, repo, group.head_sha, e, "checking the merge group", null, log, env);
  }
}
