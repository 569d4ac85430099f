import { parseBody, soleMarkerLine } from "../../app/gate/checklist-comment.js";
import { decodeRecord, parseViewMarker } from "../../app/gate/record.js";
import type { GateState } from "../../app/gate/state.js";
import { createGate } from "../../app/index.js";
import type { DeliveryStats } from "../../app/observe.js";
import type { Actor, PullCommit } from "../../src/github/port.js";
import { example } from "../e2e/support/payloads.js";
import { type FakeFile, MemoryGitHub, type MemoryPull } from "../support/memory-github.js";
import { commit } from "./builders.js";

/**
 * A world for the App's unit tests: the gate (createGate, the same dispatch Probot uses) over the
 * in-memory GitHub port, with deliveries in GitHub's real payload shapes (@octokit/webhooks-examples,
 * patched with the world's state). People act the way they do in the web UI: an edit changes the
 * comment and yields the payload GitHub sends, with `changes.body.from`.
 */

// biome-ignore lint/suspicious/noExplicitAny: example payloads are patched field by field
type Json = Record<string, any>;

export const NOW = new Date("2026-11-24T10:00:00Z");
export const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
export const WEAK_BASE = "0ea5e0ea5e0ea5e0ea5e0ea5e0ea5e0ea5e0ea5e";
export const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

export const CONFIG = `
gate:
  policy: all
  threshold: medium
  approvals:
    high: 1
    critical: 2
rules:
  migration-destructive: "off"
  migration: "off"
  infra-deletion: "off"
  infra-change: "off"
  production-config: "off"
  ci-workflow: "off"
  secrets: "off"
  destructive-command: "off"
  safety-bypass: "off"
  dependency: "off"
  missing-tests: "off"
  custom/danger: high
custom_rules:
  - id: danger
    pattern: "DANGER\\\\("
    message: "calls DANGER() on the payments ledger"
checklist:
  extra:
    - id: rollback
      text: "A rollback plan is written in the PR description"
`;

/** A base whose config does not gate anything (for retarget attacks). */
export const WEAK_CONFIG = "gate:\n  policy: ai-authored\n  threshold: critical\n";

export function riskyFile(path = "lib/payments.js"): FakeFile {
  return {
    filename: path,
    status: "modified",
    additions: 2,
    deletions: 0,
    patch: "@@ -1,2 +1,4 @@\n const a = 1;\n+DANGER(ledger);\n+const b = 2;\n const c = 3;",
  };
}

export function docsFile(path = "docs/guide.md"): FakeFile {
  return { filename: path, status: "modified", additions: 1, deletions: 0, patch: "@@ -1 +1,2 @@\n a\n+more words" };
}

/** A commit by an account (its noreply address names the id, as GitHub's web flow does). */
export const commitBy = (sha: string, author: Actor, message = "Change things"): PullCommit =>
  commit(sha, author, message);

export class World {
  readonly gh = new MemoryGitHub();
  readonly gate = createGate({ appId: this.gh.appId, appSlug: "ai-review-gate", now: () => this.clock });
  clock = NOW;
  private delivery = 0;
  readonly logs: string[] = [];
  /** Told what each delivery decides (app/observe.ts), when set. */
  observe: DeliveryStats | null = null;

  readonly people = {
    author: this.gh.addUser({ id: 21031067, login: "Codertocat" }, "admin"),
    alice: this.gh.addUser({ id: 1001, login: "alice", name: "Alice A", email: "alice@example.com" }, "write"),
    bob: this.gh.addUser({ id: 1002, login: "bob" }, "admin"),
    carol: this.gh.addUser({ id: 1003, login: "carol" }, "write"),
    dave: this.gh.addUser({ id: 1005, login: "dave" }, "maintain"),
    reader: this.gh.addUser({ id: 1004, login: "reader" }, "read"),
    stranger: this.gh.addUser({ id: 1006, login: "stranger" }),
    deploy: this.gh.addUser({ id: 1007, login: "deploy-robot" }, "write"),
    bot: this.gh.addUser({ id: 49699333, login: "dependabot[bot]", type: "Bot" }, "write"),
    copilot: this.gh.addUser({ id: 198982749, login: "Copilot", type: "Bot" }),
  };

