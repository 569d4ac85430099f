import { statusOf } from "./errors.js";
import { fetchConfig, fetchDefaultBranchFile, fetchPullFiles, hasNextPage, MAX_PULL_COMMITS } from "./fetch.js";
import type {
  Actor,
  BranchProtection,
  CheckRunRecord,
  CommentRecord,
  CommitPerson,
  CommitPull,
  GitHubPort,
  PullCommit,
  PullSnapshot,
  QueueEntry,
  RepoPermission,
  Ruleset,
  UserProfile,
} from "./port.js";
import { fetchPullContext, type GraphQLClient } from "./pull-context.js";

/**
 * The GitHub port over Octokit's `request` and `graphql` (REST, plus GraphQL for the Action's pull
 * request context and the merge queue). The only place route strings live, with fetch.ts and
 * pull-context.ts behind it.
 */

interface RawActor {
  id?: number | null;
  login?: string | null;
  type?: string | null;
}

interface RawPull {
  number: number;
  state?: string;
  merged?: boolean | null;
  title?: string | null;
  body?: string | null;
  html_url?: string;
  user?: RawActor | null;
  head: { sha: string; ref?: string | null; repo?: { full_name?: string } | null };
  base: { sha: string; ref?: string | null; repo?: { full_name?: string } | null };
  labels?: Array<{ name?: string | null }> | null;
  assignees?: Array<RawActor | null> | null;
  changed_files?: number;
  commits?: number;
}

interface RawCommitPerson {
  name?: string | null;
  email?: string | null;
}

interface RawCommit {
  sha: string;
  commit: { message: string; author?: RawCommitPerson | null; committer?: RawCommitPerson | null };
  author?: RawActor | null;
  committer?: RawActor | null;
}

interface RawCheckRun {
  id: number;
  head_sha: string;
  name: string;
  status?: string;
  conclusion?: string | null;
  external_id?: string | null;
  app?: { id?: number | null } | null;
  output?: { title?: string | null; summary?: string | null; text?: string | null } | null;
}

interface RawComment {
  id: number;
  body?: string | null;
  html_url?: string;
  created_at?: string;
  user?: RawActor | null;
}

/** Octokit answers with `data: unknown` for routes it types loosely; every shape read here is declared above. */
function data<T>(res: { data: unknown }): T {
  return res.data as T;
}

function actor(a: RawActor | null | undefined): Actor | null {
  if (!a || typeof a.id !== "number" || !a.login) return null;
  return { id: a.id, login: a.login, type: a.type ?? "User" };
}

function person(p: RawCommitPerson | null | undefined, user: RawActor | null | undefined): CommitPerson {
  return { name: p?.name ?? null, email: p?.email ?? null, user: actor(user) };
}

function checkRun(r: RawCheckRun): CheckRunRecord {
  return {
    id: r.id,
    headSha: r.head_sha,
    name: r.name,
    appId: r.app?.id ?? null,
    status: r.status ?? "completed",
    conclusion: r.conclusion ?? null,
    title: r.output?.title ?? "",
    summary: r.output?.summary ?? "",
    text: r.output?.text ?? "",
    externalId: r.external_id ?? "",
  };
}

function comment(c: RawComment): CommentRecord {
  return {
    id: c.id,
    body: c.body ?? "",
    author: actor(c.user),
    htmlUrl: c.html_url ?? "",
    createdAt: c.created_at ?? "",
  };
}

const PERMISSIONS = new Set<RepoPermission>(["admin", "maintain", "write", "triage", "read", "none"]);

/** Answers of "absent" (404) become a value; every other error propagates to the caller, which fails closed. */
async function orAbsent<T>(call: () => Promise<T>, absent: T): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (statusOf(e) === 404) return absent;
    throw e;
  }
}

const MERGE_QUEUE_QUERY = `query($owner: String!, $repo: String!, $branch: String!) {
  repository(owner: $owner, name: $repo) {
    mergeQueue(branch: $branch) {
      entries(first: 100) {
        nodes { position headCommit { oid } pullRequest { number headRefOid baseRefName } }
      }
    }
  }
}`;

