import nock from "nock";

/**
 * A stateful GitHub double for one repository and pull request, served through nock. It keeps the
 * comments and check runs the App writes, so tests drive real sequences (open → tick → push) and
 * count the requests of each delivery.
 */

export const API = "https://api.github.com";
export const OWNER = "Codertocat";
export const REPO = "Hello-World";
export const REPO_ID = 186853002;
export const APP_ID = 123;
export const BOT = "ai-review-gate[bot]";
export const BASE_SHA = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
export const HEAD_SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
}

export interface FakeCheckRun {
  id: number;
  head_sha: string;
  name: string;
  status: string;
  conclusion: string | null;
  output: { title: string; summary: string; text?: string };
  details_url?: string;
  app: { id: number };
}

export interface FakeFile {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  patch?: string;
}

export interface FakeCommit {
  sha: string;
  commit: { message: string; author: { name: string; email: string }; committer: { name: string; email: string } };
  author: { login: string } | null;
  committer: { login: string } | null;
}

export interface Failure {
  method: string;
  path: RegExp;
  status: number;
  times: number;
  headers?: Record<string, string>;
  message?: string;
}

export class FakeGitHub {
  pull = {
    number: 2,
    state: "open",
    title: "Update the README with new information.",
    body: "This is a pretty simple change that we need to pull into master.",
    html_url: `https://github.com/${OWNER}/${REPO}/pull/2`,
    user: { login: "Codertocat", type: "User", id: 21031067 },
    head: { sha: HEAD_SHA, ref: "changes" },
    base: { sha: BASE_SHA, ref: "master" },
    labels: [] as Array<{ name: string }>,
    assignees: [] as Array<{ login: string }>,
    merged: false,
  };
  files: FakeFile[] = [];
  commits: FakeCommit[] = [];
  /** File texts by `${sha}:${path}`. */
  blobs: Record<string, string> = {};
  comments: FakeComment[] = [];
  checkRuns: FakeCheckRun[] = [];
  permissions: Record<string, string> = {};
  teams: Record<string, string[]> = {};
  profiles: Record<string, { name: string | null; email: string | null }> = {};
  /** compare: files changed between two shas, by `${base}...${head}`. */
  compares: Record<string, { status: string; files: string[] }> = {};
  failures: Failure[] = [];
  log: string[] = [];
  private nextId = 1000;

  serve(): nock.Scope {
    const scope = nock(API).persist();
    for (const method of ["GET", "POST", "PATCH", "DELETE", "PUT"]) {
      // nock 15 calls a one-argument reply function with the fetch Request.
      scope.intercept(/.*/, method).reply((async (req: Request) => {
        const url = new URL(req.url);
        this.log.push(`${method} ${url.pathname}`);
        const text = await req.text();
        return this.handle(method, url, text ? JSON.parse(text) : {});
      }) as unknown as () => [number]);
    }
    return scope;
  }

  /** Requests since the last call, without the installation token exchange. */
  take(): string[] {
    const out = this.log.filter((l) => !l.endsWith("/access_tokens"));
    this.log = [];
    return out;
  }

  latestRun(sha = this.pull.head.sha): FakeCheckRun | undefined {
    return this.checkRuns.filter((r) => r.head_sha === sha).sort((a, b) => b.id - a.id)[0];
  }

  checklist(): FakeComment[] {
    return this.comments.filter((c) => c.user.login === BOT && c.body.startsWith("<!-- ai-review-gate:checklist -->"));
  }

  addComment(body: string, user: { login: string; type: string }): FakeComment {
    const id = this.nextId++;
    const c = { id, body, user, html_url: `${this.pull.html_url}#issuecomment-${id}` };
    this.comments.push(c);
    return c;
  }

