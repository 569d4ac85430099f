import { fetchPull, type GitHubClient } from "../../src/github/index.js";
import { looksLikeChecklist, parseBody, soleStateLine } from "../gate/checklist-comment.js";
import { evaluate, type GateEnv, type GatePull } from "../gate/evaluate.js";
import { type IssueComment, isOwnComment } from "../gate/github-io.js";
import { decodeStateLine } from "../gate/state.js";
import { failClosed, type Log, type RepoPayload, repoOf } from "./shared.js";

export interface CommentDeletedPayload extends RepoPayload {
  comment: IssueComment;
  issue: { number: number; pull_request?: unknown };
  sender: { login: string };
}

/** A deleted checklist is recreated with no ticks: deleting it can only make the gate block again. */
export async function onCommentDeleted(
  env: GateEnv,
  client: GitHubClient,
  payload: CommentDeletedPayload,
  log: Log,
): Promise<void> {
  if (!payload.issue.pull_request) return;
  const { botLogin } = await env.identity();
  if (!isOwnComment(payload.comment, botLogin) || !looksLikeChecklist(payload.comment.body)) return;
  const repo = repoOf(payload);
  const number = payload.issue.number;
  let pull: GatePull | null = null;
  try {
    pull = (await fetchPull(client, { ...repo, pull_number: number })) as GatePull;
    if (pull.state !== "open") return;
    const line = soleStateLine(parseBody(payload.comment.body ?? ""));
    const old = line ? decodeStateLine(line, env.key, { repo: payload.repository.id, pr: number }) : null;
    const at = env.now().toISOString();
    await evaluate(env, {
      client,
      repo,
      repoId: payload.repository.id,
      pull,
      dropTicks: true,
      carryAudit: old?.ok ? old.state.audit : [],
      notes: [
        `The checklist comment was deleted by @${payload.sender.login}; it was recreated and every earlier tick is void.`,
      ],
      audit: [
        { at, sha: pull.head.sha, kind: "recreated", by: payload.sender.login, note: "checklist comment deleted" },
      ],
    });
  } catch (e) {
    if (!pull) throw e;
    await failClosed(
      client,
      repo,
      pull.head.sha,
      e,
      `recreating the checklist on PR #${number}`,
      pull.html_url ?? null,
      log,
      env,
    );
  }
}
