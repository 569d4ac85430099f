import { createHash } from "node:crypto";
import type { FakeFile, FakeGitHub, FakeUser } from "../../support/fake-github.js";

/**
 * People and pull requests of the end-to-end scenarios. The risky PR is written by GitHub Copilot's
 * coding agent (branch `copilot/fix-12`, its PR body marker, commits co-authored with the person who
 * assigned the issue): a destructive migration, a deleted production Terraform database and untested
 * billing code. With the base branch's config that makes it critical: 2 distinct approvers.
 */

export const BASE_SHA = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
export const HEAD_1 = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
export const HEAD_2 = "5e1a1b2c3d4e5f60718293a4b5c6d7e8f9012345";

export const PEOPLE = {
  copilot: { login: "Copilot", id: 198982749, type: "Bot" } as FakeUser,
  /** Assigned the issue to Copilot: asked the agent for the change, so may not approve it. */
  dana: { login: "dana", id: 2001, type: "User", name: "Dana Requester", email: "dana@example.com" } as FakeUser,
  alice: { login: "alice", id: 2002, type: "User", name: "Alice Reviewer", email: "alice@example.com" } as FakeUser,
  bob: { login: "bob", id: 2003, type: "User", name: "Bob Reviewer", email: "bob@example.com" } as FakeUser,
  reader: { login: "reader", id: 2004, type: "User" } as FakeUser,
  human: { login: "hank", id: 2005, type: "User", name: "Hank Human", email: "hank@example.com" } as FakeUser,
};

export const CONFIG = [
  "version: 1",
  "gate:",
  "  policy: ai-authored",
  "  threshold: medium",
  "  approvals:",
  "    high: 1",
  "    critical: 2",
  "  stale: reset",
  "",
].join("\n");

function added(path: string, lines: string[]): FakeFile {
  return {
    filename: path,
    status: "added",
    additions: lines.length,
    deletions: 0,
    patch: [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join("\n"),
  };
}

function removed(path: string, lines: string[]): FakeFile {
  return {
    filename: path,
    status: "removed",
    additions: 0,
    deletions: lines.length,
    patch: [`@@ -1,${lines.length} +0,0 @@`, ...lines.map((l) => `-${l}`)].join("\n"),
  };
}

export const RISKY_FILES: FakeFile[] = [
  added("db/migrations/20261124_drop_email.sql", ["ALTER TABLE users DROP COLUMN email;"]),
  removed("infra/prod/database.tf", [
    'resource "aws_db_instance" "main" {',
    '  identifier = "prod-main"',
    '  engine     = "postgres"',
    "}",
  ]),
  added("src/billing/refund.ts", ["export function refund(amount: number) {", "  return amount * 2;", "}"]),
];

export const DOCS_FILES: FakeFile[] = [added("docs/usage.md", ["# Usage", "", "Run `npm start`."])];

/** Medium/high-risk untested source change (one item, one approver). */
export function sourceFiles(n: number): FakeFile[] {
  return [added(`src/feature${n}/handler.ts`, [`export function handle${n}(x: number) {`, "  return x + 1;", "}"])];
}

const AGENT_BODY = [
  "Drops the unused `users.email` column and the old production database, as asked in #12.",
  "",
  "Fixes #12.",
  "",
  "## Rollback",
  "Restore `users.email` and the legacy database from the snapshot taken before the migration.",
  "",
  "<!-- START COPILOT CODING AGENT TIPS -->",
  "---",
  "💡 You can make Copilot smarter by setting up custom instructions.",
].join("\n");

export function setUpRepo(fake: FakeGitHub): void {
  fake.setFile(BASE_SHA, ".github/ai-review-gate.yml", CONFIG);
  // A PR cannot weaken its own gate: the head's config would switch it off, and must be ignored.
  fake.setFile(HEAD_1, ".github/ai-review-gate.yml", "version: 1\ngate:\n  policy: all\n  threshold: critical\n");
  fake.addUser(PEOPLE.copilot);
  fake.addUser(PEOPLE.dana, "admin");
  fake.addUser(PEOPLE.alice, "write");
  fake.addUser(PEOPLE.bob, "maintain");
  fake.addUser(PEOPLE.reader, "read");
  fake.addUser(PEOPLE.human, "write");
}

/** The AI-authored risky PR #2 (Copilot coding agent, requested by dana). */
export function addRiskyAgentPull(fake: FakeGitHub, number = 2, head = HEAD_1): void {
  fake.addPull({
    number,
    title: "Drop users.email and the legacy production database",
    body: AGENT_BODY,
    user: PEOPLE.copilot,
    head: { ref: `copilot/fix-${number + 10}`, sha: head },
    base: { ref: "main", sha: BASE_SHA },
    assignees: ["Copilot", "dana"],
    files: RISKY_FILES,
    commits: [
      {
        sha: head,
        message:
          "Drop users.email and remove legacy database\n\nCo-authored-by: dana <2001+dana@users.noreply.github.com>",
        author: {
          name: "copilot-swe-agent[bot]",
          email: "198982749+Copilot@users.noreply.github.com",
          login: "Copilot",
        },
      },
    ],
  });
}

/** A human-written PR (gate policy ai-authored: not required). */
export function addHumanPull(fake: FakeGitHub, number: number, head: string, files: FakeFile[]): void {
  fake.addPull({
    number,
    title: `Human change ${number}`,
    body: "Small fix.",
    user: PEOPLE.human,
    head: { ref: `hank/change-${number}`, sha: head },
    base: { ref: "main", sha: BASE_SHA },
    files,
    commits: [
      { sha: head, message: "Small fix", author: { name: "Hank Human", email: "hank@example.com", login: "hank" } },
    ],
  });
}

/** A stable, distinct 40-hex commit SHA per (PR, push). */
export function sha(n: number, salt = 0): string {
  return createHash("sha1").update(`${n}:${salt}`).digest("hex");
}
