import type { RepoRef } from "./client.js";
import type { ApiPullFile } from "./files.js";

/**
 * The one GitHub port: every read and write the App makes, as domain verbs. One implementation talks
 * to GitHub's REST/GraphQL API (`createGitHubPort`, octokit-port.ts); unit tests use an in-memory
 * fake of this interface. Each verb is one request unless it says it pages. Errors are Octokit
 * request errors (status, message); "absent" answers are values (null, false, "none"), never throws.
 */

export interface Actor {
  id: number;
  login: string;
  /** `User`, `Bot` or `Organization`, as GitHub reports it. */
  type: string;
}

export interface PullRef extends RepoRef {
  number: number;
}

export interface PullSnapshot {
  number: number;
  state: "open" | "closed";
  merged: boolean;
  title: string;
  body: string;
  htmlUrl: string;
  author: Actor | null;
  head: { sha: string; ref: string };
  base: { sha: string; ref: string };
  labels: string[];
  assignees: Actor[];
  /** GitHub's own totals; the lists below stop at 3,000 files and 250 commits. */
  changedFiles: number;
  commits: number;
}

/** A list as far as it was read; `truncated` when GitHub has more than it lists or than was asked for. */
export interface Listed<T> {
  items: T[];
  truncated: boolean;
}

export interface CommitPerson {
  name: string | null;
  email: string | null;
  /** The GitHub account the address belongs to, when GitHub could tell. */
  user: Actor | null;
}

export interface PullCommit {
  sha: string;
  message: string;
  author: CommitPerson;
  committer: CommitPerson;
}

export interface Comparison {
  /** `ahead` when head simply extends base; `behind`, `diverged` or `identical` otherwise. */
  status: string;
  files: string[];
  /** More files changed than the comparison lists. */
  truncated: boolean;
}

export type CheckConclusion = "success" | "failure" | "action_required" | "neutral";

export interface CheckRunRecord {
  id: number;
  headSha: string;
  name: string;
  appId: number | null;
  status: string;
  conclusion: string | null;
  title: string;
  summary: string;
  text: string;
  externalId: string;
}

export interface CheckRunBody {
  name: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  text?: string;
  externalId?: string;
  detailsUrl?: string | null;
}

export interface CommentRecord {
  id: number;
  body: string;
  author: Actor | null;
  htmlUrl: string;
}

export type RepoPermission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

/** A pull request that contains a commit (GitHub's "list pull requests associated with a commit"). */
export interface CommitPull {
  number: number;
  state: "open" | "closed";
  headSha: string;
  baseRef: string;
}

export interface QueueEntry {
  position: number;
  /** The merge group commit of this entry (it includes every entry ahead of it). */
  headSha: string | null;
  pull: { number: number; headSha: string; baseRef: string } | null;
}

export interface UserProfile extends Actor {
  name: string | null;
  email: string | null;
}

/**
 * A file on a repository's default branch: its text and blob SHA (with the ETag to ask again
 * conditionally), `unchanged` when the ETag still matches, or what is missing.
 */
export type DefaultBranchFile =
  | { status: "found"; text: string; blobSha: string; etag: string | null }
  | { status: "unchanged" }
  /** The repository is readable but has no file at that path on its default branch. */
  | { status: "no-file"; branch: string }
  /** No such repository, or this token cannot read it (GitHub answers 404 to both). */
  | { status: "no-repository" }
  | { status: "unreadable"; reason: string };

export interface GitHubPort {
  /** The pull request as it is now. */
  pull(ref: PullRef): Promise<PullSnapshot>;
  /** Changed files with patches (pages of 100, at most 3,000). */
  pullFiles(ref: PullRef): Promise<Listed<ApiPullFile>>;
  /** Commits, oldest first (pages of 100, at most 250). */
  pullCommits(ref: PullRef): Promise<Listed<PullCommit>>;
  /** A file's text at a commit; null when there is no such file. */
  fileAt(repo: RepoRef, path: string, ref: string): Promise<string | null>;
  /**
   * A file on another (or this) repository's default branch. With `etag`, GitHub answers 304 when the
   * file is unchanged (not counted against the rate limit). A 404 costs one more request, to tell a
   * missing file from a repository that cannot be read.
   */
  fileOnDefaultBranch(repo: RepoRef, path: string, etag?: string | null): Promise<DefaultBranchFile>;
  /** Files changed from `base` to `head`; null when either commit is unknown. */
  compare(repo: RepoRef, base: string, head: string): Promise<Comparison | null>;
  /** Check runs of one name created by one App on a commit, newest first. */
  checkRuns(repo: RepoRef, sha: string, filter: { name: string; appId: number }): Promise<CheckRunRecord[]>;
  /** Update run `id` (when given and it exists), else create one on `sha`. Returns the run's id. */
  upsertCheckRun(repo: RepoRef, target: { sha: string; id?: number }, body: CheckRunBody): Promise<number>;
  comment(repo: RepoRef, id: number): Promise<CommentRecord | null>;
  /** Issue comments, oldest first, paging until `until` matches one (or all are read). */
  comments(repo: RepoRef, issue: number, until?: (c: CommentRecord) => boolean): Promise<Listed<CommentRecord>>;
  /** Update comment `id` (when given and it exists), else create one on the issue. */
  upsertComment(repo: RepoRef, target: { issue: number; id?: number }, body: string): Promise<CommentRecord>;
  deleteComment(repo: RepoRef, id: number): Promise<void>;
  permission(repo: RepoRef, login: string): Promise<RepoPermission>;
  teamMember(org: string, team: string, login: string): Promise<boolean>;
  user(login: string): Promise<UserProfile | null>;
  pullsForCommit(repo: RepoRef, sha: string): Promise<CommitPull[]>;
  /** The merge queue of a branch, in queue order. */
  mergeQueue(repo: RepoRef, branch: string): Promise<QueueEntry[]>;
}
