import { afterEach, describe, expect, test } from "vitest";
import { decodeRecord } from "../../app/gate/record.js";
import { deliver } from "../support/deliver.js";
import { type FakeFile, type FakeGitHub, type FakeUser, startFakeGitHub } from "../support/fake-github.js";
import { type AppServer, startAppServer, WEBHOOK_SECRET } from "./support/app-server.js";
import {
  checkRunRerequested,
  commentEditedEvent,
  humanDelete,
  humanEdit,
  isTicked,
  itemIds,
  pullRequestEvent,
  setBox,
} from "./support/payloads.js";
import {
  addHumanPull,
  addRiskyAgentPull,
  BASE_SHA,
  DOCS_FILES,
  HEAD_1,
  PEOPLE,
  setUpRepo,
  sha,
} from "./support/scenario.js";

/**
 * One regression per attack class of the gate-integrity issue, through the App's real webhook
 * endpoint: signed deliveries over HTTP to Probot's middleware, the App talking to the loopback GitHub
 * fake (every request checked against GitHub's OpenAPI description). Each test starts a fresh world.
 */

const CHECK = "AI Review Gate";
/** A base where the gate does not apply (retarget attacks). */
const WEAK_SHA = "0ea5e0ea5e0ea5e0ea5e0ea5e0ea5e0ea5e0ea5e";
/** A base whose config gates every PR at one approver (the human-written PRs below). */
const ALL_SHA = "a11a11a11a11a11a11a11a11a11a11a11a11a11a";
const GATE_ALL =
  "version: 1\ngate:\n  policy: all\n  threshold: low\n  approvals:\n    low: 1\n    medium: 1\n    high: 1\n";

let fake: FakeGitHub;
let app: AppServer;

afterEach(async () => {
  fake.assertClean();
  expect(app.errors.filter((e) => !/failed: HTTP/.test(e))).toEqual([]);
  await app.close();
  await fake.close();
});

async function world(): Promise<void> {
  fake = await startFakeGitHub();
  setUpRepo(fake);
  fake.setFile(
    WEAK_SHA,
    ".github/ai-review-gate.yml",
    "version: 1\ngate:\n  policy: ai-authored\n  threshold: critical\n  approvals:\n    critical: 1\n",
  );
  fake.setFile(ALL_SHA, ".github/ai-review-gate.yml", GATE_ALL);
  fake.addUser({ login: "carol", id: 2006, type: "User" }, "write");
  fake.addUser({ login: "deploy-robot", id: 2007, type: "User" }, "write");
  app = await startAppServer(fake);
}

async function send(event: string, payload: unknown, id?: string): Promise<void> {
  const res = await deliver({ url: app.url, event, payload, secret: WEBHOOK_SECRET, ...(id ? { id } : {}) });
  expect(res.status, `${event}: ${res.body} ${app.errors.join("; ")}`).toBe(200);
}

function checklist(pr = 2) {
  const own = fake
    .commentsOn(pr)
    .filter((c) => c.user.login === fake.botUser.login && c.body.startsWith("<!-- ai-review-gate:checklist"));
  expect(own, "exactly one checklist comment").toHaveLength(1);
  return own[0]!;
}

function run(head: string) {
  return fake.runsFor(head, CHECK).filter((r) => r.app.id === fake.appId)[0];
}

function conclusion(head: string): string | null {
  return run(head)?.conclusion ?? null;
}

function recordOf(pr: number, head: string) {
  return decodeRecord(run(head)?.output.text ?? "").find((e) => e.pr === pr);
}

/** `who` edits the checklist in the web UI; returns the payload GitHub sent (and sends it unless told not to). */
async function edit(who: FakeUser, change: (b: string) => string, opts: { pr?: number; send?: boolean } = {}) {
  const payload = humanEdit(fake, who, checklist(opts.pr ?? 2).id, change);
  if (opts.send !== false) await send("issue_comment", payload);
  return payload;
}

const tick =
  (ids: string[], checked = true) =>
  (b: string) =>
    ids.reduce((acc, id) => setBox(acc, id, checked), b);
const items = (pr = 2) => itemIds(checklist(pr).body).filter((id) => !id.startsWith("signoff:"));

/** The risky Copilot PR #2 (critical: two distinct sign-offs), opened. */
async function openAgentPull(): Promise<void> {
  addRiskyAgentPull(fake);
  await send("pull_request", pullRequestEvent(fake, "opened", 2));
  expect(conclusion(HEAD_1)).toBe("action_required");
}

/** Alice ticks every item and sign-off 1, Bob sign-off 2: the legitimate approval. */
async function approve(pr = 2): Promise<void> {
  await edit(PEOPLE.alice, tick([...items(pr), "signoff:1"]), { pr });
  await edit(PEOPLE.bob, tick(["signoff:2"]), { pr });
}

