import { createHash } from "node:crypto";
import type { RepoRef } from "../../src/github/client.js";
import type { ApiCommit } from "../../src/github/facts.js";
import type { ApiPullFile } from "../../src/github/files.js";
import type {
  Actor,
  BranchProtection,
  BranchProtectionBody,
  CheckRunBody,
  CheckRunRecord,
  CommentRecord,
  CommitPull,
  Comparison,
  DefaultBranchFile,
  GitHubPort,
  LabelSpec,
  Listed,
  PullCommit,
  PullRef,
  PullSnapshot,
  QueueEntry,
  RepoPermission,
  RequiredCheck,
  Ruleset,
  RulesetBody,
  UserProfile,
} from "../../src/github/port.js";
import type { PullContext, PullContextQuery } from "../../src/github/pull-context.js";

/**
 * An in-memory fake of the GitHub port for unit tests: one repository's pull requests, commits, file
 * contents, check runs, comments, people and teams, with GitHub's rules where the gate depends on them
 * (only the App's token writes as the App; runs belong to commits; lists stop at 3,000 files and 250
 * commits; a PR's head moves on push). Every call is logged by verb, and faults can be injected per verb.
 * End-to-end tests use the HTTP fake (fake-github.ts) instead.
 */

export type Verb = keyof GitHubPort;

export interface FakeFile extends ApiPullFile {}

export interface MemoryPull {
  number: number;
  title: string;
  body: string;
  author: Actor;
  state: "open" | "closed";
  merged: boolean;
  head: { sha: string; ref: string };
  base: { sha: string; ref: string };
  labels: string[];
  assignees: Actor[];
  files: FakeFile[];
  commits: PullCommit[];
  /** GitHub's totals when they exceed what it lists (3,000 files, 250 commits). */
  totalFiles?: number;
  totalCommits?: number;
}

export interface MemoryRun extends CheckRunRecord {
  /** Every conclusion this run was written with, oldest first. */
  history: Array<string | null>;
}

export interface MemoryComment extends CommentRecord {
  issue: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Fault {
  verb: Verb;
  times: number;
  status: number;
  message: string;
}

export class MemoryGitHub implements GitHubPort {
  readonly repo: RepoRef = { owner: "Codertocat", repo: "Hello-World" };
  readonly repoId = 186853002;
  readonly appId = 4242;
  readonly bot: Actor = { id: 900001, login: "ai-review-gate[bot]", type: "Bot" };

  readonly pulls = new Map<number, MemoryPull>();
  readonly runs = new Map<number, MemoryRun>();
  readonly commentStore = new Map<number, MemoryComment>();
  /** File texts by `${ref}:${path}`. */
  readonly contents = new Map<string, string>();
  readonly users = new Map<number, UserProfile>();
  readonly permissions = new Map<number, RepoPermission>();
  readonly teams = new Map<string, Set<number>>();
  /** Each pushed commit's parent and the files it touched (for compare). */
  readonly parents = new Map<string, { parent: string; files: string[] }>();
  readonly queues = new Map<string, QueueEntry[]>();
  /** Repository labels by name. */
  readonly labels = new Map<string, LabelSpec>();
  readonly rulesetStore = new Map<number, Ruleset>();
  /** False: the plan or token has no rulesets (GitHub answers 403/404). */
  rulesetsAvailable = true;
  readonly protections = new Map<string, BranchProtection>();
  defaultBranchName = "main";
  /**
   * Other repositories the installation can read (`owner/repo` → default branch and files), as
   * `extends:` reads them. This repository's default branch is `defaultBranchName` in `contents`.
   */
  readonly repositories = new Map<string, { branch: string; files: Map<string, string> }>();
  readonly calls: Verb[] = [];
  private readonly faults: Fault[] = [];
  private nextId = 5000;
  /** GitHub's clock for comment times: one second per comment. */
  private clock = Date.parse("2026-01-05T10:00:00Z");

  // ---------------------------------------------------------------- world set-up

  addUser(u: Partial<UserProfile> & { id: number; login: string }, permission?: RepoPermission): Actor {
    const profile: UserProfile = { type: "User", name: null, email: null, ...u };
    this.users.set(u.id, profile);
    if (permission) this.permissions.set(u.id, permission);
    return { id: profile.id, login: profile.login, type: profile.type };
  }

  /** An account rename: same id, new login. */
  rename(id: number, login: string): Actor {
    const u = this.users.get(id);
    if (!u) throw new Error(`no user ${id}`);
    u.login = login;
    return { id, login, type: u.type };
  }

