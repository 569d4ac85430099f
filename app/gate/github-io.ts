import type { GitHubClient, RepoRef } from "../../src/github/index.js";
import { statusOf } from "../../src/github/index.js";
import type { AuthorizeDeps } from "./authorize.js";
import { CHECK_NAME, type checkRequest } from "./check-run.js";
import { looksLikeChecklist } from "./checklist-comment.js";
import { CODEOWNERS_PATHS } from "./codeowners.js";

/** The App-specific GitHub calls (comments, check runs, permissions). Every call is one request. */

export interface IssueComment {
  id: number;
  body?: string | null;
  html_url?: string;
  user?: { login?: string | null; type?: string | null } | null;
}

export async function listComments(client: GitHubClient, repo: RepoRef, issue: number): Promise<IssueComment[]> {
  const out: IssueComment[] = [];
  for (let page = 1; page <= 30; page++) {
    const res = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...repo,
      issue_number: issue,
      per_page: 100,
      page,
    });
    const data = res.data as IssueComment[];
    out.push(...data);
    if (data.length < 100 || !/rel="next"/.test(String(res.headers.link ?? ""))) break;
  }
  return out;
}

/** Checklist comments written by this App (a comment by anyone else is never trusted, whatever it says). */
export function ownChecklistComments(comments: readonly IssueComment[], botLogin: string): IssueComment[] {
  return comments.filter((c) => isOwnComment(c, botLogin) && looksLikeChecklist(c.body)).sort((a, b) => a.id - b.id);
}

export function isOwnComment(c: IssueComment, botLogin: string): boolean {
  return c.user?.login === botLogin && c.user?.type === "Bot";
}

export async function getComment(client: GitHubClient, repo: RepoRef, id: number): Promise<IssueComment | null> {
  try {
    const res = await client.request("GET /repos/{owner}/{repo}/issues/comments/{comment_id}", {
      ...repo,
      comment_id: id,
    });
    return res.data as IssueComment;
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}

export async function createComment(
  client: GitHubClient,
  repo: RepoRef,
  issue: number,
  body: string,
): Promise<IssueComment> {
  const res = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...repo,
    issue_number: issue,
    body,
  });
  return res.data as IssueComment;
}

export async function updateComment(client: GitHubClient, repo: RepoRef, id: number, body: string): Promise<void> {
  await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...repo, comment_id: id, body });
}

export async function deleteComment(client: GitHubClient, repo: RepoRef, id: number): Promise<void> {
  try {
    await client.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...repo, comment_id: id });
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
  }
}

export interface CheckRunRef {
  id: number;
  conclusion?: string | null;
  status?: string;
  output?: { title?: string | null } | null;
}

/** This App's AI Review Gate check runs on a commit (normally one). */
export async function listOwnCheckRuns(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  appId: number,
): Promise<CheckRunRef[]> {
  const res = await client.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    ...repo,
    ref: sha,
    check_name: CHECK_NAME,
    app_id: appId,
    filter: "all",
    per_page: 100,
  });
  const runs = (res.data as { check_runs: Array<CheckRunRef & { app?: { id?: number } | null; name?: string }> })
    .check_runs;
  // Filter again client-side: only a run created by this App means anything.
  return runs.filter((r) => r.app?.id === appId && r.name === CHECK_NAME).sort((a, b) => b.id - a.id);
}

type CheckBody = ReturnType<typeof checkRequest>;

export async function createCheck(client: GitHubClient, repo: RepoRef, sha: string, body: CheckBody): Promise<number> {
  const res = await client.request("POST /repos/{owner}/{repo}/check-runs", { ...repo, head_sha: sha, ...body });
  return (res.data as { id: number }).id;
}

export async function updateCheck(client: GitHubClient, repo: RepoRef, id: number, body: CheckBody): Promise<void> {
  await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    ...repo,
    check_run_id: id,
    ...body,
  });
}

/** Update the given run, or create one when it is gone (or was never created). Returns the run id. */
export async function upsertCheck(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  id: number | undefined,
  body: CheckBody,
): Promise<number> {
  if (id !== undefined) {
    try {
      await updateCheck(client, repo, id, body);
      return id;
    } catch (e) {
      if (statusOf(e) !== 404) throw e;
    }
  }
  return createCheck(client, repo, sha, body);
}

export function authorizeDeps(client: GitHubClient, repo: RepoRef): AuthorizeDeps {
  return {
    async permission(login) {
      try {
        const res = await client.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
          ...repo,
          username: login,
        });
        return String((res.data as { permission?: string }).permission ?? "none");
      } catch (e) {
        // Not a collaborator: GitHub answers 404. Anything else propagates (and fails closed upstream).
        if (statusOf(e) === 404) return "none";
        throw e;
      }
    },
    async teamMember(org, teamSlug, login) {
      try {
        const res = await client.request("GET /orgs/{org}/teams/{team_slug}/memberships/{username}", {
          org,
          team_slug: teamSlug,
          username: login,
        });
        return (res.data as { state?: string }).state === "active";
      } catch (e) {
        if (statusOf(e) === 404) return false;
        throw e;
      }
    },
    async profile(login) {
      const res = await client.request("GET /users/{username}", { username: login });
      const d = res.data as { name?: string | null; email?: string | null };
      return { name: d.name ?? null, email: d.email ?? null };
    },
  };
}

/** A file's text at a commit, or null when absent. */
export async function fileAt(client: GitHubClient, repo: RepoRef, path: string, ref: string): Promise<string | null> {
  try {
    const res = await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...repo,
      path,
      ref,
      mediaType: { format: "raw" },
    });
    const data: unknown = res.data;
    if (typeof data === "string") return data;
    if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
    if (data && typeof data === "object" && "content" in data)
      return Buffer.from(String((data as { content?: string }).content ?? ""), "base64").toString("utf8");
    return null;
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}

export async function fetchCodeownersText(client: GitHubClient, repo: RepoRef, ref: string): Promise<string | null> {
  for (const path of CODEOWNERS_PATHS) {
    const text = await fileAt(client, repo, path, ref);
    if (text !== null) return text;
  }
  return null;
}

/** Files changed between two commits, or null when `head` does not simply extend `base` (force push). */
export async function filesBetween(
  client: GitHubClient,
  repo: RepoRef,
  base: string,
  head: string,
): Promise<string[] | null> {
  try {
    const res = await client.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
      ...repo,
      basehead: `${base}...${head}`,
      per_page: 100,
    });
    const d = res.data as {
      status?: string;
      files?: Array<{ filename: string; previous_filename?: string }>;
      total_commits?: number;
    };
    if (d.status !== "ahead" || !d.files || d.files.length >= 300) return null;
    const out: string[] = [];
    for (const f of d.files) {
      out.push(f.filename);
      if (f.previous_filename) out.push(f.previous_filename);
    }
    return out;
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}
