import type { GitHubClient } from "../../src/github/index.js";
import { AUDIT_MARKER, inlineText, looksLikeAudit } from "../gate/checklist-comment.js";
import type { GateEnv, GatePull } from "../gate/evaluate.js";
import { readState } from "../gate/evaluate.js";
import {
  createComment,
  isOwnComment,
  listComments,
  listOwnCheckRuns,
  ownChecklistComments,
} from "../gate/github-io.js";
import { progress } from "../gate/state.js";
import type { Log, RepoPayload } from "./shared.js";
import { repoOf } from "./shared.js";

export interface PullRequestClosedPayload extends RepoPayload {
  pull_request: GatePull & {
    merged?: boolean;
    merged_by?: { login?: string } | null;
    merge_commit_sha?: string | null;
  };
}

/**
 * A PR merged while the gate was not satisfied (an admin bypassed branch protection, or the check was
 * not required) gets a visible audit comment, once.
 */
export async function onPullRequestClosed(
  env: GateEnv,
  client: GitHubClient,
  payload: PullRequestClosedPayload,
  log: Log,
): Promise<void> {
  const pull = payload.pull_request;
  if (!pull.merged) return;
  const repo = repoOf(payload);
  const { appId, botLogin } = await env.identity();
  const runs = await listOwnCheckRuns(client, repo, pull.head.sha, appId);
  const comments = await listComments(client, repo, pull.number);
  const { state } = readState(ownChecklistComments(comments, botLogin), env.key, {
    repo: payload.repository.id,
    pr: pull.number,
  });
  const latest = runs[0];
  const checkOk = latest?.status === "completed" && latest.conclusion === "success";
  const stateOk = !state || state.head !== pull.head.sha || progress(state).satisfied;
  if (!latest && !state) return; // the App never evaluated this PR (installed later)
  if (checkOk && stateOk) return;
  if (comments.some((c) => isOwnComment(c, botLogin) && looksLikeAudit(c.body))) return;
  const by = pull.merged_by?.login ? `@${pull.merged_by.login}` : "someone";
  const missing =
    state && state.head === pull.head.sha
      ? progress(state).missingItems.map((i) => `- ${inlineText(i.text, 200)}`)
      : [];
  const body = [
    AUDIT_MARKER,
    `### ⚠️ Merged without a satisfied AI Review Gate`,
    "",
    `${by} merged this PR at \`${pull.head.sha.slice(0, 7)}\`${pull.merge_commit_sha ? ` (merge commit \`${pull.merge_commit_sha.slice(0, 7)}\`)` : ""} while the **AI Review Gate** check was ${latest ? `\`${latest.conclusion ?? latest.status}\`${latest.output?.title ? `: ${inlineText(latest.output.title, 200)}` : ""}` : "missing"}.`,
    ...(missing.length > 0 ? ["", "Unticked items:", ...missing] : []),
    "",
    "Branch protection was bypassed or does not require the check; see docs/app.md (protect).",
  ].join("\n");
  await createComment(client, repo, pull.number, body);
  log.warn(`ai-review-gate: ${repo.owner}/${repo.repo}#${pull.number} merged with the gate unsatisfied`);
}
