import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FakeComment, FakeGitHub, FakeUser } from "../../support/fake-github.js";
import { type WebhookPayload, webhookExample } from "../../support/webhook-examples.js";

/**
 * Webhook payloads in GitHub's real shapes: an example from @octokit/webhooks-examples, with the
 * pull request, comment, repository and sender replaced by the fake's current state. The fake
 * plays GitHub's part: a human editing the checklist in the web UI changes the comment and yields
 * the `issue_comment.edited` payload GitHub would send (with `changes.body.from`).
 */

type Json = WebhookPayload;

export const example = (name: string, action: string): Json => webhookExample(name, action, { installation: true });

function userJson(u: FakeUser): Json {
  return {
    login: u.login,
    id: u.id,
    node_id: `U_${u.id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    url: `https://api.github.com/users/${u.login}`,
    html_url: `https://github.com/${u.login}`,
    type: u.type,
    site_admin: false,
  };
}

function common(fake: FakeGitHub, ex: Json, sender: FakeUser): Json {
  ex.repository = {
    ...ex.repository,
    id: fake.repoId,
    name: fake.repoName,
    full_name: `${fake.owner}/${fake.repoName}`,
  };
  ex.repository.owner = { ...ex.repository.owner, login: fake.owner };
  ex.installation = { id: fake.installationId, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
  ex.sender = userJson(sender);
  return ex;
}

/** Actions @octokit/webhooks-examples has no example of: the same shape as `opened`, another action. */
const LIKE_OPENED = new Set(["edited", "ready_for_review", "unlabeled"]);

export function pullRequestEvent(fake: FakeGitHub, action: string, number: number, sender?: FakeUser): Json {
  const pull = fake.mustPull(number);
  const ex = example("pull_request", LIKE_OPENED.has(action) ? "opened" : action);
  ex.action = action;
  ex.number = number;
  ex.pull_request = { ...ex.pull_request, ...fake.pullJson(pull) };
  if (action === "synchronize") {
    const prev = pull.commits.at(-2)?.sha ?? pull.base.sha;
    ex.before = prev;
    ex.after = pull.head.sha;
  }
  return common(fake, ex, sender ?? pull.user);
}

function issueOf(fake: FakeGitHub, number: number): Json {
  const pull = fake.mustPull(number);
  const base = `https://api.github.com/repos/${fake.owner}/${fake.repoName}`;
  return {
    url: `${base}/issues/${number}`,
    html_url: `https://github.com/${fake.owner}/${fake.repoName}/pull/${number}`,
    id: 444500041 + number,
    node_id: `I_${number}`,
    number,
    title: pull.title,
    user: userJson(pull.user),
    state: pull.state,
    locked: false,
    labels: [],
    assignees: [],
    comments: fake.commentsOn(number).length,
    body: pull.body,
    author_association: "CONTRIBUTOR",
    pull_request: {
      url: `${base}/pulls/${number}`,
      html_url: `https://github.com/${fake.owner}/${fake.repoName}/pull/${number}`,
      diff_url: `https://github.com/${fake.owner}/${fake.repoName}/pull/${number}.diff`,
      patch_url: `https://github.com/${fake.owner}/${fake.repoName}/pull/${number}.patch`,
    },
  };
}

function commentJson(fake: FakeGitHub, c: FakeComment): Json {
  return {
    url: `https://api.github.com/repos/${fake.owner}/${fake.repoName}/issues/comments/${c.id}`,
    html_url: `https://github.com/${fake.owner}/${fake.repoName}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `https://api.github.com/repos/${fake.owner}/${fake.repoName}/issues/${c.issue}`,
    id: c.id,
    node_id: `IC_${c.id}`,
    user: userJson(c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === "Bot" ? "NONE" : "MEMBER",
    body: c.body,
  };
}

/** A person edits a comment in the web UI: the fake's comment changes, GitHub sends `issue_comment.edited`. */
export function humanEdit(fake: FakeGitHub, by: FakeUser, commentId: number, edit: (body: string) => string): Json {
  const c = fake.comments.get(commentId);
  if (!c) throw new Error(`no comment ${commentId}`);
  const from = c.body;
  c.body = edit(from);
  c.updated_at = new Date().toISOString();
  return commentEditedEvent(fake, c, from, by);
}

export function commentEditedEvent(fake: FakeGitHub, c: FakeComment, from: string, by: FakeUser): Json {
  const ex = example("issue_comment", "edited");
  ex.changes = { body: { from } };
  ex.issue = issueOf(fake, c.issue);
  ex.comment = commentJson(fake, c);
  return common(fake, ex, by);
}

/** A person deletes a comment: it is gone from the fake, GitHub sends `issue_comment.deleted`. */
export function humanDelete(fake: FakeGitHub, by: FakeUser, commentId: number): Json {
  const c = fake.comments.get(commentId);
  if (!c) throw new Error(`no comment ${commentId}`);
  fake.comments.delete(commentId);
  const ex = example("issue_comment", "deleted");
  ex.issue = issueOf(fake, c.issue);
  ex.comment = commentJson(fake, c);
  return common(fake, ex, by);
}

export function checkRunRerequested(fake: FakeGitHub, runId: number, by: FakeUser): Json {
  const run = fake.checkRuns.get(runId);
  if (!run) throw new Error(`no check run ${runId}`);
  const ex = example("check_run", "rerequested");
  ex.check_run = {
    ...ex.check_run,
    id: run.id,
    name: run.name,
    head_sha: run.head_sha,
    status: run.status,
    conclusion: run.conclusion,
    app: { ...(ex.check_run.app ?? {}), id: run.app.id, slug: run.app.slug },
    pull_requests: [...fake.pulls.values()]
      .filter((p) => p.head.sha === run.head_sha)
      .map((p) => ({
        id: p.number,
        number: p.number,
        url: "",
        head: { ...p.head, repo: {} },
        base: { ...p.base, repo: {} },
      })),
  };
  return common(fake, ex, by);
}

// ------------------------------------------------------------------ checklist editing helpers

export const ITEM_MARKER = (id: string) => `<!-- ai-review-gate:item ${id} -->`;

/** Flip one item's box as GitHub's task-list click does (only that line changes). */
export function setBox(body: string, id: string, checked: boolean): string {
  const marker = ITEM_MARKER(id);
  return body
    .split("\n")
    .map((line) => (line.endsWith(marker) ? line.replace(/^- \[[ xX]\]/, checked ? "- [x]" : "- [ ]") : line))
    .join("\n");
}

/** Item ids present in a checklist body, in order. */
export function itemIds(body: string): string[] {
  const ids: string[] = [];
  for (const m of body.matchAll(/<!-- ai-review-gate:item ([^ ]+) -->/g)) ids.push(m[1]!);
  return ids;
}

/** Whether an item's line is ticked in the body. */
export function isTicked(body: string, id: string): boolean {
  const line = body.split("\n").find((l) => l.endsWith(ITEM_MARKER(id)));
  return !!line && /^- \[[xX]\]/.test(line);
}

/**
 * What an Actions runner gives the Action for `pull_request.opened` on PR `number` of the fake: a workspace
 * with the event file, empty output and summary files, and the environment naming them.
 */
export function actionRunnerEnv(
  fake: FakeGitHub,
  number: number,
  token: string,
  prefix: string,
): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, "temp"));
  const event = join(dir, "event.json");
  writeFileSync(event, JSON.stringify(pullRequestEvent(fake, "opened", number)));
  writeFileSync(join(dir, "output"), "");
  writeFileSync(join(dir, "summary.md"), "");
  const env = {
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: `${fake.owner}/${fake.repoName}`,
    GITHUB_API_URL: fake.url,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_OUTPUT: join(dir, "output"),
    GITHUB_STEP_SUMMARY: join(dir, "summary.md"),
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: join(dir, "temp"),
    "INPUT_GITHUB-TOKEN": token,
  };
  return { dir, env };
}
