import nock from "nock";

/**
 * A stateful GitHub API double for one pull request, served through nock: the GraphQL context query,
 * the paginated files endpoint, and the comment and label writes. Every answered request is logged so
 * tests can count them against the API budget.
 */

export interface DoubleComment {
  id: number;
  body: string;
  login: string;
  createdAt: string;
}

export interface DoubleCommit {
  sha: string;
  message: string;
  authorName?: string;
  authorEmail?: string;
  authorLogin?: string | null;
}

export interface DoubleFile {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  patch?: string;
  previous_filename?: string;
}

export interface World {
  owner: string;
  repo: string;
  number: number;
  baseSha: string;
  headSha: string;
  /** Config files by `${sha}:${path}`. */
  blobs: Record<string, string>;
  commits: DoubleCommit[];
  prLabels: string[];
  repoLabels: string[];
  comments: DoubleComment[];
  files: DoubleFile[];
  /** The token's identity (whose comments count as "mine"). */
  viewer: string;
  /** Write endpoints answer 403 "Resource not accessible by integration". */
  readOnly?: boolean;
  /** The next N requests of any kind answer 502. */
  failNext?: number;
  /** Every write answers 502 (after the client's retries, the run must report it). */
  failWrites?: boolean;
  /** Called before a comment is created (simulates a concurrent run). */
  onCreateComment?: (w: World) => void;
  /** Labels created through the API, with their color and description. */
  labelSpecs: Record<string, { name: string; color: string; description: string }>;
  /** For workflow_dispatch: the REST pull request object. */
  pull?: Record<string, unknown>;
  log: string[];
  nextId: number;
}

export function newWorld(partial: Partial<World> = {}): World {
  return {
    owner: "Codertocat",
    repo: "Hello-World",
    number: 2,
    baseSha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
    headSha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
    blobs: {},
    commits: [],
    prLabels: [],
    repoLabels: [],
    comments: [],
    files: [],
    viewer: "github-actions[bot]",
    log: [],
    labelSpecs: {},
    nextId: 1000,
    // Copied: the double mutates its state, and tests share their fixture arrays.
    ...structuredClone({ ...partial, onCreateComment: undefined }),
    onCreateComment: partial.onCreateComment,
  };
}

const API = "https://api.github.com";

function page<T>(items: T[], p: number, per: number): { slice: T[]; next: boolean } {
  return { slice: items.slice((p - 1) * per, p * per), next: p * per < items.length };
}