  addTeam(slug: string, members: Actor[]): void {
    this.teams.set(slug.toLowerCase(), new Set(members.map((m) => m.id)));
  }

  setFile(ref: string, path: string, text: string): void {
    this.contents.set(`${ref}:${path}`, text);
  }

  /** A file on the default branch of another repository the installation can read (created on first use). */
  setRepositoryFile(fullName: string, path: string, text: string, branch = "main"): void {
    const repo = this.repositories.get(fullName) ?? { branch, files: new Map<string, string>() };
    repo.files.set(path, text);
    this.repositories.set(fullName, repo);
  }

  addPull(p: Partial<MemoryPull> & { number: number; author: Actor; head: MemoryPull["head"] }): MemoryPull {
    const pull: MemoryPull = {
      title: `PR ${p.number}`,
      body: "",
      state: "open",
      merged: false,
      base: { ref: "main", sha: "b".repeat(40) },
      labels: [],
      assignees: [],
      files: [],
      commits: [],
      ...p,
    };
    this.pulls.set(pull.number, pull);
    return pull;
  }

  /** A push: new head, one more commit, the files the PR now changes, and what this commit touched. */
  push(number: number, commit: PullCommit, files: FakeFile[], touched = files.map((f) => f.filename)): void {
    const pull = this.mustPull(number);
    this.parents.set(commit.sha, { parent: pull.head.sha, files: touched });
    pull.head = { ...pull.head, sha: commit.sha };
    pull.commits.push(commit);
    pull.files = files;
  }

  /** A force-push: the branch is replaced (history rewritten). */
  forcePush(number: number, commits: PullCommit[], files: FakeFile[]): void {
    const pull = this.mustPull(number);
    const head = commits.at(-1);
    if (!head) throw new Error("a force-push needs commits");
    pull.head = { ...pull.head, sha: head.sha };
    pull.commits = commits;
    pull.files = files;
  }

