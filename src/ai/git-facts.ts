/**
 * PullRequestFacts from a local git checkout. Pure: the CLI runs git and passes the text in.
 *
 *   git rev-parse --abbrev-ref HEAD                      -> branch (GIT_BRANCH_ARGS)
 *   git log -z --reverse --format=<GIT_LOG_FORMAT> base..HEAD   (gitLogArgs(base))
 *
 * Fields are separated by US (0x1f) and commits by NUL (`-z`), so messages with newlines, colons or
 * tabs parse safely. A field can never contain NUL (git forbids it in messages and identities).
 */
import type { CommitFacts, PullRequestFacts } from "../types.js";

const FIELD = "\u001f";
const RECORD = "\u0000";

/** sha, author name, author email, committer name, committer email, raw message. */
export const GIT_LOG_FORMAT = "%H%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%B";

/** Arguments for `git` that list the commits of `base..head`, oldest first (as GitHub lists them). */
export function gitLogArgs(base: string, head = "HEAD"): string[] {
  return ["log", "-z", "--reverse", "--no-color", `--format=${GIT_LOG_FORMAT}`, `${base}..${head}`];
}

/** Arguments for `git` that print the current branch ("HEAD" when detached). */
export const GIT_BRANCH_ARGS = ["rev-parse", "--abbrev-ref", "HEAD"] as const;

/** Upper bound on commits parsed: detection looks at no more than this anyway. */
const MAX_COMMITS = 1_000;

/** Parses `git log -z --format=GIT_LOG_FORMAT` output. Malformed records are skipped, never thrown. */
export function parseGitLog(text: string): CommitFacts[] {
  const commits: CommitFacts[] = [];
  if (!text) return commits;
  for (const record of text.split(RECORD)) {
    if (commits.length >= MAX_COMMITS) break;
    // git separates records with NUL; a leading newline appears with some git versions/pagers.
    const trimmed = record.replace(/^\n+/, "");
    if (!trimmed) continue;
    const parts = trimmed.split(FIELD);
    if (parts.length < 6) continue;
    const [sha, authorName, authorEmail, committerName, committerEmail] = parts;
    // The message is everything after the fifth separator (it cannot contain US in practice, but be safe).
    const message = parts.slice(5).join(FIELD).replace(/\n+$/, "");
    if (!/^[0-9a-f]{7,64}$/i.test(sha!.trim())) continue;
    commits.push({
      sha: sha!.trim(),
      message,
      author_name: authorName || null,
      author_email: authorEmail || null,
      committer_name: committerName || null,
      committer_email: committerEmail || null,
    });
  }
  return commits;
}

/** Output of `git rev-parse --abbrev-ref HEAD` to a branch name, or null when detached/empty. */
export function parseBranch(text: string | null | undefined): string | null {
  const branch = (text ?? "").trim();
  if (!branch || branch === "HEAD") return null;
  return branch.startsWith("refs/heads/") ? branch.slice("refs/heads/".length) : branch;
}

export interface GitFactsInput {
  /** Output of `git rev-parse --abbrev-ref HEAD` (or a branch name from CI, e.g. GITHUB_HEAD_REF). */
  branch?: string | null;
  /** Output of `git <gitLogArgs(base)>`. */
  log: string;
  /** Base branch name, if known. */
  base?: string | null;
}

/**
 * PR facts for detection from git alone. There is no PR author, title, body or labels; commit
 * subjects are still checked for tool-written prefixes, so nothing is lost by leaving the title empty
 * (copying the first subject there would count the same text twice).
 */
export function pullRequestFactsFromGit(input: GitFactsInput): PullRequestFacts {
  const commits = parseGitLog(input.log);
  return {
    head_ref: parseBranch(input.branch),
    base_ref: input.base ?? null,
    title: null,
    body: null,
    commits,
    labels: [],
  };
}
