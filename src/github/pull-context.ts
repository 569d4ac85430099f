import type { Octokit } from "@octokit/rest";
import type { RepoRef } from "./client.js";
import type { ApiCommit } from "./facts.js";
import { MAX_PULL_COMMITS } from "./fetch.js";

/** Clients that can also run GraphQL queries (every Octokit flavour can). */
export type GraphQLClient = Pick<Octokit, "request" | "graphql">;

/** A PR comment as the sticky-comment logic needs it. */
export interface PullComment {
  id: number;
  body: string;
  /** True when the token's own identity wrote it: only those comments are ever edited or deleted. */
  mine: boolean;
  createdAt: string;
}

export interface PullContext {
  /** Config text at the base commit; null when the file does not exist there. */
  configText: string | null;
  /** Why the config could not be read as text (a directory, a binary blob); null otherwise. */
  configProblem: string | null;
  commits: ApiCommit[];
  /** Labels on the PR now (fresher than a re-run's event payload). */
  labels: string[];
  /** Which of the asked-for label names exist in the repository. */
  repoLabels: Set<string>;
  comments: PullComment[];
  requests: number;
}

export interface PullContextQuery extends RepoRef {
  number: number;
  baseSha: string;
  configPath: string;
  /** Repository labels to check for existence (fixed names); names with these prefixes are listed too. */
  labelNames: readonly string[];
  labelPrefixes: readonly string[];
  /** Stop listing comments once one of ours contains this marker (busy PRs have thousands). */
  commentMarker?: string;
}

interface GqlActor {
  login: string;
}
interface GqlCommitNode {
  commit: {
    oid: string;
    message: string;
    author: { name: string | null; email: string | null; user: GqlActor | null } | null;
    committer: { name: string | null; email: string | null; user: GqlActor | null } | null;
  };
}
interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
interface GqlCommentNode {
  databaseId: number;
  body: string;
  viewerDidAuthor: boolean;
  createdAt: string;
}
interface GqlPull {
  labels: { nodes: Array<{ name: string }> };
  commits: { pageInfo: PageInfo; nodes: GqlCommitNode[] };
  comments: { pageInfo: PageInfo; nodes: GqlCommentNode[] };
}

const COMMIT_FIELDS = `pageInfo { hasNextPage endCursor }
  nodes { commit { oid message
    author { name email user { login } }
    committer { name email user { login } } } }`;
const COMMENT_FIELDS = "pageInfo { hasNextPage endCursor } nodes { databaseId body viewerDidAuthor createdAt }";

function mainQuery(q: PullContextQuery): string {
  const labelAliases = q.labelNames.map((_, i) => `l${i}: label(name: $label${i}) { name }`).join("\n    ");
  const prefixAliases = q.labelPrefixes
    .map((_, i) => `p${i}: labels(first: 100, query: $prefix${i}) { nodes { name } }`)
    .join("\n    ");
  const vars = [
    ...q.labelNames.map((_, i) => `$label${i}: String!`),
    ...q.labelPrefixes.map((_, i) => `$prefix${i}: String!`),
  ].join(", ");
  return `query($owner: String!, $repo: String!, $number: Int!, $configExpr: String!${vars ? `, ${vars}` : ""}) {
  repository(owner: $owner, name: $repo) {
    config: object(expression: $configExpr) { __typename ... on Blob { text isBinary } }
    ${labelAliases}
    ${prefixAliases}
    pullRequest(number: $number) {
      labels(first: 100) { nodes { name } }
      commits(first: 100) { ${COMMIT_FIELDS} }
      comments(first: 100) { ${COMMENT_FIELDS} }
    }
  }
}`;
}

const MORE_COMMITS = `query($owner: String!, $repo: String!, $number: Int!, $after: String!) {
  repository(owner: $owner, name: $repo) { pullRequest(number: $number) { commits(first: 100, after: $after) { ${COMMIT_FIELDS} } } }
}`;
const MORE_COMMENTS = `query($owner: String!, $repo: String!, $number: Int!, $after: String!) {
  repository(owner: $owner, name: $repo) { pullRequest(number: $number) { comments(first: 100, after: $after) { ${COMMENT_FIELDS} } } }
}`;