  constructor(config = CONFIG) {
    this.gh.setFile(BASE, ".github/ai-review-gate.yml", config);
    this.gh.setFile(WEAK_BASE, ".github/ai-review-gate.yml", WEAK_CONFIG);
  }

  /** A PR with a risky change by Codertocat (the gate applies: policy all, high → 1 approver). */
  pull(number = 2, over: Partial<MemoryPull> = {}): MemoryPull {
    return this.gh.addPull({
      number,
      author: this.people.author,
      head: { sha: HEAD, ref: "changes" },
      base: { sha: BASE, ref: "main" },
      files: [riskyFile()],
      commits: [commitBy(HEAD, this.people.author)],
      ...over,
    });
  }

  private repository(): Json {
    const r = example("pull_request", "opened").repository;
    return { ...r, id: this.gh.repoId, name: this.gh.repo.repo, owner: { ...r.owner, login: this.gh.repo.owner } };
  }

  private sender(a: Actor): Json {
    return { login: a.login, id: a.id, type: a.type, node_id: `U_${a.id}`, site_admin: false };
  }

  async deliver(name: string, payload: Json, id = `d${++this.delivery}`): Promise<string> {
    return this.gate.receive(
      { id, name, payload },
      {
        port: this.gh,
        log: { info: () => {}, warn: (m) => this.logs.push(m), error: (m) => this.logs.push(m) },
        identity: async () => ({ appId: this.gh.appId, botLogin: this.gh.bot.login }),
        ...(this.observe ? { observe: this.observe } : {}),
      },
    );
  }

  prPayload(action: string, number = 2, extra: Json = {}): Json {
    const p = example("pull_request", action === "synchronize" ? "synchronize" : "opened");
    const pull = this.gh.mustPull(number);
    p.action = action;
    p.repository = this.repository();
    p.number = number;
    p.pull_request = {
      ...p.pull_request,
      number,
      state: pull.state,
      head: { ...p.pull_request.head, sha: pull.head.sha, ref: pull.head.ref },
      base: { ...p.pull_request.base, sha: pull.base.sha, ref: pull.base.ref },
      user: this.sender(pull.author),
      merged: pull.merged,
    };
    p.sender = this.sender(pull.author);
    return { ...p, ...extra };
  }

  async event(action: string, number = 2, extra: Json = {}): Promise<string> {
    return this.deliver("pull_request", this.prPayload(action, number, extra));
  }

  open(number = 2): Promise<string> {
    return this.event("opened", number);
  }

  /** A push: new commit by `by`, the PR's files become `files`; GitHub sends `synchronize`. */
  async push(
    sha: string,
    opts: { number?: number; by?: Actor; files?: FakeFile[]; message?: string; deliver?: boolean } = {},
  ) {
    const number = opts.number ?? 2;
    const before = this.gh.mustPull(number).head.sha;
    const files = opts.files ?? this.gh.mustPull(number).files;
    this.gh.push(number, commitBy(sha, opts.by ?? this.people.author, opts.message), files);
    const payload = this.prPayload("synchronize", number, { before, after: sha });
    if (opts.deliver !== false) await this.deliver("pull_request", payload);
    return payload;
  }

  /** Retarget to another base (GitHub sends `edited` with `changes.base`). */
  async retarget(ref: string, sha: string, number = 2, deliver = true) {
    const pull = this.gh.mustPull(number);
    const from = pull.base;
    pull.base = { ref, sha };
    const payload = this.prPayload("edited", number, {
      changes: { base: { ref: { from: from.ref }, sha: { from: from.sha } } },
    });
    if (deliver) await this.deliver("pull_request", payload);
    return payload;
  }

