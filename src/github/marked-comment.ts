import type { CommentRecord, GitHubPort, PullRef } from "./port.js";

/** A comment as the pull request context lists it: `mine` when the token's own identity wrote it. */
export interface KnownComment {
  id: number;
  body: string;
  mine: boolean;
}

export interface MarkedCommentResult {
  action: "created" | "updated" | "unchanged";
  id: number;
  /** Duplicates (from concurrent runs) that were deleted. */
  deleted: number;
}

function sameBody(a: string, b: string): boolean {
  return a.replace(/\r\n/g, "\n").trimEnd() === b.replace(/\r\n/g, "\n").trimEnd();
}

// Comment ids grow with creation, so the lowest id is the oldest comment.
const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

/** The comment a re-run keeps and updates: the oldest the token's identity wrote with `marker`. */
export function markedComment<T extends KnownComment>(known: readonly T[], marker: string): T | undefined {
  return ours(known, marker).sort(byId)[0];
}

function ours<T extends KnownComment>(known: readonly T[], marker: string): T[] {
  return known.filter((c) => c.mine && c.body.includes(marker));
}

/**
 * Create or update the one comment carrying `marker` on a pull request. Only comments the token's
 * identity wrote AND that carry the marker are touched; re-runs update in place, and send nothing when
 * the body is unchanged. Two runs racing to create are reconciled right after creating: the comments
 * changed since shortly before ours are listed again, the oldest is kept (and updated), newer duplicates
 * are deleted. Each run does this, so concurrent runs converge on one comment.
 */
export async function upsertMarkedComment(
  port: Pick<GitHubPort, "upsertComment" | "comments" | "deleteComment">,
  ref: PullRef,
  marker: string,
  body: string,
  known: readonly KnownComment[],
): Promise<MarkedCommentResult> {
  const repo = { owner: ref.owner, repo: ref.repo };
  let deleted = 0;
  const keepOldest = async (ours: Array<{ id: number }>) => {
    const [oldest, ...newer] = [...ours].sort(byId);
    for (const dup of newer) if (await port.deleteComment(repo, dup.id)) deleted++;
    return oldest;
  };

  const keep = await keepOldest(ours(known, marker));
  if (keep) {
    const kept = known.find((c) => c.id === keep.id)!;
    if (sameBody(kept.body, body)) return { action: "unchanged", id: keep.id, deleted };
    const written = await port.upsertComment(repo, { issue: ref.number, id: keep.id }, body);
    return { action: written.id === keep.id ? "updated" : "created", id: written.id, deleted };
  }

  const created = await port.upsertComment(repo, { issue: ref.number }, body);
  // Comments changed since shortly before ours (GitHub's clock): a concurrent run's duplicate is among them.
  const at = Date.parse(created.createdAt);
  const since = new Date((Number.isNaN(at) ? Date.now() : at) - 10 * 60_000).toISOString();
  const listed = await port.comments(repo, ref.number, undefined, since);
  const mine = (c: CommentRecord) => c.author?.login === created.author?.login && c.body.includes(marker);
  const twins = listed.items.filter(mine);
  if (!twins.some((t) => t.id === created.id)) twins.push(created);
  const oldest = (await keepOldest(twins))!;
  if (oldest.id === created.id) return { action: "created", id: oldest.id, deleted };
  await port.upsertComment(repo, { issue: ref.number, id: oldest.id }, body);
  return { action: "updated", id: oldest.id, deleted };
}