function graphqlAnswer(w: World, body: { query: string; variables: Record<string, unknown> }) {
  const v = body.variables;
  const commitsConn = (after: string | null) => {
    const start = after ? Number(after) : 0;
    const nodes = w.commits.slice(start, start + 100).map((c) => ({
      commit: {
        oid: c.sha,
        message: c.message,
        author: {
          name: c.authorName ?? "Dev",
          email: c.authorEmail ?? "dev@example.com",
          user: c.authorLogin ? { login: c.authorLogin } : null,
        },
        committer: { name: "GitHub", email: "noreply@github.com", user: { login: "web-flow" } },
      },
    }));
    const end = start + nodes.length;
    return { pageInfo: { hasNextPage: end < w.commits.length, endCursor: String(end) }, nodes };
  };
  const commentsConn = (after: string | null) => {
    const start = after ? Number(after) : 0;
    const nodes = w.comments.slice(start, start + 100).map((c) => ({
      databaseId: c.id,
      body: c.body,
      viewerDidAuthor: c.login === w.viewer,
      createdAt: c.createdAt,
    }));
    const end = start + nodes.length;
    return { pageInfo: { hasNextPage: end < w.comments.length, endCursor: String(end) }, nodes };
  };
  if (/commits\(first: 100, after/.test(body.query))
    return { data: { repository: { pullRequest: { commits: commitsConn(v.after as string) } } } };
  if (/comments\(first: 100, after/.test(body.query))
    return { data: { repository: { pullRequest: { comments: commentsConn(v.after as string) } } } };

  const repo: Record<string, unknown> = {};
  const expr = String(v.configExpr);
  repo.config = expr in w.blobs ? { __typename: "Blob", text: w.blobs[expr], isBinary: false } : null;
  for (const [k, val] of Object.entries(v)) {
    const label = /^label(\d+)$/.exec(k);
    if (label) repo[`l${label[1]}`] = w.repoLabels.includes(String(val)) ? { name: val } : null;
    const prefix = /^prefix(\d+)$/.exec(k);
    if (prefix)
      repo[`p${prefix[1]}`] = { nodes: w.repoLabels.filter((n) => n.includes(String(val))).map((name) => ({ name })) };
  }
  repo.pullRequest = {
    labels: { nodes: w.prLabels.map((name) => ({ name })) },
    commits: commitsConn(null),
    comments: commentsConn(null),
  };
  return { data: { repository: repo } };
}

const FORBIDDEN = {
  message: "Resource not accessible by integration",
  documentation_url: "https://docs.github.com/rest",
  status: "403",
};

export type Answer = [number, unknown, Record<string, string>?];

/** One API request against the world, as (status, JSON body, headers). Shared by nock and the loopback server. */
export function handle(w: World, method: string, url: URL, body: unknown): Answer {
  const base = `/repos/${w.owner}/${w.repo}`;
  const path = decodeURIComponent(url.pathname);
  w.log.push(`${method} ${path}`);
  if ((w.failNext ?? 0) > 0) {
    w.failNext = (w.failNext ?? 0) - 1;
    return [502, { message: "Bad Gateway" }];
  }
  const isWrite = method !== "GET" && !(method === "POST" && path === "/graphql");
  if (isWrite && w.failWrites) return [502, { message: "Bad Gateway" }];
  if (isWrite && w.readOnly) return [403, FORBIDDEN];

  if (method === "POST" && path === "/graphql")
    return [200, graphqlAnswer(w, body as { query: string; variables: Record<string, unknown> })];
  if (method === "GET" && path === `${base}/pulls/${w.number}`) return [200, w.pull ?? {}];
  if (method === "GET" && path === `${base}/pulls/${w.number}/files`) {
    const per = Number(url.searchParams.get("per_page") ?? 30);
    const p = Number(url.searchParams.get("page") ?? 1);
    const { slice, next } = page(w.files, p, per);
    const headers: Record<string, string> = {};
    if (next)
      headers.link = `<${url.origin}/repositories/1296269/pulls/${w.number}/files?per_page=${per}&page=${p + 1}>; rel="next"`;
    return [200, slice, headers];
  }
  if (method === "POST" && path === `${base}/issues/${w.number}/comments`) {
    w.onCreateComment?.(w);
    const c: DoubleComment = {
      id: w.nextId++,
      body: (body as { body: string }).body,
      login: w.viewer,
      createdAt: new Date(Date.UTC(2026, 10, 24, 10, 0, 0) + w.nextId * 1000).toISOString(),
    };
    w.comments.push(c);
    return [201, { id: c.id, body: c.body, user: { login: c.login }, created_at: c.createdAt }];
  }
  if (method === "GET" && path === `${base}/issues/${w.number}/comments`)
    return [
      200,
      w.comments.map((c) => ({ id: c.id, body: c.body, user: { login: c.login }, created_at: c.createdAt })),
    ];
  const commentId = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(path);
  if (commentId) {
    const id = Number(commentId[1]);
    const c = w.comments.find((x) => x.id === id);
    if (!c) return [404, { message: "Not Found" }];
    if (method === "PATCH") {
      c.body = (body as { body: string }).body;
      return [200, { id, body: c.body, user: { login: c.login }, created_at: c.createdAt }];
    }
    if (method === "DELETE") {
      w.comments = w.comments.filter((x) => x.id !== id);
      return [204, ""];
    }
  }
  if (method === "POST" && path === `${base}/labels`) {
    const b = body as { name: string; color: string; description: string };
    if (w.repoLabels.includes(b.name)) return [422, { message: "Validation Failed" }];
    w.repoLabels.push(b.name);
    w.labelSpecs[b.name] = b;
    return [201, { ...b, id: w.nextId++ }];
  }
  if (method === "POST" && path === `${base}/issues/${w.number}/labels`) {
    for (const name of (body as { labels: string[] }).labels) {
      if (!w.repoLabels.includes(name)) w.repoLabels.push(name);
      if (!w.prLabels.includes(name)) w.prLabels.push(name);
    }
    return [200, w.prLabels.map((name) => ({ name }))];
  }
  const labelDel = new RegExp(`^${base}/issues/${w.number}/labels/(.+)$`).exec(path);
  if (method === "DELETE" && labelDel) {
    const name = labelDel[1]!;
    if (!w.prLabels.includes(name)) return [404, { message: "Label does not exist" }];
    w.prLabels = w.prLabels.filter((n) => n !== name);
    return [200, w.prLabels.map((n) => ({ name: n }))];
  }
  return [404, { message: `the test double does not serve ${method} ${path}` }];
}

/** Serve the world through nock for https://api.github.com (call nock.cleanAll() after). */
export function serve(w: World): nock.Scope {
  const scope = nock(API).persist();
  for (const method of ["GET", "POST", "PATCH", "DELETE", "PUT"]) {
    // nock 15 hands reply functions the fetch Request (a one-argument function may return a promise).
    scope.intercept(/.*/, method).reply(async (req: Request) => {
      const text = await req.text();
      const answer = handle(w, method, new URL(req.url), text ? JSON.parse(text) : undefined);
      return answer as [number, string | Record<string, unknown>, Record<string, string>];
    });
  }
  return scope;
}