/** A human-written PR into the all-gating base (one approver). */
async function openHumanPull(number: number, head: string, files: FakeFile[], base = ALL_SHA): Promise<void> {
  addHumanPull(fake, number, head, files);
  fake.mustPull(number).base = { ref: base === ALL_SHA ? "main" : "other", sha: base };
  await send("pull_request", pullRequestEvent(fake, "opened", number));
}

const agentCommit = (message = "more") => ({
  message,
  author: { name: "Copilot", email: "198982749+Copilot@users.noreply.github.com", login: "Copilot" },
});

describe("class 1: exclusions are remembered by account id", () => {
  test("the requester stays excluded after unassigning herself, deleting the request and force-pushing the co-authored commit away", async () => {
    await world();
    await openAgentPull();
    const pull = fake.mustPull(2);
    pull.assignees = ["Copilot"];
    pull.body = "Drops the column.";
    const head = sha(2, 9);
    pull.commits = [{ sha: head, ...agentCommit("Drop the column") }];
    pull.head = { ...pull.head, sha: head };
    fake.compares.set(`${HEAD_1}...${head}`, { status: "diverged", files: [] });
    await send("pull_request", pullRequestEvent(fake, "synchronize", 2));
    await edit(PEOPLE.dana, tick([...items(), "signoff:1"]));
    expect(recordOf(2, head)?.ticks).toEqual([]);
    expect(checklist().body).toMatch(/whoever asked the agent for it, cannot approve it/);
    expect(recordOf(2, head)?.excluded.ids).toContain(PEOPLE.dana.id);
  });
});

describe("class 2: identity is the account id", () => {
  test("a renamed approver cannot fill the second sign-off", async () => {
    await world();
    await openAgentPull();
    await edit(PEOPLE.alice, tick([...items(), "signoff:1"]));
    const renamed = fake.rename("alice", "alice-renamed");
    await edit(renamed, tick(["signoff:2"]));
    expect(isTicked(checklist().body, "signoff:2")).toBe(false);
    expect(checklist().body).toMatch(/already signed off/);
    expect(conclusion(HEAD_1)).toBe("action_required");
  });
});

describe("class 3: stale and replayed edits count for nothing", () => {
  test("a tick made before a push, delivered after the push was handled", async () => {
    await world();
    await openAgentPull();
    const late = await edit(PEOPLE.alice, tick([...items(), "signoff:1"]), { send: false });
    const head = sha(2, 1);
    fake.push(2, head, agentCommit());
    await send("pull_request", pullRequestEvent(fake, "synchronize", 2));
    await send("issue_comment", late);
    expect(recordOf(2, head)?.ticks).toEqual([]);
    expect(checklist().body).toMatch(/made on the checklist for ec26c3e/);
  });

  test("a redelivered old edit cannot undo a later untick, with its id or a new one", async () => {
    await world();
    await openAgentPull();
    const first = await edit(PEOPLE.alice, tick([...items(), "signoff:1"]), { send: false });
    await send("issue_comment", first, "alice-tick");
    await edit(PEOPLE.bob, tick(["signoff:2"]));
    expect(conclusion(HEAD_1)).toBe("success");
    await edit(PEOPLE.bob, tick(["signoff:1", "signoff:2"], false));
    await edit(PEOPLE.bob, tick(["signoff:2"]));
    expect(conclusion(HEAD_1)).toBe("action_required");
    const before = fake.requests.length;
    await send("issue_comment", first, "alice-tick");
    expect(fake.requests.length).toBe(before);
    await send("issue_comment", first, "alice-tick-after-restart");
    expect(conclusion(HEAD_1)).toBe("action_required");
    expect(isTicked(checklist().body, "signoff:1")).toBe(false);
  });
});

