import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { validateGitHubRequest } from "./openapi.js";

/**
 * A stateful fake of the GitHub REST (and the Action's one GraphQL) API on 127.0.0.1, answering
 * instantly. It keeps pull requests, their files and commits, issue comments, check runs, labels,
 * collaborator permissions, team memberships, file contents by ref and App installation tokens, so
 * that the Action and the App can run end to end against it over real HTTP.
 *
 * Every request is checked against GitHub's OpenAPI description (violations are collected in
 * `violations`; tests assert it stays empty) and logged in `requests`. Faults can be injected per
 * route (500/502, secondary rate limit with retry-after, 404, 422, a hang that ends in an aborted
 * connection), each for a bounded number of requests; a request budget stops runaway loops.
 */

export interface FakeUser {
  login: string;
  id: number;
  type: "User" | "Bot";
  name?: string | null;
  email?: string | null;
}

export interface FakeCommit {
  sha: string;
  message: string;
  author: { name: string; email: string; login?: string | null };
  committer?: { name: string; email: string; login?: string | null };
}

export interface FakeFile {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed";
  patch?: string;
  previous_filename?: string;
  additions?: number;
  deletions?: number;
}

export interface FakePull {
  number: number;
  title: string;
  body: string | null;
  user: FakeUser;
  state: "open" | "closed";
  merged: boolean;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  labels: string[];
  assignees: string[];
  files: FakeFile[];
  commits: FakeCommit[];
  draft: boolean;
  /** GitHub's totals when a test makes them exceed what it lists (3,000 files, 250 commits). */
  totalFiles?: number;
  totalCommits?: number;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: FakeUser;
  created_at: string;
  updated_at: string;
}

export interface FakeCheckRun {
  id: number;
  head_sha: string;
  name: string;
  status: string;
  conclusion: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  details_url: string | null;
  app: { id: number; slug: string };
  started_at: string;
  completed_at: string | null;
  /** Every body this run was written with, oldest first (create, then each update). */
  history: Array<{ conclusion: string | null; title: string | null }>;
}

export type FaultKind = 500 | 502 | 404 | 422 | "secondary-rate-limit" | "timeout";

export interface FaultRule {
  /** `METHOD /template` as in GitHub's docs, e.g. `PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}`. */
  route: string;
  fault: FaultKind;
  /** How many matching requests fail (default 1); `Infinity` for a persistent fault. */
  times?: number;
  /** Seconds for the secondary rate limit's `retry-after` header (default 1). */
  retryAfter?: number;
  /** How long a timeout hangs before the connection is destroyed (default 150 ms). */
  hangMs?: number;
  /** Skip this many matching requests before failing (default 0). */
  after?: number;
  /** Filled in: how many requests this rule failed. */
  hits?: number;
}

export interface LoggedRequest {
  method: string;
  /** Path without the `/api/v3` prefix or the query. */
  path: string;
  /** `METHOD /template`, or `METHOD path` when no route matched. */
  route: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /** Login of the token's identity (`app` for JWT requests). */
  as: string;
  fault?: FaultKind;
  /** When it arrived (`performance.now()`). */
  at: number;
}

export interface FakeOptions {
  owner?: string;
  repo?: string;
  repoId?: number;
  appId?: number;
  appSlug?: string;
  installationId?: number;
  /** Requests beyond this answer 599 and are recorded as violations (runaway loop guard). */
  maxRequests?: number;
  /** Validate every request against GitHub's OpenAPI description (default true). */
  validate?: boolean;
}

type Json = Record<string, unknown>;
type Answer = { status: number; body?: unknown; headers?: Record<string, string>; raw?: string };
interface Ctx {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Json;
  as: FakeUser | null;
  accept: string;
  url: URL;
}
type Handler = (ctx: Ctx) => Answer;

const SLASHED = new Set(["path", "ref", "basehead", "name"]);

export class FakeGitHub {
  readonly owner: string;
  readonly repoName: string;
  readonly repoId: number;
  readonly appId: number;
  readonly appSlug: string;
  readonly installationId: number;
  readonly botUser: FakeUser;
  readonly actionsUser: FakeUser = { login: "github-actions[bot]", id: 41898282, type: "Bot" };

  readonly users = new Map<string, FakeUser>();
  /** Accounts by a login they had before a rename (commits keep pointing at the account). */
  private readonly formerLogins = new Map<string, FakeUser>();
  readonly permissions = new Map<string, "admin" | "maintain" | "write" | "triage" | "read">();
  readonly teams = new Map<string, Set<string>>();
  /** File contents by `${ref}:${path}` (refs are commit SHAs or branch names). */
  readonly contents = new Map<string, string>();
  readonly pulls = new Map<number, FakePull>();
  readonly comments = new Map<number, FakeComment>();
  readonly checkRuns = new Map<number, FakeCheckRun>();
  readonly repoLabels = new Map<string, { name: string; color: string; description: string | null }>();
  /** Merge queues by branch, in queue order: each entry's group commit and pull request. */
  readonly mergeQueues = new Map<string, Array<{ headSha: string; pr: number }>>();
  /** Compare results by `base...head`; missing pairs are computed from the PR's files. */
  readonly compares = new Map<string, { status: string; files: string[] }>();