  /** `who` (the author by default) edits the PR description; GitHub sends `edited` with `changes.body.from`. */
  async editBody(body: string, opts: { number?: number; by?: Actor; deliver?: boolean } = {}) {
    const number = opts.number ?? 2;
    const pull = this.gh.mustPull(number);
    const from = pull.body;
    pull.body = body;
    const payload = this.prPayload("edited", number, { changes: { body: { from } } });
    payload.pull_request.body = body;
    if (opts.by) payload.sender = this.sender(opts.by);
    if (opts.deliver !== false) await this.deliver("pull_request", payload);
    return payload;
  }

  checklist(number = 2) {
    const [c] = this.gh.checklists(number);
    if (!c) throw new Error(`no checklist on #${number}`);
    return c;
  }

  commentPayload(
    action: "edited" | "deleted",
    c: { id: number; body: string; author: Actor | null; htmlUrl: string; issue: number },
    sender: Actor,
    from?: string,
  ): Json {
    const p = example("issue_comment", action);
    const pull = this.gh.mustPull(c.issue);
    p.repository = this.repository();
    p.issue = {
      ...p.issue,
      number: c.issue,
      state: pull.state,
      user: this.sender(pull.author),
      pull_request: { url: `https://api.github.com/repos/x/y/pulls/${c.issue}` },
    };
    p.comment = {
      ...p.comment,
      id: c.id,
      body: c.body,
      html_url: c.htmlUrl,
      user: c.author ? this.sender(c.author) : null,
    };
    if (from !== undefined) p.changes = { body: { from } };
    p.sender = this.sender(sender);
    return p;
  }

  /** `who` edits the checklist in the web UI; the delivery is returned (not sent) when `send` is false. */
  async editChecklist(who: Actor, change: (body: string) => string, opts: { number?: number; send?: boolean } = {}) {
    const c = this.checklist(opts.number ?? 2);
    const { from } = this.gh.edit(c.id, change);
    const payload = this.commentPayload("edited", c, who, from);
    if (opts.send !== false) await this.deliver("issue_comment", payload);
    return payload;
  }

  tick(who: Actor, ids: string[], opts: { number?: number; checked?: boolean; send?: boolean } = {}) {
    return this.editChecklist(who, (b) => ids.reduce((acc, id) => setBox(acc, id, opts.checked ?? true), b), opts);
  }

  async deleteChecklist(who: Actor, number = 2) {
    const c = this.checklist(number);
    this.gh.commentStore.delete(c.id);
    return this.deliver("issue_comment", this.commentPayload("deleted", c, who));
  }

  /** The record of a PR in force (from the head's run, following `next`). */
  record(number = 2): GateState {
    const pull = this.gh.mustPull(number);
    let sha: string | null = pull.head.sha;
    let found: GateState | undefined;
    for (let hops = 0; sha && hops < 10; hops++) {
      const runs = this.gh.runsOn(sha);
      found = runs.flatMap((r) => decodeRecord(r.text)).find((e) => e.pr === number);
      sha = found?.next ?? null;
    }
    if (!found) throw new Error(`no record for #${number}`);
    return found;
  }

  /** The view marker of the current checklist. */
  marker(number = 2) {
    const line = soleMarkerLine(parseBody(this.checklist(number).body));
    return line ? parseViewMarker(line) : null;
  }
}

export const ITEM_MARKER = (id: string) => `<!-- ai-review-gate:item ${id} -->`;

/** Flip one item's box as GitHub's task-list click does (only that line changes). */
export function setBox(body: string, id: string, checked = true): string {
  const marker = ITEM_MARKER(id);
  const lines = body.split("\n");
  const i = lines.findIndex((l) => l.endsWith(marker));
  if (i === -1) throw new Error(`no item ${id} in:\n${body}`);
  lines[i] = lines[i]!.replace(/^- \[[ xX]\]/, checked ? "- [x]" : "- [ ]");
  return lines.join("\n");
}

export function isTicked(body: string, id: string): boolean {
  return body.split("\n").some((l) => /^- \[[xX]\]/.test(l) && l.endsWith(ITEM_MARKER(id)));
}

/** Item ids in a checklist body, in order. */
export function itemIds(body: string): string[] {
  return [...body.matchAll(/<!-- ai-review-gate:item ([^ ]+) -->/g)].map((m) => m[1]!);
}
