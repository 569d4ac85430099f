import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { createApp } from "../../app/index.js";
import {
  APP_ID,
  BASE_SHA,
  BOT,
  type FakeComment,
  type FakeCommit,
  FakeGitHub,
  HEAD_SHA,
  OWNER,
  REPO,
  REPO_ID,
} from "./fake-github.js";

const require = createRequire(import.meta.url);

// biome-ignore lint/suspicious/noExplicitAny: webhook payloads are loosely typed JSON built by the tests
export type Payload = Record<string, any>;

interface Example {
  action?: string;
  installation?: unknown;
  [k: string]: unknown;
}
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as Array<{
  name: string;
  examples: Example[];
}>;

/** A real payload shape from @octokit/webhooks-examples (deep-copied). */
export function example(name: string, action: string): Payload {
  const group = examples.find((e) => e.name === name);
  const found =
    group?.examples.find((e) => e.action === action && e.installation) ??
    group?.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no ${name}.${action} example`);
  return structuredClone(found) as Payload;
}

export const privateKey = readFileSync(new URL("../fixtures/app/mock-cert.pem", import.meta.url), "utf8");
export const STATE_SECRET = "test-state-secret";
export const NOW = new Date("2026-11-24T10:00:00Z");

export const USERS = {
  author: { login: "Codertocat", id: 21031067, type: "User" },
  alice: { login: "alice", id: 1001, type: "User" },
  bob: { login: "bob", id: 1002, type: "User" },
  carol: { login: "carol", id: 1003, type: "User" },
  reader: { login: "reader", id: 1004, type: "User" },
  dave: { login: "dave", id: 1005, type: "User" },
  bot: { login: "dependabot[bot]", id: 49699333, type: "Bot" },
} as const;

export type User = { login: string; id: number; type: string };

export interface Harness {
  probot: Probot;
  gh: FakeGitHub;
  receive(name: string, payload: Payload): Promise<void>;
}

/** Probot with retries quick (1 ms base), throttling off, the fake GitHub served through nock. */
export async function harness(opts: { retries?: number; gh?: FakeGitHub } = {}): Promise<Harness> {
  nock.disableNetConnect();
  const gh = opts.gh ?? new FakeGitHub();
  if (!opts.gh) gh.serve();
  // Function form: Probot's own throttle options would otherwise turn throttling back on.
  const TestOctokit = ProbotOctokit.defaults((o: Payload) => ({
    ...o,
    retry: { enabled: true, retries: opts.retries ?? 2, retryAfterBaseValue: 1 },
    throttle: { ...o.throttle, enabled: false },
  }));
  const probot = new Probot({ appId: APP_ID, privateKey, Octokit: TestOctokit, logLevel: "fatal" });
  await probot.load(createApp({ stateSecret: STATE_SECRET, appId: APP_ID, appSlug: "ai-review-gate", now: () => NOW }));
  let delivery = 0;
  return {
    probot,
    gh,
    async receive(name, payload) {
      await probot.receive({ id: `d${++delivery}`, name: name as never, payload: payload as never });
    },
  };
}

export function teardown(): void {
  nock.cleanAll();
  nock.enableNetConnect();
}

function repository(): Payload {
  const r = example("pull_request", "opened").repository;
  return { ...r, id: REPO_ID, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { ...r.owner, login: OWNER } };
}

export function prPayload(gh: FakeGitHub, action: string, extra: Record<string, unknown> = {}): Payload {
  const p = example("pull_request", action === "synchronize" ? "synchronize" : "opened");
  p.action = action;
  p.repository = repository();
  p.installation = { id: 1 };
  p.pull_request = { ...p.pull_request, ...structuredClone(gh.pull) };
  p.number = gh.pull.number;
  return { ...p, ...extra };
}

/** A user edits a comment: the fake stores the new body, the payload carries old and new. */
export function editPayload(gh: FakeGitHub, comment: FakeComment, newBody: string, sender: User): Payload {
  const from = comment.body;
  comment.body = newBody;
  const p = example("issue_comment", "edited");
  p.repository = repository();
  p.installation = { id: 1 };
  p.issue = {
    ...p.issue,
    number: gh.pull.number,
    user: { ...p.issue.user, login: gh.pull.user.login },
    pull_request: { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${gh.pull.number}` },
  };
  p.comment = {
    ...p.comment,
    id: comment.id,
    body: newBody,
    user: { ...p.comment.user, ...comment.user },
    html_url: comment.html_url,
  };
  p.changes = { body: { from } };
  p.sender = { ...p.sender, ...sender };
  return p;
}

export function deletePayload(gh: FakeGitHub, comment: FakeComment, sender: User): Payload {
  gh.comments = gh.comments.filter((c) => c.id !== comment.id);
  const p = example("issue_comment", "deleted");
  p.repository = repository();
  p.installation = { id: 1 };
  p.issue = { ...p.issue, number: gh.pull.number, pull_request: { url: "x" } };
  p.comment = { ...p.comment, id: comment.id, body: comment.body, user: { ...p.comment.user, ...comment.user } };
  p.sender = { ...p.sender, ...sender };
  return p;
}

/** Flip the checkbox of the item whose hidden id is `id`, exactly as GitHub's task list toggle does. */
export function toggle(body: string, id: string, checked = true): string {
  const marker = `<!-- ai-review-gate:item ${id} -->`;
  const lines = body.split("\n");
  const i = lines.findIndex((l) => l.endsWith(marker));
  if (i === -1) throw new Error(`no item ${id} in:\n${body}`);
  lines[i] = lines[i]!.replace(/^- \[[ xX]\]/, checked ? "- [x]" : "- [ ]");
  return lines.join("\n");
}

export const DEFAULT_CONFIG = `
gate:
  policy: all
  threshold: medium
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

export function setConfig(gh: FakeGitHub, text: string, sha = BASE_SHA): void {
  gh.blobs[`${sha}:.github/ai-review-gate.yml`] = text;
}

export function riskyChange(gh: FakeGitHub, path = "lib/payments.js"): void {
  gh.files = [
    {
      filename: path,
      status: "modified",
      additions: 2,
      deletions: 0,
      patch: "@@ -1,2 +1,4 @@\n const a = 1;\n+DANGER(ledger);\n+const b = 2;\n const c = 3;",
    },
  ];
}

export function commit(sha: string, author: string, message = "Change things", email?: string): FakeCommit {
  return {
    sha,
    commit: {
      message,
      author: { name: author, email: email ?? `${author}@users.noreply.github.com` },
      committer: { name: "GitHub", email: "noreply@github.com" },
    },
    author: { login: author },
    committer: { login: "web-flow" },
  };
}

export { APP_ID, BASE_SHA, BOT, HEAD_SHA, OWNER, REPO, REPO_ID };