  readonly requests: LoggedRequest[] = [];
  readonly violations: string[] = [];
  readonly faults: FaultRule[] = [];
  /** Tokens handed out (installation tokens → the App's bot; others registered by tests). */
  readonly tokens = new Map<string, FakeUser>();

  maxRequests: number;
  url = "";
  private readonly validate: boolean;
  private server: Server | null = null;
  private nextId = 1000;
  private readonly routes: Array<{ key: string; method: string; regex: RegExp; names: string[]; handler: Handler }> =
    [];
  private clock = Date.UTC(2026, 10, 24, 10, 0, 0);
  private readonly hung = new Set<ServerResponse>();

  constructor(opts: FakeOptions = {}) {
    this.owner = opts.owner ?? "Codertocat";
    this.repoName = opts.repo ?? "Hello-World";
    this.repoId = opts.repoId ?? 186853002;
    this.appId = opts.appId ?? 4242;
    this.appSlug = opts.appSlug ?? "ai-review-gate";
    this.installationId = opts.installationId ?? 1;
    this.maxRequests = opts.maxRequests ?? 5000;
    this.validate = opts.validate ?? true;
    this.botUser = { login: `${this.appSlug}[bot]`, id: 900001, type: "Bot" };
    this.addUser(this.botUser);
    this.addUser(this.actionsUser);
    this.defineRoutes();
  }

  // ---------------------------------------------------------------- world set-up

  addUser(u: FakeUser, permission?: "admin" | "maintain" | "write" | "triage" | "read"): FakeUser {
    this.users.set(u.login.toLowerCase(), u);
    if (permission) this.permissions.set(u.login.toLowerCase(), permission);
    return u;
  }

  /** An account rename: same id, new login (permissions follow the account). */
  rename(login: string, to: string): FakeUser {
    const u = this.users.get(login.toLowerCase());
    if (!u) throw new Error(`fake GitHub: no user ${login}`);
    const renamed: FakeUser = { ...u, login: to };
    this.users.delete(login.toLowerCase());
    this.formerLogins.set(login.toLowerCase(), renamed);
    const perm = this.permissions.get(login.toLowerCase());
    this.permissions.delete(login.toLowerCase());
    this.users.set(to.toLowerCase(), renamed);
    if (perm) this.permissions.set(to.toLowerCase(), perm);
    for (const members of this.teams.values()) if (members.delete(login.toLowerCase())) members.add(to.toLowerCase());
    return renamed;
  }

  /** A token whose requests act as this user (the Action's GITHUB_TOKEN acts as github-actions[bot]). */
  addToken(token: string, user: FakeUser): void {
    this.tokens.set(token, user);
  }

  setFile(ref: string, path: string, text: string): void {
    this.contents.set(`${ref}:${path}`, text);
  }

  addTeam(slug: string, members: string[]): void {
    this.teams.set(slug.toLowerCase(), new Set(members.map((m) => m.toLowerCase())));
  }