function toApiCommit(n: GqlCommitNode): ApiCommit {
  const c = n.commit;
  return {
    sha: c.oid,
    commit: {
      message: c.message,
      author: { name: c.author?.name ?? null, email: c.author?.email ?? null },
      committer: { name: c.committer?.name ?? null, email: c.committer?.email ?? null },
    },
    author: c.author?.user ? { login: c.author.user.login } : null,
    committer: c.committer?.user ? { login: c.committer.user.login } : null,
  };
}

function toComment(n: GqlCommentNode): PullComment {
  return { id: n.databaseId, body: n.body, mine: n.viewerDidAuthor, createdAt: n.createdAt };
}

/**
 * Everything a run needs besides the patches, in ONE GraphQL request in the common case: the config at
 * the base SHA (never the head), commits (up to 250), the PR's current labels, which of our labels exist in
 * the repository, and the PR's comments (to find the sticky one). Extra pages only for PRs with more than
 * 100 commits or comments.
 */
export async function fetchPullContext(client: GraphQLClient, q: PullContextQuery): Promise<PullContext> {
  const vars: Record<string, string | number> = {
    owner: q.owner,
    repo: q.repo,
    number: q.number,
    configExpr: `${q.baseSha}:${q.configPath.replace(/^\.?\//, "")}`,
  };
  q.labelNames.forEach((name, i) => {
    vars[`label${i}`] = name;
  });
  q.labelPrefixes.forEach((prefix, i) => {
    vars[`prefix${i}`] = prefix;
  });
  type Repo = Record<string, unknown> & {
    config: { __typename: string; text?: string | null; isBinary?: boolean } | null;
    pullRequest: GqlPull | null;
  };
  const data = await client.graphql<{ repository: Repo | null }>(mainQuery(q), vars);
  let requests = 1;
  const repo = data.repository;
  if (!repo?.pullRequest) throw new Error(`pull request ${q.owner}/${q.repo}#${q.number} not found`);
  const pull = repo.pullRequest;

  let configText: string | null = null;
  let configProblem: string | null = null;
  if (repo.config) {
    if (repo.config.__typename !== "Blob")
      configProblem = `${q.configPath} is a ${repo.config.__typename.toLowerCase()}, not a file`;
    else if (repo.config.isBinary || typeof repo.config.text !== "string")
      configProblem = `${q.configPath} is not a text file`;
    else configText = repo.config.text;
  }

  const repoLabels = new Set<string>();
  q.labelNames.forEach((_, i) => {
    const l = repo[`l${i}`] as { name: string } | null | undefined;
    if (l?.name) repoLabels.add(l.name);
  });
  q.labelPrefixes.forEach((prefix, i) => {
    const l = repo[`p${i}`] as { nodes: Array<{ name: string }> } | null | undefined;
    // The label search is fuzzy; keep exact prefix matches only.
    for (const n of l?.nodes ?? []) if (n.name.startsWith(prefix)) repoLabels.add(n.name);
  });

  const commits = pull.commits.nodes.map(toApiCommit);
  let commitPage = pull.commits.pageInfo;
  while (commitPage.hasNextPage && commitPage.endCursor && commits.length < MAX_PULL_COMMITS) {
    const more = await client.graphql<{ repository: { pullRequest: { commits: GqlPull["commits"] } } }>(MORE_COMMITS, {
      owner: q.owner,
      repo: q.repo,
      number: q.number,
      after: commitPage.endCursor,
    });
    requests++;
    commits.push(...more.repository.pullRequest.commits.nodes.map(toApiCommit));
    commitPage = more.repository.pullRequest.commits.pageInfo;
  }

  const comments = pull.comments.nodes.map(toComment);
  let commentPage = pull.comments.pageInfo;
  const found = () => !!q.commentMarker && comments.some((c) => c.mine && c.body.includes(q.commentMarker!));
  while (commentPage.hasNextPage && commentPage.endCursor && !found()) {
    const more = await client.graphql<{ repository: { pullRequest: { comments: GqlPull["comments"] } } }>(
      MORE_COMMENTS,
      { owner: q.owner, repo: q.repo, number: q.number, after: commentPage.endCursor },
    );
    requests++;
    comments.push(...more.repository.pullRequest.comments.nodes.map(toComment));
    commentPage = more.repository.pullRequest.comments.pageInfo;
  }

  return {
    configText,
    configProblem,
    commits: commits.slice(0, MAX_PULL_COMMITS),
    labels: pull.labels.nodes.map((l) => l.name),
    repoLabels,
    comments,
    requests,
  };
}
