import type { RepoRef } from "./client.js";
import type { ApiPullFile } from "./files.js";
import type { PullContext, PullContextQuery } from "./pull-context.js";

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
  /** `owner/name` of the head's repository (a fork's for fork PRs); null when that repository was deleted. */
  headRepo: string | null;
  baseRepo: string;
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
  /** ISO time, GitHub's clock. */
  createdAt: string;
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

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

/** A required status check as rulesets (`integration_id`) and branch protection (`app_id`) pin it. */
export interface RequiredCheck {
  context: string;
  integration_id?: number;
  app_id?: number;
}

export interface Ruleset {
  id: number;
  name: string;
  target?: string;
  enforcement?: string;
  conditions?: { ref_name?: { include?: string[]; exclude?: string[] } };
  rules?: Array<{ type: string; parameters?: { required_status_checks?: RequiredCheck[] } & Record<string, unknown> }>;
}

export type RulesetBody = Omit<Ruleset, "id">;

export interface BranchProtection {
  required_status_checks?: { strict?: boolean; checks?: RequiredCheck[] } | null;
}

export interface BranchProtectionBody {
  required_status_checks: { strict: boolean; checks: RequiredCheck[] };
  enforce_admins: boolean;
  required_pull_request_reviews: null;
  restrictions: null;
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
  /**
   * Issue comments, oldest first, paging until `until` matches one (or all are read); with `since`
   * (ISO time) only those updated at or after it.
   */
  comments(
    repo: RepoRef,
    issue: number,
    until?: (c: CommentRecord) => boolean,
    since?: string,
  ): Promise<Listed<CommentRecord>>;
  /** Update comment `id` (when given and it exists), else create one on the issue. */
  upsertComment(repo: RepoRef, target: { issue: number; id?: number }, body: string): Promise<CommentRecord>;
  /** False when the comment was already gone. */
  deleteComment(repo: RepoRef, id: number): Promise<boolean>;
  permission(repo: RepoRef, login: string): Promise<RepoPermission>;
  teamMember(org: string, team: string, login: string): Promise<boolean>;
  user(login: string): Promise<UserProfile | null>;
  pullsForCommit(repo: RepoRef, sha: string): Promise<CommitPull[]>;
  /** The merge queue of a branch, in queue order. */
  mergeQueue(repo: RepoRef, branch: string): Promise<QueueEntry[]>;

  /** The App's own id and slug (a port over the App's JWT-authenticated client). */
  app(): Promise<{ id: number; slug: string | null }>;

  /**
   * The Action's read of a pull request: config at the base commit, commits, labels, which of the
   * asked-for labels exist, and comments, in one GraphQL request (more only past 100 commits/comments).
   */
  pullContext(query: PullContextQuery): Promise<PullContext>;
  /** False when the label already exists (created meanwhile by a concurrent run). */
  createLabel(repo: RepoRef, label: LabelSpec): Promise<boolean>;
  addLabels(ref: PullRef, names: string[]): Promise<void>;
  /** False when the pull request did not have it. */
  removeLabel(ref: PullRef, name: string): Promise<boolean>;

  defaultBranch(repo: RepoRef): Promise<string>;
  /** The repository's own rulesets (one page of 100); null when rulesets are unavailable to the token or plan. */
  rulesets(repo: RepoRef): Promise<Ruleset[] | null>;
  ruleset(repo: RepoRef, id: number): Promise<Ruleset>;
  /** False when the token or plan cannot create rulesets. */
  createRuleset(repo: RepoRef, body: RulesetBody): Promise<boolean>;
  updateRuleset(repo: RepoRef, id: number, body: RulesetBody): Promise<void>;
  /** Null when the branch is not protected. */
  branchProtection(repo: RepoRef, branch: string): Promise<BranchProtection | null>;
  protectBranch(repo: RepoRef, branch: string, body: BranchProtectionBody): Promise<void>;
  setRequiredChecks(repo: RepoRef, branch: string, checks: RequiredCheck[]): Promise<void>;
}