  addPull(p: Partial<FakePull> & { number: number; user: FakeUser; head: FakePull["head"] }): FakePull {
    const pull: FakePull = {
      title: `PR ${p.number}`,
      body: null,
      state: "open",
      merged: false,
      base: { ref: "main", sha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e" },
      labels: [],
      assignees: [],
      files: [],
      commits: [],
      draft: false,
      ...p,
    };
    this.pulls.set(pull.number, pull);
    return pull;
  }

  /** A push: the PR gets a new head SHA, its commits and (optionally) a new file list. */
  push(number: number, sha: string, commit: Omit<FakeCommit, "sha">, files?: FakeFile[]): FakePull {
    const pull = this.mustPull(number);
    const before = pull.head.sha;
    pull.head = { ...pull.head, sha };
    pull.commits.push({ ...commit, sha });
    if (files) pull.files = files;
    const touched = (files ?? pull.files).map((f) => f.filename);
    if (!this.compares.has(`${before}...${sha}`))
      this.compares.set(`${before}...${sha}`, { status: "ahead", files: touched });
    return pull;
  }

  fault(rule: FaultRule): FaultRule {
    const r = { times: 1, hits: 0, after: 0, ...rule };
    if (!this.routes.some((x) => x.key === r.route)) throw new Error(`fake GitHub has no route ${r.route}`);
    this.faults.push(r);
    return r;
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  // ---------------------------------------------------------------- inspection

  mustPull(number: number): FakePull {
    const p = this.pulls.get(number);
    if (!p) throw new Error(`fake GitHub: no PR #${number}`);
    return p;
  }

  commentsOn(issue: number): FakeComment[] {
    return [...this.comments.values()].filter((c) => c.issue === issue).sort((a, b) => a.id - b.id);
  }

  /** Check runs of a name on a commit, newest first (the one GitHub's merge box shows). */
  runsFor(sha: string, name = "AI Review Gate"): FakeCheckRun[] {
    return [...this.checkRuns.values()]
      .filter((r) => r.head_sha === sha && r.name === name)
      .sort((a, b) => b.id - a.id);
  }

  /** Requests whose route key matches (`PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}`). */
  count(route: string, since = 0): number {
    return this.requests.slice(since).filter((r) => r.route === route).length;
  }

  /** Throws when any request broke GitHub's OpenAPI contract. */
  assertClean(): void {
    if (this.violations.length > 0)
      throw new Error(
        `requests that do not match GitHub's OpenAPI description:\n  - ${this.violations.join("\n  - ")}`,
      );
  }

  // ---------------------------------------------------------------- server

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.onRequest(req, res).catch((e: unknown) => {
        this.violations.push(`fake GitHub crashed on ${req.method} ${req.url}: ${(e as Error).stack}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    this.server.keepAliveTimeout = 1000;
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.hung.clear();
    if (!this.server) return;
    const s = this.server;
    this.server = null;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private now(): string {
    // Strictly increasing so ordering by time is stable even within one millisecond.
    this.clock = Math.max(this.clock + 1000, Date.now());
    return new Date(this.clock).toISOString();
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const out = this.dispatch(
      req.method ?? "GET",
      new URL(req.url ?? "/", this.url),
      String(req.headers.authorization ?? ""),
      String(req.headers.accept ?? ""),
      Buffer.concat(chunks).toString("utf8"),
    );
    if ("hangMs" in out) {
      // Hang, then drop the connection: the client sees a network error, as after a gateway timeout.
      this.hung.add(res);
      setTimeout(() => {
        this.hung.delete(res);
        res.destroy();
      }, out.hangMs).unref();
      return;
    }
    res.writeHead(out.status, out.headers).end(out.body);
  }

  /**
   * An in-process `fetch` for Octokit's `request.fetch` option: the same routes, state, validation and
   * faults, without sockets (fuzzing runs thousands of deliveries). A timeout fault rejects like
   * undici's `fetch failed` after the hang.
   */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input.toString() : input.url);
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === "string" ? init.body : "";
    const out = this.dispatch(
      init?.method ?? "GET",
      url,
      headers.get("authorization") ?? "",
      headers.get("accept") ?? "",
      body,
    );
    if ("hangMs" in out) {
      await new Promise((r) => setTimeout(r, out.hangMs));
      throw new TypeError("fetch failed", { cause: new Error("other side closed") });
    }
    return new Response(out.status === 204 ? null : out.body, { status: out.status, headers: out.headers });
  };

  /** One request against the state: validated, logged, maybe faulted, then routed. */
  dispatch(
    methodIn: string,
    url: URL,
    auth: string,
    accept: string,
    rawBody: string,
  ): { status: number; headers: Record<string, string>; body: string } | { hangMs: number } {
    const method = methodIn.toUpperCase();
    const path = url.pathname.replace(/^\/api\/v3/, "");
    if (this.validate) {
      for (const v of validateGitHubRequest({ method, url: url.href, body: rawBody || undefined }))
        this.violations.push(v);
    }
    const token = auth.replace(/^(?:token|bearer)\s+/i, "");
    const as = this.tokens.get(token) ?? null;
    const entry: LoggedRequest = {
      method,
      path,
      route: `${method} ${path}`,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 0,
      as: as?.login ?? (auth ? "app" : "anonymous"),
      at: performance.now(),
    };
    this.requests.push(entry);
    let body: Json = {};
    if (rawBody) {
      try {
        body = JSON.parse(rawBody) as Json;
      } catch {
        body = {};
      }
    }
    entry.body = rawBody ? body : undefined;

    if (this.requests.length > this.maxRequests) {
      this.violations.push(`request budget of ${this.maxRequests} exceeded at ${method} ${path} (runaway loop?)`);
      return this.answer(entry, { status: 599, body: { message: "fake GitHub: request budget exceeded" } });
    }

    const route = this.match(method, path);
    if (!route) {
      return this.answer(entry, { status: 404, body: { message: `fake GitHub does not serve ${method} ${path}` } });
    }
    entry.route = route.key;

    const fault = this.faults.find((f) => f.route === route.key && (f.times ?? 1) > 0);
    if (fault) {
      if ((fault.after ?? 0) > 0) fault.after = (fault.after ?? 0) - 1;
      else {
        fault.times = (fault.times ?? 1) - 1;
        fault.hits = (fault.hits ?? 0) + 1;
        entry.fault = fault.fault;
        return this.injectFault(entry, fault);
      }
    }

    // Installation tokens and JWT calls need no identity; everything else must be authenticated.
    if (!as && !/^\/app(\/|$)/.test(path) && path !== "/graphql" && !auth) {
      return this.answer(entry, { status: 401, body: { message: "Requires authentication" } });
    }
    return this.answer(entry, route.handler({ params: route.params, query: url.searchParams, body, as, accept, url }));
  }

  private injectFault(entry: LoggedRequest, f: FaultRule) {
    const doc = "https://docs.github.com/rest";
    switch (f.fault) {
      case 500:
      case 502:
        return this.answer(entry, {
          status: f.fault,
          body: { message: f.fault === 500 ? "Server Error" : "Bad Gateway" },
        });
      case 404:
        return this.answer(entry, { status: 404, body: { message: "Not Found", documentation_url: doc } });
      case 422:
        return this.answer(entry, {
          status: 422,
          body: {
            message: "Validation Failed",
            errors: [{ resource: "Fake", code: "invalid" }],
            documentation_url: doc,
          },
        });
      case "secondary-rate-limit":
        return this.answer(entry, {
          status: 403,
          headers: { "retry-after": String(f.retryAfter ?? 1) },
          body: {
            message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
            documentation_url: `${doc}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
          },
        });
      case "timeout":
        entry.status = -1;
        return { hangMs: f.hangMs ?? 150 };
    }
  }