interface RawQueue {
  data?: {
    repository?: {
      mergeQueue?: {
        entries?: {
          nodes?: Array<{
            position: number;
            headCommit?: { oid: string } | null;
            pullRequest?: { number: number; headRefOid: string; baseRefName: string } | null;
          } | null>;
        };
      } | null;
    } | null;
  };
  errors?: Array<{ message?: string }>;
}

/** 404 or 403 (rulesets need a plan that has them and a token with administration rights). */
function unavailable(e: unknown): boolean {
  const s = statusOf(e);
  return s === 403 || s === 404;
}

export function createGitHubPort(client: GraphQLClient): GitHubPort {
  return {
    async pull(ref) {
      const p = data<RawPull>(
        await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
          owner: ref.owner,
          repo: ref.repo,
          pull_number: ref.number,
        }),
      );
      const snapshot: PullSnapshot = {
        number: p.number,
        state: p.state === "closed" ? "closed" : "open",
        merged: p.merged === true,
        title: p.title ?? "",
        body: p.body ?? "",
        htmlUrl: p.html_url ?? "",
        author: actor(p.user),
        head: { sha: p.head.sha, ref: p.head.ref ?? "" },
        base: { sha: p.base.sha, ref: p.base.ref ?? "" },
        headRepo: p.head.repo?.full_name ?? null,
        baseRepo: p.base.repo?.full_name ?? `${ref.owner}/${ref.repo}`,
        labels: (p.labels ?? []).map((l) => l.name ?? "").filter((n) => n !== ""),
        assignees: (p.assignees ?? []).map(actor).filter((a): a is Actor => a !== null),
        changedFiles: p.changed_files ?? 0,
        commits: p.commits ?? 0,
      };
      return snapshot;
    },

    async pullFiles(ref) {
      const { files, truncated } = await fetchPullFiles(client, {
        owner: ref.owner,
        repo: ref.repo,
        pull_number: ref.number,
      });
      return { items: files, truncated };
    },

    async pullCommits(ref) {
      const items: PullCommit[] = [];
      for (let page = 1; ; page++) {
        const res = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/commits", {
          owner: ref.owner,
          repo: ref.repo,
          pull_number: ref.number,
          per_page: 100,
          page,
        });
        const batch = data<RawCommit[]>(res);
        for (const c of batch)
          items.push({
            sha: c.sha,
            message: c.commit.message,
            author: person(c.commit.author, c.author),
            committer: person(c.commit.committer, c.committer),
          });
        const more = hasNextPage(res.headers) && batch.length > 0;
        if (!more || items.length >= MAX_PULL_COMMITS)
          return { items: items.slice(0, MAX_PULL_COMMITS), truncated: more || items.length > MAX_PULL_COMMITS };
      }
    },

    fileAt: (repo, path, ref) => fetchConfig(client, repo, ref, path),
    fileOnDefaultBranch: (repo, path, etag) => fetchDefaultBranchFile(client, repo, path, etag),

    compare: (repo, base, head) =>
      orAbsent(async () => {
        const d = data<{ status?: string; files?: Array<{ filename: string; previous_filename?: string }> }>(
          await client.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
            ...repo,
            basehead: `${base}...${head}`,
            per_page: 100,
          }),
        );
        const files: string[] = [];
        for (const f of d.files ?? []) {
          files.push(f.filename);
          if (f.previous_filename) files.push(f.previous_filename);
        }
        // The comparison lists at most 300 files; past that the list cannot be trusted to be whole.
        return { status: d.status ?? "unknown", files, truncated: (d.files?.length ?? 0) >= 300 };
      }, null),

    async checkRuns(repo, sha, filter) {
      const res = await client.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
        ...repo,
        ref: sha,
        check_name: filter.name,
        app_id: filter.appId,
        filter: "all",
        per_page: 100,
      });
      // Filter again here: only a run this App created means anything, whatever the query returned.
      return data<{ check_runs: RawCheckRun[] }>(res)
        .check_runs.map(checkRun)
        .filter((r) => r.appId === filter.appId && r.name === filter.name && r.headSha === sha)
        .sort((a, b) => b.id - a.id);
    },

    async upsertCheckRun(repo, target, body) {
      const fields = {
        name: body.name,
        status: "completed" as const,
        conclusion: body.conclusion,
        completed_at: new Date().toISOString(),
        ...(body.detailsUrl ? { details_url: body.detailsUrl } : {}),
        ...(body.externalId !== undefined ? { external_id: body.externalId } : {}),
        output: { title: body.title, summary: body.summary, ...(body.text !== undefined ? { text: body.text } : {}) },
      };
      if (target.id !== undefined) {
        const id = target.id;
        const updated = await orAbsent(async () => {
          await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
            ...repo,
            check_run_id: id,
            ...fields,
          });
          return true;
        }, false);
        if (updated) return id;
      }
      const res = await client.request("POST /repos/{owner}/{repo}/check-runs", {
        ...repo,
        head_sha: target.sha,
        ...fields,
      });
      return data<{ id: number }>(res).id;
    },

    comment: (repo, id) =>
      orAbsent(
        async () =>
          comment(
            data<RawComment>(
              await client.request("GET /repos/{owner}/{repo}/issues/comments/{comment_id}", {
                ...repo,
                comment_id: id,
              }),
            ),
          ),
        null,
      ),

    async comments(repo, issue, until, since) {
      const items: CommentRecord[] = [];
      for (let page = 1; page <= 30; page++) {
        const res = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
          ...repo,
          issue_number: issue,
          per_page: 100,
          page,
          ...(since !== undefined ? { since } : {}),
        });
        const batch = data<RawComment[]>(res).map(comment);
        items.push(...batch);
        const more = hasNextPage(res.headers) && batch.length > 0;
        const found = until !== undefined && batch.some(until);
        if (!more || found) return { items, truncated: more && !found };
      }
      return { items, truncated: true };
    },

    async upsertComment(repo, target, body) {
      if (target.id !== undefined) {
        const id = target.id;
        const updated = await orAbsent(
          async () =>
            comment(
              data<RawComment>(
                await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
                  ...repo,
                  comment_id: id,
                  body,
                }),
              ),
            ),
          null,
        );
        if (updated) return updated;
      }
      return comment(
        data<RawComment>(
          await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
            ...repo,
            issue_number: target.issue,
            body,
          }),
        ),
      );
    },

    deleteComment: (repo, id) =>
      orAbsent(async () => {
        await client.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...repo, comment_id: id });
        return true;
      }, false),

    permission: (repo, login) =>
      orAbsent(async (): Promise<RepoPermission> => {
        const d = data<{ permission?: string; role_name?: string }>(
          await client.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
            ...repo,
            username: login,
          }),
        );
        // role_name keeps maintain and triage apart; a custom role reports its base in `permission`.
        for (const p of [d.role_name, d.permission])
          if (p && PERMISSIONS.has(p as RepoPermission)) return p as RepoPermission;
        return "none";
      }, "none"),

    teamMember: (org, team, login) =>
      orAbsent(async () => {
        const d = data<{ state?: string }>(
          await client.request("GET /orgs/{org}/teams/{team_slug}/memberships/{username}", {
            org,
            team_slug: team,
            username: login,
          }),
        );
        return d.state === "active";
      }, false),

    user: (login) =>
      orAbsent(async (): Promise<UserProfile | null> => {
        const d = data<RawActor & { name?: string | null; email?: string | null }>(
          await client.request("GET /users/{username}", { username: login }),
        );
        const a = actor(d);
        return a ? { ...a, name: d.name ?? null, email: d.email ?? null } : null;
      }, null),

    async pullsForCommit(repo, sha) {
      const res = await client.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
        ...repo,
        commit_sha: sha,
        per_page: 100,
      });
      return data<RawPull[]>(res).map(
        (p): CommitPull => ({
          number: p.number,
          state: p.state === "closed" ? "closed" : "open",
          headSha: p.head.sha,
          baseRef: p.base.ref ?? "",
        }),
      );
    },

    async mergeQueue(repo, branch) {
      const res = data<RawQueue>(
        await client.request("POST /graphql", {
          query: MERGE_QUEUE_QUERY,
          variables: { owner: repo.owner, repo: repo.repo, branch },
        }),
      );
      if (res.errors?.length) throw new Error(`merge queue query failed: ${res.errors[0]?.message ?? "unknown"}`);
      const nodes = res.data?.repository?.mergeQueue?.entries?.nodes ?? [];
      return nodes
        .filter((n) => n !== null)
        .map(
          (n): QueueEntry => ({
            position: n.position,
            headSha: n.headCommit?.oid ?? null,
            pull: n.pullRequest
              ? { number: n.pullRequest.number, headSha: n.pullRequest.headRefOid, baseRef: n.pullRequest.baseRefName }
              : null,
          }),
        )
        .sort((a, b) => a.position - b.position);
    },

    async app() {
      const d = data<{ id: number; slug?: string | null } | null>(await client.request("GET /app"));
      if (!d) throw new Error("GET /app answered without the App");
      return { id: d.id, slug: d.slug ?? null };
    },

    pullContext: (query) => fetchPullContext(client, query),

    async createLabel(repo, label) {
      try {
        await client.request("POST /repos/{owner}/{repo}/labels", { ...repo, ...label });
        return true;
      } catch (e) {
        if (statusOf(e) === 422) return false;
        throw e;
      }
    },

    async addLabels(ref, names) {
      await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
        owner: ref.owner,
        repo: ref.repo,
        issue_number: ref.number,
        labels: names,
      });
    },

    removeLabel: (ref, name) =>
      orAbsent(async () => {
        await client.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
          owner: ref.owner,
          repo: ref.repo,
          issue_number: ref.number,
          name,
        });
        return true;
      }, false),

    async defaultBranch(repo) {
      return data<{ default_branch: string }>(await client.request("GET /repos/{owner}/{repo}", { ...repo }))
        .default_branch;
    },

    async rulesets(repo) {
      try {
        const res = await client.request("GET /repos/{owner}/{repo}/rulesets", {
          ...repo,
          per_page: 100,
          includes_parents: false,
        });
        return data<Ruleset[]>(res);
      } catch (e) {
        if (unavailable(e)) return null;
        throw e;
      }
    },

    async ruleset(repo, id) {
      return data<Ruleset>(
        await client.request("GET /repos/{owner}/{repo}/rulesets/{ruleset_id}", { ...repo, ruleset_id: id }),
      );
    },

    async createRuleset(repo, body) {
      try {
        await loose(client)("POST /repos/{owner}/{repo}/rulesets", { ...repo, ...body });
        return true;
      } catch (e) {
        if (unavailable(e) || statusOf(e) === 422) return false;
        throw e;
      }
    },

    async updateRuleset(repo, id, body) {
      await loose(client)("PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}", { ...repo, ruleset_id: id, ...body });
    },

    branchProtection: (repo, branch) =>
      orAbsent(
        async () =>
          data<BranchProtection>(
            await loose(client)("GET /repos/{owner}/{repo}/branches/{branch}/protection", { ...repo, branch }),
          ),
        null,
      ),

    async protectBranch(repo, branch, body) {
      await loose(client)("PUT /repos/{owner}/{repo}/branches/{branch}/protection", { ...repo, branch, ...body });
    },

    async setRequiredChecks(repo, branch, checks) {
      await loose(client)("PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks", {
        ...repo,
        branch,
        checks,
      });
    },
  };
}

/** Loosely typed request: these bodies are checked against GitHub's OpenAPI description in the tests. */
function loose(client: GraphQLClient) {
  return (route: string, params: Record<string, unknown>): Promise<{ data: unknown }> => client.request(route, params);
}