describe("class 4: the record lives in the App's check run", () => {
  test("deleting the checklist and pasting an older approved one never rolls the gate back", async () => {
    await world();
    await openAgentPull();
    await approve();
    const approvedBody = checklist().body;
    await edit(PEOPLE.bob, tick(["signoff:2"], false));
    expect(conclusion(HEAD_1)).toBe("action_required");
    await send("issue_comment", humanDelete(fake, PEOPLE.dana, checklist().id));
    expect(checklist().body).toMatch(/recreated from the gate's record/);
    expect(isTicked(checklist().body, "signoff:1")).toBe(true);
    await edit(PEOPLE.dana, () => approvedBody);
    expect(conclusion(HEAD_1)).toBe("action_required");
    // A reviewer who then edits the (pasted) page is judged against the record, not the page.
    await edit(PEOPLE.alice, (b) => b.replace("Drop", "Drop"));
    expect(conclusion(HEAD_1)).toBe("action_required");
    expect(recordOf(2, HEAD_1)?.ticks.some((t) => t.item === "signoff:2")).toBe(false);
  });

  test("a checklist posted by someone else, however faithful, is just a comment", async () => {
    await world();
    await openAgentPull();
    const copy = { ...checklist(), id: 999_999, user: PEOPLE.dana };
    fake.comments.set(copy.id, copy);
    const from = copy.body;
    copy.body = tick([...items(), "signoff:1", "signoff:2"])(from);
    await send("issue_comment", commentEditedEvent(fake, copy, from, PEOPLE.alice));
    expect(conclusion(HEAD_1)).toBe("action_required");
  });
});

describe("class 5: a commit's check is the AND over every open PR with that head", () => {
  test("a docs-only PR with the same head cannot turn the gated PR's check green", async () => {
    await world();
    await openAgentPull();
    addHumanPull(fake, 5, HEAD_1, DOCS_FILES);
    await send("pull_request", pullRequestEvent(fake, "opened", 5));
    expect(conclusion(HEAD_1)).toBe("action_required");
    expect(run(HEAD_1)?.output.title).toMatch(/PR #2: .*PR #5: not required/);
    await send("check_run", checkRunRerequested(fake, run(HEAD_1)!.id, PEOPLE.human));
    expect(conclusion(HEAD_1)).toBe("action_required");
    await approve();
    expect(conclusion(HEAD_1)).toBe("success");
  });
});

describe("class 6: a base change resets like a push", () => {
  test("retarget to an ungated base after approval: ticks reset, the gate still applies; retarget back: still blocked", async () => {
    await world();
    await openAgentPull();
    await approve();
    const pull = fake.mustPull(2);
    pull.base = { ref: "weak", sha: WEAK_SHA };
    await send("pull_request", {
      ...pullRequestEvent(fake, "edited", 2),
      changes: { base: { ref: { from: "main" } } },
    });
    expect(conclusion(HEAD_1)).toBe("action_required");
    expect(recordOf(2, HEAD_1)?.ticks).toEqual([]);
    pull.base = { ref: "main", sha: BASE_SHA };
    await send("pull_request", pullRequestEvent(fake, "edited", 2));
    expect(conclusion(HEAD_1)).toBe("action_required");
  });
});

describe("class 7: what GitHub does not list is never auto-approved", () => {
  test("3,001 changed files, the first 3,000 docs: gated, with an item for the rest", async () => {
    await world();
    const files = Array.from({ length: 3001 }, (_, i) => ({ ...DOCS_FILES[0]!, filename: `docs/p${i}.md` }));
    await openHumanPull(7, sha(7), files);
    expect(conclusion(sha(7))).toBe("action_required");
    expect(itemIds(checklist(7).body)).toContain("limit:files");
    expect(checklist(7).body).toMatch(/could not read the whole PR/);
  });

  test("251 commits: gated, and no tick counts", async () => {
    await world();
    await openHumanPull(8, sha(8), DOCS_FILES);
    const pull = fake.mustPull(8);
    pull.totalCommits = 251;
    await send("pull_request", pullRequestEvent(fake, "edited", 8));
    await edit(PEOPLE.alice, tick(itemIds(checklist(8).body)), { pr: 8 });
    expect(conclusion(sha(8))).toBe("action_required");
    expect(checklist(8).body).toMatch(/GitHub lists only 250/);
  });
});

describe("class 8: fail-closed corners", () => {
  test("an item routed to CODEOWNERS that cannot name an owner can be ticked by nobody", async () => {
    await world();
    fake.setFile(
      ALL_SHA,
      ".github/ai-review-gate.yml",
      `${GATE_ALL}  routes:\n    missing-tests:\n      codeowners: true\n`,
    );
    fake.setFile(ALL_SHA, ".github/CODEOWNERS", "docs/ @org/docs\n*.ts owner@example.com\n");
    await openHumanPull(9, sha(9), [
      {
        filename: "src/billing/refund.ts",
        status: "added",
        additions: 3,
        deletions: 0,
        patch: "@@ -0,0 +1,3 @@\n+export function refund(a: number) {\n+  return a * 2;\n+}",
      },
    ]);
    expect(checklist(9).body).toMatch(/nobody can tick this item/);
    await edit(PEOPLE.alice, tick(itemIds(checklist(9).body)), { pr: 9 });
    expect(conclusion(sha(9))).toBe("action_required");
  });

  test("a merge group is checked PR by PR, for the group's base", async () => {
    await world();
    await openAgentPull();
    await approve();
    await openHumanPull(10, sha(10), [
      {
        filename: "src/x.ts",
        status: "added",
        additions: 1,
        deletions: 0,
        patch: "@@ -0,0 +1 @@\n+export const x = 1;",
      },
    ]);
    const group = "9".repeat(40);
    fake.mergeQueues.set("main", [
      { headSha: "8".repeat(40), pr: 10 },
      { headSha: group, pr: 2 },
    ]);
    const payload = {
      action: "checks_requested",
      repository: pullRequestEvent(fake, "opened", 2).repository,
      installation: { id: fake.installationId },
      merge_group: {
        head_sha: group,
        head_ref: `refs/heads/gh-readonly-queue/main/pr-2-${HEAD_1}`,
        base_sha: BASE_SHA,
        base_ref: "refs/heads/main",
      },
      sender: pullRequestEvent(fake, "opened", 2).sender,
    };
    await send("merge_group", payload);
    expect(conclusion(group)).toBe("failure");
    expect(run(group)?.output.title).toMatch(/^PR #10/);
  });

  test("a failed restore leaves the check failing; the next evaluation restores the checklist", async () => {
    await world();
    await openAgentPull();
    await approve();
    fake.fault({ route: "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", fault: 422, times: 1 });
    await edit(PEOPLE.reader, tick(["signoff:2"], false));
    expect(conclusion(HEAD_1)).toBe("failure");
    await send("pull_request", pullRequestEvent(fake, "labeled", 2));
    expect(conclusion(HEAD_1)).toBe("success");
    expect(isTicked(checklist().body, "signoff:2")).toBe(true);
  });

  test("a tier of two needs two people who each signed off the whole change", async () => {
    await world();
    await openAgentPull();
    const [first, ...rest] = items();
    await edit(PEOPLE.alice, tick([first!]));
    await edit(PEOPLE.bob, tick(rest));
    expect(conclusion(HEAD_1)).toBe("action_required");
    await edit(PEOPLE.alice, tick(["signoff:1"]));
    await edit(PEOPLE.bob, tick(["signoff:2"]));
    expect(conclusion(HEAD_1)).toBe("success");
  });

  test("a machine account listed in the base config never approves", async () => {
    await world();
    fake.setFile(ALL_SHA, ".github/ai-review-gate.yml", `${GATE_ALL}  machine_accounts: [deploy-robot]\n`);
    await openHumanPull(11, sha(11), [
      {
        filename: "src/y.ts",
        status: "added",
        additions: 1,
        deletions: 0,
        patch: "@@ -0,0 +1 @@\n+export const y = 1;",
      },
    ]);
    await edit(fake.users.get("deploy-robot")!, tick(itemIds(checklist(11).body)), { pr: 11 });
    expect(conclusion(sha(11))).toBe("action_required");
    expect(checklist(11).body).toMatch(/machine accounts/);
  });
});

describe("beyond the named classes", () => {
  test("a force-push back to the approved commit does not bring its approval back", async () => {
    await world();
    await openAgentPull();
    await approve();
    const next = sha(2, 1);
    fake.push(2, next, agentCommit());
    await send("pull_request", pullRequestEvent(fake, "synchronize", 2));
    expect(conclusion(HEAD_1)).toBe("action_required");
    const pull = fake.mustPull(2);
    pull.head = { ...pull.head, sha: HEAD_1 };
    pull.commits = pull.commits.slice(0, 1);
    fake.compares.set(`${next}...${HEAD_1}`, { status: "behind", files: [] });
    expect(conclusion(HEAD_1)).toBe("action_required");
    await send("pull_request", { ...pullRequestEvent(fake, "synchronize", 2), before: next, after: HEAD_1 });
    expect(conclusion(HEAD_1)).toBe("action_required");
  });

  test("closing and reopening does not lose or launder the record", async () => {
    await world();
    await openAgentPull();
    await edit(PEOPLE.alice, tick([...items(), "signoff:1"]));
    const pull = fake.mustPull(2);
    pull.state = "closed";
    await send("pull_request", pullRequestEvent(fake, "closed", 2));
    pull.state = "open";
    await send("pull_request", pullRequestEvent(fake, "reopened", 2));
    expect(conclusion(HEAD_1)).toBe("action_required");
    const kept = recordOf(2, HEAD_1)?.ticks ?? [];
    expect(kept).toHaveLength(items().length + 1);
    expect(new Set(kept.map((t) => t.by.id))).toEqual(new Set([PEOPLE.alice.id]));
    await edit(PEOPLE.dana, tick(["signoff:2"]));
    expect(conclusion(HEAD_1)).toBe("action_required");
  });
});