  private answer(entry: LoggedRequest, a: Answer): { status: number; headers: Record<string, string>; body: string } {
    entry.status = a.status;
    const headers: Record<string, string> = {
      "x-github-request-id": `FAKE:${this.requests.length}`,
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "4999",
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
      ...(a.headers ?? {}),
    };
    if (a.raw !== undefined) {
      headers["content-type"] = "application/vnd.github.raw; charset=utf-8";
      return { status: a.status, headers, body: a.raw };
    }
    if (a.status === 204 || a.body === undefined) return { status: a.status, headers, body: "" };
    headers["content-type"] = "application/json; charset=utf-8";
    return { status: a.status, headers, body: JSON.stringify(a.body) };
  }

  private match(method: string, path: string) {
    const candidates = this.routes.filter((r) => r.method === method && r.regex.test(path));
    // Most literal template first (…/check-runs under /commits/{ref} beats a slashed {ref}).
    candidates.sort((a, b) => b.key.replace(/\{[^}]+\}/g, "").length - a.key.replace(/\{[^}]+\}/g, "").length);
    const r = candidates[0];
    if (!r) return null;
    const m = r.regex.exec(path)!;
    const params: Record<string, string> = {};
    r.names.forEach((n, i) => {
      params[n] = decodeURIComponent(m[i + 1]!);
    });
    return { key: r.key, handler: r.handler, params };
  }

  private on(key: string, handler: Handler): void {
    const [method, template] = key.split(" ") as [string, string];
    const names: string[] = [];
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{([^}]+)\}/g, (_, n: string) => {
      names.push(n);
      return SLASHED.has(n) ? "(.+)" : "([^/]+)";
    });
    this.routes.push({ key, method, regex: new RegExp(`^${pattern}$`), names, handler });
  }

  // ---------------------------------------------------------------- shapes

  private userJson(u: FakeUser): Json {
    return {
      login: u.login,
      id: u.id,
      node_id: `U_${u.id}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
      gravatar_id: "",
      url: `https://api.github.com/users/${encodeURIComponent(u.login)}`,
      html_url: `https://github.com/${encodeURIComponent(u.login)}`,
      type: u.type,
      site_admin: false,
    };
  }

  private repoJson(): Json {
    return {
      id: this.repoId,
      node_id: "MDEwOlJlcG9zaXRvcnkxODY4NTMwMDI=",
      name: this.repoName,
      full_name: `${this.owner}/${this.repoName}`,
      private: false,
      owner: this.userJson({ login: this.owner, id: 21031067, type: "User" }),
      html_url: `https://github.com/${this.owner}/${this.repoName}`,
      default_branch: "main",
    };
  }

  pullJson(p: FakePull): Json {
    const html = `https://github.com/${this.owner}/${this.repoName}/pull/${p.number}`;
    return {
      url: `https://api.github.com/repos/${this.owner}/${this.repoName}/pulls/${p.number}`,
      id: 279147437 + p.number,
      node_id: `PR_${p.number}`,
      html_url: html,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: this.userJson(p.user),
      body: p.body,
      labels: p.labels.map((name, i) => ({ id: 1000 + i, name, color: "ededed", default: false, description: null })),
      assignees: p.assignees.map((l) =>
        this.userJson(this.users.get(l.toLowerCase()) ?? { login: l, id: 1, type: "User" }),
      ),
      draft: p.draft,
      merged: p.merged,
      head: {
        label: `${this.owner}:${p.head.ref}`,
        ref: p.head.ref,
        sha: p.head.sha,
        user: this.userJson(p.user),
        repo: this.repoJson(),
      },
      base: {
        label: `${this.owner}:${p.base.ref}`,
        ref: p.base.ref,
        sha: p.base.sha,
        user: this.userJson({ login: this.owner, id: 21031067, type: "User" }),
        repo: this.repoJson(),
      },
      commits: p.totalCommits ?? p.commits.length,
      changed_files: p.totalFiles ?? p.files.length,
      additions: p.files.reduce((n, f) => n + (f.additions ?? 0), 0),
      deletions: p.files.reduce((n, f) => n + (f.deletions ?? 0), 0),
      author_association: "CONTRIBUTOR",
    };
  }

  private commentJson(c: FakeComment): Json {
    const base = `https://api.github.com/repos/${this.owner}/${this.repoName}`;
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${base}/issues/comments/${c.id}`,
      html_url: `https://github.com/${this.owner}/${this.repoName}/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${base}/issues/${c.issue}`,
      body: c.body,
      user: this.userJson(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: c.user.type === "Bot" ? "NONE" : "MEMBER",
    };
  }

  private checkRunJson(r: FakeCheckRun): Json {
    return {
      id: r.id,
      head_sha: r.head_sha,
      node_id: `CR_${r.id}`,
      external_id: "",
      url: `https://api.github.com/repos/${this.owner}/${this.repoName}/check-runs/${r.id}`,
      html_url: `https://github.com/${this.owner}/${this.repoName}/runs/${r.id}`,
      details_url: r.details_url,
      status: r.status,
      conclusion: r.conclusion,
      started_at: r.started_at,
      completed_at: r.completed_at,
      output: { ...r.output, annotations_count: 0, annotations_url: "" },
      name: r.name,
      check_suite: { id: 1 },
      app: { id: r.app.id, slug: r.app.slug, name: r.app.slug, owner: null },
      pull_requests: [...this.pulls.values()]
        .filter((p) => p.head.sha === r.head_sha)
        .map((p) => ({ id: p.number, number: p.number, url: "", head: p.head, base: p.base })),
    };
  }

  private fileJson(f: FakeFile): Json {
    const lines = (f.patch ?? "").split("\n");
    return {
      sha: "bbcd538c8e72b8c175046e27cc8f907076331401",
      filename: f.filename,
      status: f.status,
      additions: f.additions ?? lines.filter((l) => l.startsWith("+")).length,
      deletions: f.deletions ?? lines.filter((l) => l.startsWith("-")).length,
      changes: (f.additions ?? 0) + (f.deletions ?? 0),
      blob_url: "",
      raw_url: "",
      contents_url: "",
      ...(f.patch !== undefined ? { patch: f.patch } : {}),
      ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
    };
  }

  private commitJson(c: FakeCommit): Json {
    const committer = c.committer ?? { name: "GitHub", email: "noreply@github.com", login: "web-flow" };
    const u = (login: string | null | undefined) =>
      login
        ? this.userJson(
            this.users.get(login.toLowerCase()) ??
              this.formerLogins.get(login.toLowerCase()) ?? { login, id: 2, type: "User" },
          )
        : null;
    return {
      sha: c.sha,
      node_id: `C_${c.sha}`,
      commit: {
        message: c.message,
        author: { name: c.author.name, email: c.author.email, date: "2026-11-24T09:00:00Z" },
        committer: { name: committer.name, email: committer.email, date: "2026-11-24T09:00:00Z" },
        tree: { sha: c.sha, url: "" },
        url: "",
        comment_count: 0,
      },
      author: u(c.author.login),
      committer: u(committer.login),
      parents: [],
      url: "",
      html_url: "",
      comments_url: "",
    };
  }

  private page<T>(ctx: Ctx, items: T[], defaultPer = 30): Answer {
    const per = Math.min(100, Number(ctx.query.get("per_page") ?? defaultPer));
    const p = Number(ctx.query.get("page") ?? 1);
    const slice = items.slice((p - 1) * per, p * per);
    const headers: Record<string, string> = {};
    if (p * per < items.length) {
      const next = new URL(ctx.url.href);
      next.searchParams.set("page", String(p + 1));
      next.searchParams.set("per_page", String(per));
      headers.link = `<${next.href}>; rel="next"`;
    }
    return { status: 200, body: slice, headers };
  }

  private notFound(): Answer {
    return { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } };
  }

  private repoOk(ctx: Ctx): boolean {
    return ctx.params.owner === this.owner && ctx.params.repo === this.repoName;
  }

  // ---------------------------------------------------------------- routes

  private defineRoutes(): void {
    const R = "/repos/{owner}/{repo}";
    const repoGuard =
      (h: Handler): Handler =>
      (ctx) =>
        this.repoOk(ctx) ? h(ctx) : this.notFound();
    const pullOf = (ctx: Ctx) => this.pulls.get(Number(ctx.params.pull_number ?? ctx.params.issue_number));

    this.on("GET /app", () => ({
      status: 200,
      body: {
        id: this.appId,
        slug: this.appSlug,
        name: "AI Review Gate",
        owner: this.repoJson().owner,
        node_id: "A_1",
      },
    }));
    this.on("POST /app/installations/{installation_id}/access_tokens", (ctx) => {
      if (Number(ctx.params.installation_id) !== this.installationId) return this.notFound();
      const token = `ghs_fake_installation_${this.nextId++}`;
      this.tokens.set(token, this.botUser);
      return {
        status: 201,
        body: {
          token,
          expires_at: new Date(Date.now() + 3600_000).toISOString(),
          permissions: { checks: "write", pull_requests: "read", issues: "write", contents: "read", members: "read" },
          repository_selection: "all",
        },
      };
    });
    this.on(
      `GET ${R}/installation`,
      repoGuard(() => ({ status: 200, body: { id: this.installationId } })),
    );
    this.on("GET /users/{username}", (ctx) => {
      const u = this.users.get(ctx.params.username!.toLowerCase());
      if (!u) return this.notFound();
      return { status: 200, body: { ...this.userJson(u), name: u.name ?? null, email: u.email ?? null } };
    });

    // Pull requests
    this.on(
      `GET ${R}/pulls/{pull_number}`,
      repoGuard((ctx) => {
        const p = pullOf(ctx);
        return p ? { status: 200, body: this.pullJson(p) } : this.notFound();
      }),
    );
    this.on(
      `GET ${R}/pulls/{pull_number}/files`,
      repoGuard((ctx) => {
        const p = pullOf(ctx);
        return p
          ? this.page(
              ctx,
              // GitHub lists at most 3,000 files of a pull request.
              p.files.slice(0, 3000).map((f) => this.fileJson(f)),
            )
          : this.notFound();
      }),
    );
    this.on(
      `GET ${R}/pulls/{pull_number}/commits`,
      repoGuard((ctx) => {
        const p = pullOf(ctx);
        return p
          ? this.page(
              ctx,
              // ... and at most 250 commits.
              p.commits.slice(0, 250).map((c) => this.commitJson(c)),
            )
          : this.notFound();
      }),
    );
    this.on(
      `GET ${R}/commits/{commit_sha}/pulls`,
      repoGuard((ctx) => ({
        status: 200,
        body: [...this.pulls.values()].filter((p) => p.head.sha === ctx.params.commit_sha).map((p) => this.pullJson(p)),
      })),
    );
    this.on(
      `GET ${R}/compare/{basehead}`,
      repoGuard((ctx) => {
        const key = ctx.params.basehead!;
        const known = this.compares.get(key);
        if (!known) return this.notFound();
        return {
          status: 200,
          body: {
            status: known.status,
            ahead_by: 1,
            behind_by: 0,
            total_commits: 1,
            files: known.files.map((filename) => ({
              filename,
              status: "modified",
              additions: 1,
              deletions: 0,
              changes: 1,
            })),
            commits: [],
          },
        };
      }),
    );

    // Issue comments
    this.on(
      `GET ${R}/issues/{issue_number}/comments`,
      repoGuard((ctx) => {
        const n = Number(ctx.params.issue_number);
        if (!this.pulls.has(n)) return this.notFound();
        const since = ctx.query.get("since");
        const list = this.commentsOn(n).filter((c) => !since || c.updated_at >= since);
        return this.page(
          ctx,
          list.map((c) => this.commentJson(c)),
        );
      }),
    );
    this.on(
      `POST ${R}/issues/{issue_number}/comments`,
      repoGuard((ctx) => {
        const n = Number(ctx.params.issue_number);
        if (!this.pulls.has(n)) return this.notFound();
        if (typeof ctx.body.body !== "string") return { status: 422, body: { message: "body is missing" } };
        if (ctx.body.body.length > 65536)
          return {
            status: 422,
            body: { message: "Validation Failed: body is too long (maximum is 65536 characters)" },
          };
        const at = this.now();
        const c: FakeComment = {
          id: this.nextId++,
          issue: n,
          body: ctx.body.body,
          user: ctx.as ?? this.botUser,
          created_at: at,
          updated_at: at,
        };
        this.comments.set(c.id, c);
        return { status: 201, body: this.commentJson(c) };
      }),
    );
    this.on(
      `GET ${R}/issues/comments/{comment_id}`,
      repoGuard((ctx) => {
        const c = this.comments.get(Number(ctx.params.comment_id));
        return c ? { status: 200, body: this.commentJson(c) } : this.notFound();
      }),
    );
    this.on(
      `PATCH ${R}/issues/comments/{comment_id}`,
      repoGuard((ctx) => {
        const c = this.comments.get(Number(ctx.params.comment_id));
        if (!c) return this.notFound();
        if (ctx.as && ctx.as.login !== c.user.login && ctx.as.type === "Bot")
          return { status: 403, body: { message: "Resource not accessible by integration" } };
        if (typeof ctx.body.body !== "string") return { status: 422, body: { message: "body is missing" } };
        c.body = ctx.body.body;
        c.updated_at = this.now();
        return { status: 200, body: this.commentJson(c) };
      }),
    );
    this.on(
      `DELETE ${R}/issues/comments/{comment_id}`,
      repoGuard((ctx) => {
        const id = Number(ctx.params.comment_id);
        if (!this.comments.has(id)) return this.notFound();
        this.comments.delete(id);
        return { status: 204 };
      }),
    );

    // Check runs
    this.on(
      `POST ${R}/check-runs`,
      repoGuard((ctx) => {
        const b = ctx.body as {
          name?: string;
          head_sha?: string;
          status?: string;
          conclusion?: string;
          details_url?: string;
          output?: { title?: string; summary?: string; text?: string };
        };
        if (!b.name || !b.head_sha) return { status: 422, body: { message: "Validation Failed" } };
        const actor = ctx.as ?? this.botUser;
        const app =
          actor.login === this.botUser.login
            ? { id: this.appId, slug: this.appSlug }
            : { id: 15368, slug: "github-actions" };
        const at = this.now();
        const run: FakeCheckRun = {
          id: this.nextId++,
          head_sha: b.head_sha,
          name: b.name,
          status: b.conclusion ? "completed" : (b.status ?? "queued"),
          conclusion: b.conclusion ?? null,
          output: { title: b.output?.title ?? null, summary: b.output?.summary ?? null, text: b.output?.text ?? null },
          details_url: b.details_url ?? null,
          app,
          started_at: at,
          completed_at: b.conclusion ? at : null,
          history: [{ conclusion: b.conclusion ?? null, title: b.output?.title ?? null }],
        };
        this.checkRuns.set(run.id, run);
        return { status: 201, body: this.checkRunJson(run) };
      }),
    );
    this.on(
      `PATCH ${R}/check-runs/{check_run_id}`,
      repoGuard((ctx) => {
        const run = this.checkRuns.get(Number(ctx.params.check_run_id));
        if (!run) return this.notFound();
        const actor = ctx.as ?? this.botUser;
        if (actor.login !== this.botUser.login || run.app.id !== this.appId)
          return { status: 403, body: { message: "Resource not accessible by integration" } };
        const b = ctx.body as {
          status?: string;
          conclusion?: string;
          details_url?: string;
          output?: { title?: string; summary?: string; text?: string };
        };
        if (b.status) run.status = b.status;
        if (b.conclusion) {
          run.conclusion = b.conclusion;
          run.status = "completed";
          run.completed_at = this.now();
        }
        if (b.details_url) run.details_url = b.details_url;
        if (b.output)
          run.output = {
            title: b.output.title ?? null,
            summary: b.output.summary ?? null,
            text: b.output.text ?? null,
          };
        run.history.push({ conclusion: run.conclusion, title: run.output.title });
        return { status: 200, body: this.checkRunJson(run) };
      }),
    );
    this.on(
      `GET ${R}/check-runs/{check_run_id}`,
      repoGuard((ctx) => {
        const run = this.checkRuns.get(Number(ctx.params.check_run_id));
        return run ? { status: 200, body: this.checkRunJson(run) } : this.notFound();
      }),
    );
    this.on(
      `GET ${R}/commits/{ref}/check-runs`,
      repoGuard((ctx) => {
        const name = ctx.query.get("check_name");
        const appId = ctx.query.get("app_id");
        let runs = [...this.checkRuns.values()].filter((r) => r.head_sha === ctx.params.ref);
        if (name) runs = runs.filter((r) => r.name === name);
        if (appId) runs = runs.filter((r) => String(r.app.id) === appId);
        runs.sort((a, b) => b.id - a.id);
        if (ctx.query.get("filter") !== "all") {
          // "latest" (the default): the newest run of each name.
          const seen = new Set<string>();
          runs = runs.filter((r) => {
            if (seen.has(r.name)) return false;
            seen.add(r.name);
            return true;
          });
        }
        const page = this.page(
          ctx,
          runs.map((r) => this.checkRunJson(r)),
        );
        return { ...page, body: { total_count: runs.length, check_runs: page.body } };
      }),
    );

    // Labels
    this.on(
      `GET ${R}/labels/{name}`,
      repoGuard((ctx) => {
        const l = this.repoLabels.get(ctx.params.name!);
        return l ? { status: 200, body: { id: 1, node_id: "L_1", url: "", default: false, ...l } } : this.notFound();
      }),
    );
    this.on(
      `POST ${R}/labels`,
      repoGuard((ctx) => {
        const b = ctx.body as { name: string; color?: string; description?: string };
        if (this.repoLabels.has(b.name))
          return {
            status: 422,
            body: { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists" }] },
          };
        const l = { name: b.name, color: b.color ?? "ededed", description: b.description ?? null };
        this.repoLabels.set(b.name, l);
        return { status: 201, body: { id: this.nextId++, node_id: "L", url: "", default: false, ...l } };
      }),
    );
    const labelsOf = (p: FakePull) =>
      p.labels.map((name) => ({
        id: 1,
        node_id: "L",
        url: "",
        name,
        color: this.repoLabels.get(name)?.color ?? "ededed",
        default: false,
        description: null,
      }));
    this.on(
      `GET ${R}/issues/{issue_number}/labels`,
      repoGuard((ctx) => {
        const p = pullOf(ctx);
        return p ? this.page(ctx, labelsOf(p)) : this.notFound();
      }),
    );
    this.on(
      `POST ${R}/issues/{issue_number}/labels`,
      repoGuard((ctx) => {
        const p = pullOf(ctx);
        if (!p) return this.notFound();
        for (const name of (ctx.body.labels as string[] | undefined) ?? []) {
          if (!this.repoLabels.has(name)) this.repoLabels.set(name, { name, color: "ededed", description: null });
          if (!p.labels.includes(name)) p.labels.push(name);
        }
        return { status: 200, body: labelsOf(p) };
      }),
    );
    this.on(
      `DELETE ${R}/issues/{issue_number}/labels/{name}`,
      repoGuard((ctx) => {
        const p = pullOf(ctx);
        if (!p) return this.notFound();
        if (!p.labels.includes(ctx.params.name!)) return { status: 404, body: { message: "Label does not exist" } };
        p.labels = p.labels.filter((l) => l !== ctx.params.name);
        return { status: 200, body: labelsOf(p) };
      }),
    );

    // People
    this.on(
      `GET ${R}/collaborators/{username}/permission`,
      repoGuard((ctx) => {
        const login = ctx.params.username!.toLowerCase();
        const u = this.users.get(login);
        const perm = this.permissions.get(login);
        if (!u) return this.notFound();
        const legacy = perm === "maintain" ? "write" : perm === "triage" ? "read" : (perm ?? "none");
        return { status: 200, body: { permission: legacy, role_name: perm ?? "none", user: this.userJson(u) } };
      }),
    );
    this.on("GET /orgs/{org}/teams/{team_slug}/memberships/{username}", (ctx) => {
      const team = this.teams.get(`${ctx.params.org}/${ctx.params.team_slug}`.toLowerCase());
      if (!team?.has(ctx.params.username!.toLowerCase())) return this.notFound();
      return { status: 200, body: { url: "", role: "member", state: "active" } };
    });

    // Contents (config and CODEOWNERS at a ref)
    this.on(
      `GET ${R}/contents/{path}`,
      repoGuard((ctx) => {
        const ref = ctx.query.get("ref") ?? "main";
        const text = this.contents.get(`${ref}:${ctx.params.path}`);
        if (text === undefined) return this.notFound();
        if (/raw/.test(ctx.accept)) return { status: 200, raw: text };
        return {
          status: 200,
          body: {
            type: "file",
            encoding: "base64",
            size: Buffer.byteLength(text),
            name: ctx.params.path!.split("/").pop(),
            path: ctx.params.path,
            content: Buffer.from(text).toString("base64"),
            sha: "3d21ec53a331a6f037a91c368710b99387d012c1",
            url: "",
            git_url: "",
            html_url: "",
            download_url: "",
            _links: { self: "", git: "", html: "" },
          },
        };
      }),
    );

    this.on("POST /graphql", (ctx) => this.graphql(ctx));
  }

  /** The Action's GraphQL context query (config blob at the base SHA, commits, labels, comments). */
  private graphql(ctx: Ctx): Answer {
    const q = String(ctx.body.query ?? "");
    const v = (ctx.body.variables ?? {}) as Record<string, unknown>;
    const viewer = ctx.as?.login ?? null;
    const pull = this.pulls.get(Number(v.number));
    const commitsConn = (after: unknown) => {
      const all = pull?.commits ?? [];
      const start = after ? Number(after) : 0;
      const nodes = all.slice(start, start + 100).map((c) => {
        const committer = c.committer ?? { name: "GitHub", email: "noreply@github.com", login: "web-flow" };
        return {
          commit: {
            oid: c.sha,
            message: c.message,
            author: {
              name: c.author.name,
              email: c.author.email,
              user: c.author.login ? { login: c.author.login } : null,
            },
            committer: {
              name: committer.name,
              email: committer.email,
              user: committer.login ? { login: committer.login } : null,
            },
          },
        };
      });
      return {
        pageInfo: { hasNextPage: start + nodes.length < all.length, endCursor: String(start + nodes.length) },
        nodes,
      };
    };
    const commentsConn = (after: unknown) => {
      const all = pull ? this.commentsOn(pull.number) : [];
      const start = after ? Number(after) : 0;
      const nodes = all.slice(start, start + 100).map((c) => ({
        databaseId: c.id,
        body: c.body,
        viewerDidAuthor: c.user.login === viewer,
        createdAt: c.created_at,
      }));
      return {
        pageInfo: { hasNextPage: start + nodes.length < all.length, endCursor: String(start + nodes.length) },
        nodes,
      };
    };
    if (/mergeQueue\(branch/.test(q)) {
      const queue = this.mergeQueues.get(String(v.branch)) ?? [];
      const nodes = queue.map((e, i) => {
        const p = this.pulls.get(e.pr);
        return {
          position: i + 1,
          headCommit: { oid: e.headSha },
          pullRequest: p ? { number: p.number, headRefOid: p.head.sha, baseRefName: p.base.ref } : null,
        };
      });
      return { status: 200, body: { data: { repository: { mergeQueue: { entries: { nodes } } } } } };
    }
    if (!pull) return { status: 200, body: { data: { repository: { pullRequest: null } } } };
    if (/commits\(first: 100, after/.test(q))
      return { status: 200, body: { data: { repository: { pullRequest: { commits: commitsConn(v.after) } } } } };
    if (/comments\(first: 100, after/.test(q))
      return { status: 200, body: { data: { repository: { pullRequest: { comments: commentsConn(v.after) } } } } };
    const repo: Record<string, unknown> = {};
    const expr = String(v.configExpr ?? "");
    const text = this.contents.get(expr);
    repo.config = text === undefined ? null : { __typename: "Blob", text, isBinary: false };
    for (const [k, val] of Object.entries(v)) {
      const label = /^label(\d+)$/.exec(k);
      if (label) repo[`l${label[1]}`] = this.repoLabels.has(String(val)) ? { name: val } : null;
      const prefix = /^prefix(\d+)$/.exec(k);
      if (prefix)
        repo[`p${prefix[1]}`] = {
          nodes: [...this.repoLabels.keys()].filter((n) => n.includes(String(val))).map((name) => ({ name })),
        };
    }
    repo.pullRequest = {
      labels: { nodes: pull.labels.map((name) => ({ name })) },
      commits: commitsConn(null),
      comments: commentsConn(null),
    };
    return { status: 200, body: { data: { repository: repo } } };
  }
}

export async function startFakeGitHub(opts: FakeOptions = {}): Promise<FakeGitHub> {
  const fake = new FakeGitHub(opts);
  await fake.start();
  return fake;
}