  private handle(method: string, url: URL, body: Record<string, unknown>): [number, unknown, Record<string, string>?] {
    const path = url.pathname;
    for (const f of this.failures) {
      if (f.times > 0 && f.method === method && f.path.test(path)) {
        f.times--;
        return [f.status, { message: f.message ?? "Server Error" }, f.headers ?? {}];
      }
    }
    const repoPath = `/repos/${OWNER}/${REPO}`;
    let m: RegExpExecArray | null;
    if (method === "POST" && /^\/app\/installations\/\d+\/access_tokens$/.test(path))
      return [201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} }];
    if (method === "GET" && path === "/app") return [200, { id: APP_ID, slug: "ai-review-gate" }];
    if (method === "GET" && path === `${repoPath}/pulls/2`) return [200, this.pull];
    if (method === "GET" && path === `${repoPath}/pulls/2/files`) return [200, this.files];
    // As on GitHub, the last commit of a PR is its head.
    if (method === "GET" && path === `${repoPath}/pulls/2/commits`)
      return [200, this.commits.map((c, i, all) => (i === all.length - 1 ? { ...c, sha: this.pull.head.sha } : c))];
    m = /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/.exec(path);
    if (method === "GET" && m) {
      const text = this.blobs[`${url.searchParams.get("ref")}:${decodeURIComponent(m[1]!)}`];
      if (text === undefined) return [404, { message: "Not Found" }];
      return [200, text, { "content-type": "text/plain; charset=utf-8" }];
    }
    if (path === `${repoPath}/issues/2/comments`) {
      if (method === "GET") return [200, this.comments];
      const c = this.addComment(String(body.body), { login: BOT, type: "Bot" });
      return [201, c];
    }
    m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path);
    if (m) {
      const i = this.comments.findIndex((c) => c.id === Number(m![1]));
      if (i === -1) return [404, { message: "Not Found" }];
      if (method === "GET") return [200, this.comments[i]];
      if (method === "DELETE") {
        this.comments.splice(i, 1);
        return [204, ""];
      }
      this.comments[i]!.body = String(body.body);
      return [200, this.comments[i]];
    }
    m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]+)\/check-runs$/.exec(path);
    if (method === "GET" && m) {
      const runs = this.checkRuns.filter(
        (r) =>
          r.head_sha === m![1] &&
          (!url.searchParams.get("check_name") || r.name === url.searchParams.get("check_name")),
      );
      return [200, { total_count: runs.length, check_runs: runs }];
    }
    if (method === "POST" && path === `${repoPath}/check-runs`) {
      const run = { ...(body as unknown as FakeCheckRun), id: this.nextId++, app: { id: APP_ID } };
      this.checkRuns.push(run);
      return [201, run];
    }
    m = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(path);
    if (method === "PATCH" && m) {
      const run = this.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return [404, { message: "Not Found" }];
      Object.assign(run, body);
      return [200, run];
    }
    m = /^\/repos\/[^/]+\/[^/]+\/collaborators\/([^/]+)\/permission$/.exec(path);
    if (method === "GET" && m) {
      const p = this.permissions[decodeURIComponent(m[1]!)];
      if (!p) return [404, { message: "Not Found" }];
      return [200, { permission: p === "maintain" ? "write" : p, role_name: p, user: { login: m[1] } }];
    }
    m = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(path);
    if (method === "GET" && m) {
      const members = this.teams[`${m[1]}/${m[2]}`] ?? [];
      if (!members.includes(m[3]!)) return [404, { message: "Not Found" }];
      return [200, { state: "active", role: "member" }];
    }
    m = /^\/users\/([^/]+)$/.exec(path);
    if (method === "GET" && m) {
      return [200, { login: m[1], ...(this.profiles[m[1]!] ?? { name: null, email: null }) }];
    }
    m = /^\/repos\/[^/]+\/[^/]+\/compare\/(.+)$/.exec(path);
    if (method === "GET" && m) {
      const c = this.compares[decodeURIComponent(m[1]!)];
      if (!c) return [404, { message: "Not Found" }];
      return [200, { status: c.status, files: c.files.map((filename) => ({ filename })) }];
    }
    m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]+)\/pulls$/.exec(path);
    if (method === "GET" && m) {
      return [200, m[1] === this.pull.head.sha ? [this.pull] : []];
    }
    return [501, { message: `fake GitHub: no route for ${method} ${path}` }];
  }
}