  fail(verb: Verb, status = 500, times = 1, message = "Server Error"): void {
    this.faults.push({ verb, status, times, message });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  // ---------------------------------------------------------------- inspection

  mustPull(number: number): MemoryPull {
    const p = this.pulls.get(number);
    if (!p) throw new Error(`no PR #${number}`);
    return p;
  }

  /** This App's gate runs on a commit, newest first (the one branch protection reads). */
  runsOn(sha: string): MemoryRun[] {
    return [...this.runs.values()]
      .filter((r) => r.headSha === sha && r.appId === this.appId)
      .sort((a, b) => b.id - a.id);
  }

  conclusion(sha: string): string | null {
    return this.runsOn(sha)[0]?.conclusion ?? null;
  }

  commentsOn(issue: number): MemoryComment[] {
    return [...this.commentStore.values()].filter((c) => c.issue === issue).sort((a, b) => a.id - b.id);
  }

  checklists(issue: number): MemoryComment[] {
    return this.commentsOn(issue).filter(
      (c) => c.author?.id === this.bot.id && c.body.startsWith("<!-- ai-review-gate:checklist"),
    );
  }

  /** Calls since `from` (an index into `calls`). */
  since(from: number): Verb[] {
    return this.calls.slice(from);
  }

  // ---------------------------------------------------------------- the port

  private call(verb: Verb): void {
    this.calls.push(verb);
    const f = this.faults.find((x) => x.verb === verb && x.times > 0);
    if (f) {
      f.times--;
      throw new ApiError(f.status, f.message);
    }
  }

  private actor(id: number): Actor | null {
    const u = this.users.get(id);
    return u ? { id: u.id, login: u.login, type: u.type } : null;
  }

  private byLogin(login: string): UserProfile | undefined {
    return [...this.users.values()].find((u) => u.login.toLowerCase() === login.toLowerCase());
  }

  async pull(ref: PullRef): Promise<PullSnapshot> {
    this.call("pull");
    const p = this.pulls.get(ref.number);
    if (!p) throw new ApiError(404, "Not Found");
    return structuredClone({
      number: p.number,
      state: p.state,
      merged: p.merged,
      title: p.title,
      body: p.body,
      htmlUrl: `https://github.com/${this.repo.owner}/${this.repo.repo}/pull/${p.number}`,
      author: this.actor(p.author.id) ?? p.author,
      head: p.head,
      base: p.base,
      headRepo: `${this.repo.owner}/${this.repo.repo}`,
      baseRepo: `${this.repo.owner}/${this.repo.repo}`,
      labels: p.labels,
      assignees: p.assignees.map((a) => this.actor(a.id) ?? a),
      changedFiles: p.totalFiles ?? p.files.length,
      commits: p.totalCommits ?? p.commits.length,
    });
  }

  async pullFiles(ref: PullRef): Promise<Listed<ApiPullFile>> {
    this.call("pullFiles");
    const p = this.mustPull(ref.number);
    return { items: structuredClone(p.files.slice(0, 3000)), truncated: (p.totalFiles ?? p.files.length) > 3000 };
  }

  async pullCommits(ref: PullRef): Promise<Listed<PullCommit>> {
    this.call("pullCommits");
    const p = this.mustPull(ref.number);
    const commits = p.commits.map((c) => ({
      ...c,
      author: { ...c.author, user: c.author.user ? (this.actor(c.author.user.id) ?? c.author.user) : null },
      committer: {
        ...c.committer,
        user: c.committer.user ? (this.actor(c.committer.user.id) ?? c.committer.user) : null,
      },
    }));
    return { items: structuredClone(commits.slice(0, 250)), truncated: (p.totalCommits ?? p.commits.length) > 250 };
  }

  async fileAt(_repo: RepoRef, path: string, ref: string): Promise<string | null> {
    this.call("fileAt");
    return this.contents.get(`${ref}:${path}`) ?? null;
  }

  async fileOnDefaultBranch(repo: RepoRef, path: string, etag?: string | null): Promise<DefaultBranchFile> {
    this.call("fileOnDefaultBranch");
    const own = repo.owner === this.repo.owner && repo.repo === this.repo.repo;
    const found = own
      ? {
          branch: this.defaultBranchName,
          files: new Map([[path, this.contents.get(`${this.defaultBranchName}:${path}`)]]),
        }
      : this.repositories.get(`${repo.owner}/${repo.repo}`);
    if (!found) return { status: "no-repository" };
    const text = found.files.get(path);
    if (text === undefined) return { status: "no-file", branch: found.branch };
    const blobSha = createHash("sha1")
      .update(`blob ${Buffer.byteLength(text)}\0${text}`)
      .digest("hex");
    if (etag === `"${blobSha}"`) return { status: "unchanged" };
    return { status: "found", text, blobSha, etag: `"${blobSha}"` };
  }

  async compare(_repo: RepoRef, base: string, head: string): Promise<Comparison | null> {
    this.call("compare");
    const files = new Set<string>();
    for (let sha = head, hops = 0; hops < 1000; hops++) {
      if (sha === base) return { status: hops === 0 ? "identical" : "ahead", files: [...files], truncated: false };
      const step = this.parents.get(sha);
      if (!step) break;
      for (const f of step.files) files.add(f);
      sha = step.parent;
    }
    return { status: "diverged", files: [...files], truncated: false };
  }

  async checkRuns(_repo: RepoRef, sha: string, filter: { name: string; appId: number }): Promise<CheckRunRecord[]> {
    this.call("checkRuns");
    return structuredClone(
      [...this.runs.values()]
        .filter((r) => r.headSha === sha && r.name === filter.name && r.appId === filter.appId)
        .sort((a, b) => b.id - a.id),
    ).map(({ history: _h, ...r }) => r);
  }

  async upsertCheckRun(_repo: RepoRef, target: { sha: string; id?: number }, body: CheckRunBody): Promise<number> {
    this.call("upsertCheckRun");
    const fields = {
      name: body.name,
      status: "completed",
      conclusion: body.conclusion,
      title: body.title,
      summary: body.summary,
      text: body.text ?? "",
      externalId: body.externalId ?? "",
    };
    for (const [what, value] of [
      ["summary", fields.summary],
      ["text", fields.text],
    ] as const)
      if (Buffer.byteLength(value) > 65535) throw new ApiError(422, `output.${what} is too long`);
    const existing = target.id !== undefined ? this.runs.get(target.id) : undefined;
    if (existing) {
      if (existing.appId !== this.appId) throw new ApiError(403, "Resource not accessible by integration");
      Object.assign(existing, fields);
      existing.history.push(body.conclusion);
      return existing.id;
    }
    const run: MemoryRun = {
      id: this.nextId++,
      headSha: target.sha,
      appId: this.appId,
      ...fields,
      history: [body.conclusion],
    };
    this.runs.set(run.id, run);
    return run.id;
  }

  /** A run created by someone else (a workflow, another app) on a commit: it must never count. */
  foreignRun(sha: string, body: Omit<CheckRunBody, "name"> & { name?: string }, appId = 15368): void {
    const id = this.nextId++;
    this.runs.set(id, {
      id,
      headSha: sha,
      appId,
      name: body.name ?? "AI Review Gate",
      status: "completed",
      conclusion: body.conclusion,
      title: body.title,
      summary: body.summary,
      text: body.text ?? "",
      externalId: "",
      history: [body.conclusion],
    });
  }

  async comment(_repo: RepoRef, id: number): Promise<CommentRecord | null> {
    this.call("comment");
    const c = this.commentStore.get(id);
    return c ? structuredClone(c) : null;
  }

  async comments(
    _repo: RepoRef,
    issue: number,
    until?: (c: CommentRecord) => boolean,
    since?: string,
  ): Promise<Listed<CommentRecord>> {
    const all = this.commentsOn(issue).filter((c) => since === undefined || c.createdAt >= since);
    const items: CommentRecord[] = [];
    for (let page = 0; page * 100 < Math.max(1, all.length); page++) {
      this.call("comments");
      const batch = all.slice(page * 100, page * 100 + 100).map((c) => structuredClone(c));
      items.push(...batch);
      if (until && batch.some(until)) return { items, truncated: (page + 1) * 100 < all.length };
    }
    return { items, truncated: false };
  }

  async upsertComment(_repo: RepoRef, target: { issue: number; id?: number }, body: string): Promise<CommentRecord> {
    this.call("upsertComment");
    if (body.length > 65536) throw new ApiError(422, "body is too long (maximum is 65536 characters)");
    const existing = target.id !== undefined ? this.commentStore.get(target.id) : undefined;
    if (existing) {
      if (existing.author?.id !== this.bot.id) throw new ApiError(403, "Resource not accessible by integration");
      existing.body = body;
      return structuredClone(existing);
    }
    if (!this.pulls.has(target.issue)) throw new ApiError(404, "Not Found");
    const id = this.nextId++;
    const c: MemoryComment = {
      id,
      issue: target.issue,
      body,
      author: this.bot,
      htmlUrl: `https://github.com/${this.repo.owner}/${this.repo.repo}/pull/${target.issue}#issuecomment-${id}`,
      createdAt: this.tick(),
    };
    this.commentStore.set(id, c);
    return structuredClone(c);
  }

  async deleteComment(_repo: RepoRef, id: number): Promise<boolean> {
    this.call("deleteComment");
    return this.commentStore.delete(id);
  }

  async permission(_repo: RepoRef, login: string): Promise<RepoPermission> {
    this.call("permission");
    const u = this.byLogin(login);
    return (u && this.permissions.get(u.id)) ?? "none";
  }

  async teamMember(org: string, team: string, login: string): Promise<boolean> {
    this.call("teamMember");
    const u = this.byLogin(login);
    return !!u && (this.teams.get(`${org}/${team}`.toLowerCase())?.has(u.id) ?? false);
  }

  async user(login: string): Promise<UserProfile | null> {
    this.call("user");
    const u = this.byLogin(login);
    return u ? structuredClone(u) : null;
  }

  async pullsForCommit(_repo: RepoRef, sha: string): Promise<CommitPull[]> {
    this.call("pullsForCommit");
    return [...this.pulls.values()]
      .filter((p) => p.head.sha === sha || p.commits.some((c) => c.sha === sha))
      .map((p) => ({ number: p.number, state: p.state, headSha: p.head.sha, baseRef: p.base.ref }));
  }

  async mergeQueue(_repo: RepoRef, branch: string): Promise<QueueEntry[]> {
    this.call("mergeQueue");
    return structuredClone(this.queues.get(branch) ?? []);
  }

  async app(): Promise<{ id: number; slug: string | null }> {
    this.call("app");
    return { id: this.appId, slug: this.bot.login.replace(/\[bot\]$/, "") };
  }

  async pullContext(q: PullContextQuery): Promise<PullContext> {
    this.call("pullContext");
    const p = this.pulls.get(q.number);
    if (!p) throw new Error(`pull request ${q.owner}/${q.repo}#${q.number} not found`);
    const login = (a: Actor | null) => (a ? { login: a.login } : null);
    const commits = p.commits.slice(0, 250).map(
      (c): ApiCommit => ({
        sha: c.sha,
        commit: { message: c.message, author: c.author, committer: c.committer },
        author: login(c.author.user),
        committer: login(c.committer.user),
      }),
    );
    const repoLabels = new Set<string>();
    for (const name of this.labels.keys())
      if (q.labelNames.includes(name) || q.labelPrefixes.some((prefix) => name.startsWith(prefix)))
        repoLabels.add(name);
    return {
      configText: this.contents.get(`${q.baseSha}:${q.configPath.replace(/^\.?\//, "")}`) ?? null,
      configProblem: null,
      commits,
      labels: [...p.labels],
      repoLabels,
      comments: this.commentsOn(q.number).map((c) => ({
        id: c.id,
        body: c.body,
        mine: c.author?.id === this.bot.id,
        createdAt: c.createdAt,
      })),
      requests: 1,
    };
  }

  async createLabel(_repo: RepoRef, label: LabelSpec): Promise<boolean> {
    this.call("createLabel");
    if (this.labels.has(label.name)) return false;
    this.labels.set(label.name, { ...label });
    return true;
  }

  async addLabels(ref: PullRef, names: string[]): Promise<void> {
    this.call("addLabels");
    const p = this.pulls.get(ref.number);
    if (!p) throw new ApiError(404, "Not Found");
    for (const name of names) {
      if (!this.labels.has(name)) this.labels.set(name, { name, color: "ededed", description: "" });
      if (!p.labels.includes(name)) p.labels.push(name);
    }
  }

  async removeLabel(ref: PullRef, name: string): Promise<boolean> {
    this.call("removeLabel");
    const p = this.pulls.get(ref.number);
    if (!p?.labels.includes(name)) return false;
    p.labels = p.labels.filter((l) => l !== name);
    return true;
  }

  async defaultBranch(_repo: RepoRef): Promise<string> {
    this.call("defaultBranch");
    return this.defaultBranchName;
  }

  async rulesets(_repo: RepoRef): Promise<Ruleset[] | null> {
    this.call("rulesets");
    if (!this.rulesetsAvailable) return null;
    return [...this.rulesetStore.values()].map((r) => ({ id: r.id, name: r.name }));
  }

  async ruleset(_repo: RepoRef, id: number): Promise<Ruleset> {
    this.call("ruleset");
    const r = this.rulesetStore.get(id);
    if (!r) throw new ApiError(404, "Not Found");
    return structuredClone(r);
  }

  async createRuleset(_repo: RepoRef, body: RulesetBody): Promise<boolean> {
    this.call("createRuleset");
    if (!this.rulesetsAvailable) return false;
    const id = this.nextId++;
    this.rulesetStore.set(id, { ...structuredClone(body), id });
    return true;
  }

  async updateRuleset(_repo: RepoRef, id: number, body: RulesetBody): Promise<void> {
    this.call("updateRuleset");
    if (!this.rulesetStore.has(id)) throw new ApiError(404, "Not Found");
    this.rulesetStore.set(id, { ...structuredClone(body), id });
  }

  async branchProtection(_repo: RepoRef, branch: string): Promise<BranchProtection | null> {
    this.call("branchProtection");
    const p = this.protections.get(branch);
    return p ? structuredClone(p) : null;
  }

  async protectBranch(_repo: RepoRef, branch: string, body: BranchProtectionBody): Promise<void> {
    this.call("protectBranch");
    this.protections.set(branch, { required_status_checks: structuredClone(body.required_status_checks) });
  }

  async setRequiredChecks(_repo: RepoRef, branch: string, checks: RequiredCheck[]): Promise<void> {
    this.call("setRequiredChecks");
    const p = this.protections.get(branch);
    if (!p?.required_status_checks) throw new ApiError(404, "Required status checks not enabled");
    p.required_status_checks.checks = structuredClone(checks);
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  // ---------------------------------------------------------------- people acting in the web UI

  /** Someone edits a comment: the body changes, and the `changes.body.from` GitHub would send is returned. */
  edit(commentId: number, change: (body: string) => string): { from: string; to: string } {
    const c = this.commentStore.get(commentId);
    if (!c) throw new Error(`no comment ${commentId}`);
    const from = c.body;
    c.body = change(from);
    return { from, to: c.body };
  }

  /** Someone posts a comment as themselves. */
  post(issue: number, author: Actor, body: string): MemoryComment {
    const id = this.nextId++;
    const c: MemoryComment = {
      id,
      issue,
      body,
      author,
      htmlUrl: `https://github.com/x/y/pull/${issue}#issuecomment-${id}`,
      createdAt: this.tick(),
    };
    this.commentStore.set(id, c);
    return c;
  }
}
