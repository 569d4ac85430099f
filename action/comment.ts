import { type DigestReading, readDigest } from "../src/format/changes.js";
import type { GitHubClient, RepoRef } from "../src/github/client.js";
import { statusOf } from "../src/github/errors.js";
import type { PullComment } from "../src/github/pull-context.js";

/** Hidden marker that identifies the Action's sticky comment. */
export const COMMENT_MARKER = "<!-- ai-review-gate:action -->";

export interface CommentResult {
  action: "created" | "updated" | "unchanged";
  id: number;
  /** Duplicate sticky comments (from concurrent runs) that were deleted. */
  deleted: number;
  requests: number;
}

interface RestComment {
  id: number;
  body?: string;
  created_at: string;
  user: { login: string } | null;
}

function byAge(a: { createdAt: string; id: number }, b: { createdAt: string; id: number }): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id;
}

function sameBody(a: string, b: string): boolean {
  return a.replace(/\r\n/g, "\n").trimEnd() === b.replace(/\r\n/g, "\n").trimEnd();
}

/** The sticky comment a re-run updates: the oldest one the token's identity wrote with the marker. */
function stickyComment(existing: readonly PullComment[]): PullComment | undefined {
  return existing.filter((c) => c.mine && c.body.includes(COMMENT_MARKER)).sort(byAge)[0];
}

/**
 * The last report's digest, from the sticky comment this run will update. Only a comment the token's
 * identity wrote is read; its body is still hostile (anyone with write access can edit it).
 */
export function previousReport(existing: readonly PullComment[]): DigestReading {
  const sticky = stickyComment(existing);
  return sticky ? readDigest(sticky.body) : { kind: "none" };
}

/**
 * Create or update the one sticky comment. Only comments the token's identity wrote AND that carry the
 * marker are touched. Re-runs update in place (and skip the request when nothing changed). Two runs racing
 * to create are reconciled right after creating: the comments are listed again, the oldest is kept and
 * updated, newer duplicates are deleted. Each run does this, so they converge on one comment.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  ref: RepoRef & { number: number },
  body: string,
  existing: readonly PullComment[],
): Promise<CommentResult> {
  const params = { owner: ref.owner, repo: ref.repo };
  let requests = 0;
  let deleted = 0;
  const deleteComment = async (id: number) => {
    requests++;
    try {
      await client.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...params, comment_id: id });
      deleted++;
    } catch (e) {
      if (statusOf(e) !== 404) throw e; // already deleted by the other run
    }
  };
  const update = async (id: number) => {
    requests++;
    await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
      ...params,
      comment_id: id,
      body,
    });
  };

  const ours = existing.filter((c) => c.mine && c.body.includes(COMMENT_MARKER)).sort(byAge);
  const keep = ours[0];
  if (keep) {
    for (const dup of ours.slice(1)) await deleteComment(dup.id);
    if (sameBody(keep.body, body)) return { action: "unchanged", id: keep.id, deleted, requests };
    await update(keep.id);
    return { action: "updated", id: keep.id, deleted, requests };
  }

  requests++;
  const created = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...params,
    issue_number: ref.number,
    body,
  });
  const me = created.data.user?.login;
  const createdId = Number(created.data.id);
  // Re-list the comments changed since shortly before ours to catch a concurrent run's duplicate.
  const since = new Date(Date.parse(created.data.created_at) - 10 * 60_000).toISOString();
  requests++;
  const listed = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...params,
    issue_number: ref.number,
    since,
    per_page: 100,
  });
  const twins = (listed.data as RestComment[])
    .filter((c) => c.user?.login === me && (c.body ?? "").includes(COMMENT_MARKER))
    .map((c) => ({ id: c.id, createdAt: c.created_at }));
  if (!twins.some((t) => t.id === createdId)) twins.push({ id: createdId, createdAt: created.data.created_at });
  twins.sort(byAge);
  const oldest = twins[0]!;
  for (const t of twins.slice(1)) await deleteComment(t.id);
  if (oldest.id === createdId) return { action: "created", id: oldest.id, deleted, requests };
  await update(oldest.id);
  return { action: "updated", id: oldest.id, deleted, requests };
}
