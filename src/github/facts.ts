import type { CommitFacts, PullRequestFacts } from "../types.js";

/** The fields of a pull request (webhook payload or REST response) the engine reads. */
export interface ApiPull {
  number: number;
  title?: string | null;
  body?: string | null;
  user?: { login?: string | null; type?: string | null } | null;
  head?: { ref?: string | null; sha?: string | null } | null;
  base?: { ref?: string | null; sha?: string | null } | null;
  labels?: ReadonlyArray<{ name?: string | null } | string> | null;
  assignees?: ReadonlyArray<{ login?: string | null } | null> | null;
}

/** One item of "list commits on a pull request". */
export interface ApiCommit {
  sha: string;
  commit: {
    message: string;
    author?: { name?: string | null; email?: string | null } | null;
    committer?: { name?: string | null; email?: string | null } | null;
  };
  author?: { login?: string | null } | null;
  committer?: { login?: string | null } | null;
}

function labelName(l: { name?: string | null } | string): string | null {
  return typeof l === "string" ? l : (l.name ?? null);
}

export function commitFactsFromApi(c: ApiCommit): CommitFacts {
  return {
    sha: c.sha,
    message: c.commit.message,
    author_name: c.commit.author?.name ?? null,
    author_email: c.commit.author?.email ?? null,
    author_login: c.author?.login ?? null,
    committer_name: c.commit.committer?.name ?? null,
    committer_email: c.commit.committer?.email ?? null,
    committer_login: c.committer?.login ?? null,
  };
}

/** Pull request facts for AI detection and the rules, from the API's pull request and its commits. */
export function prFactsFromApi(pull: ApiPull, commits: readonly ApiCommit[]): PullRequestFacts {
  return {
    number: pull.number,
    author_login: pull.user?.login ?? null,
    author_type: pull.user?.type ?? null,
    head_ref: pull.head?.ref ?? null,
    base_ref: pull.base?.ref ?? null,
    title: pull.title ?? null,
    body: pull.body ?? null,
    labels: (pull.labels ?? []).map(labelName).filter((n): n is string => !!n),
    assignees: (pull.assignees ?? []).map((a) => a?.login).filter((n): n is string => !!n),
    commits: commits.map(commitFactsFromApi),
  };
}
