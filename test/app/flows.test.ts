import { describe, expect, test } from "vitest";
import { decodeRecord } from "../../app/gate/record.js";
import { progress } from "../../app/gate/state.js";
import {
  BASE,
  CONFIG,
  commitBy,
  docsFile,
  HEAD,
  isTicked,
  itemIds,
  riskyFile,
  setBox,
  WEAK_BASE,
  World,
} from "./world.js";

/**
 * The App's flows through the handler table over the in-memory GitHub port: positive paths, the
 * port calls each event costs, and the attacks that need more than the pure core (ordering of
 * deliveries, writes that fail, several PRs on one commit, the merge queue).
 */

const H2 = "2222222222222222222222222222222222222222";
const H3 = "3333333333333333333333333333333333333333";
const ALL = ["category:custom", "extra:rollback", "signoff:1"];
/** The test config with more `gate:` keys. */
const gateWith = (keys: string) => CONFIG.replace("gate:\n  policy: all\n", `gate:\n  policy: all\n${keys}`);

async function opened(config?: string) {
  const w = new World(config);
  w.pull();
  await w.open();
  return w;
}

describe("positive paths", () => {
  test("open: a blocking check on the head naming who and what, one checklist, the record in the run", async () => {
    const w = await opened();
    const run = w.gh.runsOn(HEAD)[0]!;
    expect(run.conclusion).toBe("action_required");
    expect(run.title).toBe(
      "needs 1 more sign-off and a maintainer with write access to tick: calls DANGER() on the payments ledger (lib/payments.js:2) (+1 more item)",
    );
    expect(w.gh.checklists(2)).toHaveLength(1);
    expect(itemIds(w.checklist().body)).toEqual(["category:custom", "extra:rollback", "signoff:1"]);
    expect(decodeRecord(run.text)).toHaveLength(1);
    expect(w.record().commentId).toBe(w.checklist().id);
  });

  test("a docs-only PR gets a success check saying why, and no comment", async () => {
    const w = new World();
    w.pull(2, { files: [docsFile()] });
    await w.open();
    expect(w.gh.conclusion(HEAD)).toBe("success");
    expect(w.gh.runsOn(HEAD)[0]?.title).toMatch(/^not required: only safe paths changed/);
    expect(w.gh.checklists(2)).toHaveLength(0);
  });

  test("an authorized reviewer's ticks turn the check green and are shown with who, when and where", async () => {
    const w = await opened();
    await w.tick(w.people.alice, ALL);
    expect(w.gh.conclusion(HEAD)).toBe("success");
    expect(w.gh.runsOn(HEAD)[0]?.title).toBe("approved by @alice");
    for (const id of ALL) expect(isTicked(w.checklist().body, id)).toBe(true);
    expect(w.checklist().body).toContain("ticked by @alice, 2026-11-24 10:00 UTC, at ec26c3e");
    expect(w.gh.runsOn(HEAD)).toHaveLength(1);
  });

  test("a critical gate needs two distinct people who each signed off", async () => {
    const w = new World();
    w.pull(2, { files: [riskyFile(), riskyFile("lib/ledger.js")], title: "x" });
    w.gh.setFile(
      BASE,
      ".github/ai-review-gate.yml",
      w.gh.contents.get(`${BASE}:.github/ai-review-gate.yml`)!.replace("high: 1", "high: 2"),
    );
    await w.open();
    await w.tick(w.people.alice, [...ALL]);
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    await w.tick(w.people.alice, ["signoff:2"]);
    expect(isTicked(w.checklist().body, "signoff:2")).toBe(false);
    expect(w.checklist().body).toMatch(/already signed off/);
    await w.tick(w.people.bob, ["signoff:2"]);
    expect(w.gh.conclusion(HEAD)).toBe("success");
  });

  test("an authorized untick reopens the gate; an unauthorized untick is reverted", async () => {
    const w = await opened();
    await w.tick(w.people.alice, ALL);
    await w.tick(w.people.reader, ["signoff:1"], { checked: false });
    expect(w.gh.conclusion(HEAD)).toBe("success");
    expect(isTicked(w.checklist().body, "signoff:1")).toBe(true);
    await w.tick(w.people.bob, ["signoff:1"], { checked: false });
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
  });

  test("a push resets the ticks; the new head blocks; the old head's check no longer vouches", async () => {
    const w = await opened();
    await w.tick(w.people.alice, ALL);
    await w.push(H2);
    expect(w.gh.conclusion(H2)).toBe("action_required");
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(w.gh.runsOn(HEAD)[0]?.title).toMatch(/^superseded: PR #2 moved on to 2222222/);
    expect(w.checklist().body).toMatch(/all ticks were reset/);
    await w.tick(w.people.alice, ALL);
    expect(w.gh.conclusion(H2)).toBe("success");
  });

  test("a config change on the base is read from the base commit, never the PR", async () => {
    const w = new World();
    w.pull();
    w.gh.setFile(HEAD, ".github/ai-review-gate.yml", "gate:\n  policy: ai-authored\n");
    await w.open();
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
  });

  test("an invalid config fails the check with its location, keeping what was recorded", async () => {
    const w = await opened();
    await w.tick(w.people.alice, ["category:custom"]);
    const newBase = "c".repeat(40);
    w.gh.setFile(newBase, ".github/ai-review-gate.yml", "gate:\n  threshold: extreme\n");
    w.gh.mustPull(2).base.sha = newBase;
    await w.event("edited");
    const run = w.gh.runsOn(HEAD)[0]!;
    expect(run.conclusion).toBe("failure");
    expect(run.summary).toMatch(/gate.threshold/);
    expect(w.record().ticks.map((t) => t.item)).toEqual(["category:custom"]);
  });
});

describe("port calls per event (memory port; HTTP counts are measured end to end)", () => {
  test("tick: read the permission and the record (together), write the run, then the view", async () => {
    const w = await opened();
    const from = w.gh.calls.length;
    await w.tick(w.people.alice, ["category:custom"]);
    expect(w.gh.since(from)).toEqual(["permission", "checkRuns", "upsertCheckRun", "upsertComment"]);
  });

  test("a tick that turns the check green first lists the open PRs of that commit", async () => {
    const w = await opened();
    const from = w.gh.calls.length;
    await w.tick(w.people.alice, ALL);
    expect(w.gh.since(from)).toEqual(["permission", "checkRuns", "pullsForCommit", "upsertCheckRun", "upsertComment"]);
  });

  test("a bot's tick is refused without asking for a permission", async () => {
    const w = await opened();
    const from = w.gh.calls.length;
    await w.tick(w.people.bot, ["category:custom"]);
    expect(w.gh.since(from)).toEqual(["checkRuns", "upsertCheckRun", "upsertComment"]);
  });

  test("a duplicate delivery makes no call at all", async () => {
    const w = await opened();
    const payload = w.prPayload("labeled");
    await w.deliver("pull_request", payload, "same-id");
    const from = w.gh.calls.length;
    expect(await w.deliver("pull_request", payload, "same-id")).toBe("duplicate");
    expect(w.gh.since(from)).toEqual([]);
  });

  test("a re-evaluation that changes nothing writes nothing", async () => {
    const w = await opened();
    const from = w.gh.calls.length;
    await w.event("labeled");
    expect(w.gh.since(from).filter((v) => v.startsWith("upsert"))).toEqual([]);
  });
});

describe("attacks that need the flows", () => {
  test("a tick made before a push, delivered after the push was handled, counts for nothing and says so", async () => {
    const w = await opened();
    const late = await w.tick(w.people.alice, ALL, { send: false });
    await w.push(H2);
    await w.deliver("issue_comment", late);
    expect(w.record().ticks).toEqual([]);
    expect(w.gh.conclusion(H2)).toBe("action_required");
    expect(w.checklist().body).toMatch(/made on the checklist for ec26c3e, but the PR is now at 2222222/);
  });

  test("a redelivered old edit cannot undo a later untick (same id: skipped; another id: outdated view)", async () => {
    const w = await opened();
    const tickPayload = await w.tick(w.people.alice, ALL, { send: false });
    await w.deliver("issue_comment", tickPayload, "tick-1");
    await w.tick(w.people.bob, ["signoff:1"], { checked: false });
    expect(await w.deliver("issue_comment", tickPayload, "tick-1")).toBe("duplicate");
    await w.deliver("issue_comment", tickPayload, "tick-1-after-restart");
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(progress(w.record()).satisfied).toBe(false);
  });

  test("deleting the checklist and pasting an older approved one never rolls the gate back", async () => {
    const w = await opened();
    await w.tick(w.people.alice, ALL);
    const approvedBody = w.checklist().body;
    await w.tick(w.people.bob, ["signoff:1"], { checked: false });
    const seq = w.record().seq;
    await w.deleteChecklist(w.people.author);
    expect(w.gh.checklists(2)).toHaveLength(1);
    expect(w.record().seq).toBe(seq);
    expect(w.checklist().body).toMatch(/recreated from the gate's record/);
    // The author (a writer) pastes the approved body, then a reviewer's edit lands on it.
    await w.editChecklist(w.people.author, () => approvedBody);
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(isTicked(w.checklist().body, "signoff:1")).toBe(false);
    await w.editChecklist(w.people.alice, (b) => b);
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
  });

  test("a checklist look-alike posted by someone else is just a comment", async () => {
    const w = await opened();
    const fake = w.gh.post(2, w.people.alice, setBox(w.checklist().body, "signoff:1"));
    const from = fake.body;
    fake.body = ALL.reduce((b, id) => setBox(b, id), from);
    await w.deliver("issue_comment", w.commentPayload("edited", fake, w.people.alice, from));
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
  });

  test("two PRs on one commit: a docs-only PR cannot turn the gated PR's run green; closing one re-decides", async () => {
    const w = await opened();
    w.pull(3, { files: [docsFile()], head: { sha: HEAD, ref: "other" } });
    await w.open(3);
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(w.gh.runsOn(HEAD)[0]?.title).toMatch(/^PR #2: needs .*; PR #3: not required/);
    await w.tick(w.people.alice, ALL);
    expect(w.gh.conclusion(HEAD)).toBe("success");
    await w.tick(w.people.bob, ["signoff:1"], { checked: false });
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    w.gh.mustPull(2).state = "closed";
    await w.event("closed");
    expect(w.gh.conclusion(HEAD)).toBe("success");
    w.gh.mustPull(2).state = "open";
    await w.event("reopened");
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
  });

  test("a retarget to a weak base resets the ticks and keeps the requirement; back again, still blocked", async () => {
    const w = await opened();
    await w.tick(w.people.alice, ALL);
    await w.retarget("weak", WEAK_BASE);
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(w.checklist().body).toMatch(/retargeted from \\`main\\` to \\`weak\\`/);
    await w.retarget("main", BASE);
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(w.record().ticks).toEqual([]);
  });

  test("a force-push back to the approved commit does not bring its approval back", async () => {
    const w = await opened();
    await w.tick(w.people.alice, ALL);
    await w.push(H2);
    // Until the App sees the force-push, the old commit's run already blocks.
    w.gh.forcePush(2, [commitBy(HEAD, w.people.author)], [riskyFile()]);
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    await w.deliver("pull_request", w.prPayload("synchronize", 2, { before: H2, after: HEAD }));
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(w.record().ticks).toEqual([]);
    expect(w.record().seq).toBeGreaterThan(3);
  });

  test("the requester stays excluded after unassigning herself and deleting the request line", async () => {
    const w = new World("gate:\n  policy: ai-authored\n  threshold: medium\n");
    w.pull(2, {
      author: w.people.copilot,
      assignees: [w.people.dave, w.people.copilot],
      commits: [commitBy(HEAD, w.people.copilot, "Add ledger call")],
      head: { sha: HEAD, ref: "copilot/fix-1" },
      body: "Requested by @dave",
    });
    await w.open();
    expect(w.record().excluded.ids).toContain(w.people.dave.id);
    const pull = w.gh.mustPull(2);
    pull.assignees = [w.people.copilot];
    pull.body = "";
    await w.event("edited");
    await w.tick(w.people.dave, itemIds(w.checklist().body));
    expect(w.record().ticks).toEqual([]);
    expect(w.checklist().body).toMatch(/whoever asked the agent for it, cannot approve/);
  });

  test("a renamed approver is still one person", async () => {
    const w = new World();
    w.pull(2, { files: [riskyFile()] });
    w.gh.setFile(
      BASE,
      ".github/ai-review-gate.yml",
      w.gh.contents.get(`${BASE}:.github/ai-review-gate.yml`)!.replace("high: 1", "high: 2"),
    );
    await w.open();
    await w.tick(w.people.alice, ALL);
    const renamed = w.gh.rename(w.people.alice.id, "alice-2");
    await w.tick(renamed, ["signoff:2"]);
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(progress(w.record()).approvers.map((a) => a.id)).toEqual([w.people.alice.id]);
  });

  test("a label or body edit that removes the AI signals does not lift the gate", async () => {
    const w = new World("gate:\n  policy: ai-authored\n  threshold: medium\n");
    w.pull(2, { labels: ["ai-generated"], body: "🤖 Generated with [Claude Code](https://claude.com/claude-code)" });
    await w.open();
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    const pull = w.gh.mustPull(2);
    pull.labels = [];
    pull.body = "";
    await w.event("unlabeled");
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(w.record().ai.detected).toBe(true);
  });

  test("a failed restore of the checklist leaves the check failing, and the next evaluation restores it", async () => {
    const w = await opened();
    await w.tick(w.people.alice, ALL);
    w.gh.fail("upsertComment", 502, 1);
    await w.tick(w.people.bob, ["signoff:1"], { checked: false });
    expect(w.gh.conclusion(HEAD)).toBe("failure");
    expect(w.gh.runsOn(HEAD)[0]?.title).toMatch(/writing the checklist comment failed/);
    expect(progress(w.record()).satisfied).toBe(false);
    await w.event("labeled");
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(isTicked(w.checklist().body, "signoff:1")).toBe(false);
  });

  test("a failing check-run write fails closed and keeps the record", async () => {
    const w = await opened();
    w.gh.fail("upsertCheckRun", 500, 1);
    await w.tick(w.people.alice, ALL);
    expect(w.gh.conclusion(HEAD)).toBe("failure");
    expect(w.record().ticks).toEqual([]);
  });

  test("re-run by anyone re-decides from the record and changes nothing", async () => {
    const w = await opened();
    await w.tick(w.people.alice, ALL);
    const run = w.gh.runsOn(HEAD)[0]!;
    const p = {
      action: "rerequested",
      repository: { id: w.gh.repoId, name: w.gh.repo.repo, owner: { login: w.gh.repo.owner } },
      sender: { id: w.people.stranger.id, login: "stranger", type: "User" },
      check_run: {
        id: run.id,
        name: run.name,
        head_sha: HEAD,
        app: { id: w.gh.appId },
        pull_requests: [{ number: 2 }],
      },
    };
    await w.deliver("check_run", p);
    expect(w.gh.conclusion(HEAD)).toBe("success");
    expect(w.record().ticks).toHaveLength(3);
  });

  test("routed items fail closed when CODEOWNERS cannot name an owner, and admit owners when it can", async () => {
    const w = await opened(gateWith("  routes:\n    custom:\n      codeowners: true\n"));
    expect(w.checklist().body).toMatch(/nobody can tick this item: the base branch has no CODEOWNERS file/);
    await w.tick(w.people.alice, ["category:custom"]);
    expect(w.record().ticks).toEqual([]);
    // A commit on the base branch adds CODEOWNERS (files at a commit never change: a new base commit).
    const newBase = "c0de0c0de0c0de0c0de0c0de0c0de0c0de0c0de";
    w.gh.setFile(newBase, ".github/ai-review-gate.yml", w.gh.contents.get(`${BASE}:.github/ai-review-gate.yml`)!);
    w.gh.setFile(newBase, ".github/CODEOWNERS", "lib/ @org/payments\n");
    w.gh.mustPull(2).base.sha = newBase;
    w.gh.addTeam("org/payments", [w.people.carol]);
    await w.event("edited");
    await w.tick(w.people.alice, ["category:custom"]);
    expect(w.record().ticks).toEqual([]);
    await w.tick(w.people.carol, ["category:custom"]);
    expect(w.record().ticks.map((t) => t.by.login)).toEqual(["carol"]);
  });

  test("a PR with more than 3,000 files is gated with an item for the rest, whatever the first 3,000 are", async () => {
    const w = new World();
    w.pull(2, { files: [docsFile()], totalFiles: 3412 });
    await w.open();
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(itemIds(w.checklist().body)).toContain("limit:files");
  });

  test("a PR with more than 250 commits is gated and no tick counts", async () => {
    const w = new World();
    w.pull(2, { totalCommits: 251 });
    await w.open();
    await w.tick(w.people.alice, itemIds(w.checklist().body));
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(w.checklist().body).toMatch(/GitHub lists only 250/);
  });

  test("a merge group passes only when every PR in it is satisfied at its head, for that base", async () => {
    const w = await opened();
    w.pull(3, { head: { sha: H3, ref: "three" }, commits: [commitBy(H3, w.people.author)] });
    await w.open(3);
    await w.tick(w.people.alice, ALL);
    const group = "9".repeat(40);
    w.gh.queues.set("main", [
      { position: 1, headSha: "8".repeat(40), pull: { number: 3, headSha: H3, baseRef: "main" } },
      { position: 2, headSha: group, pull: { number: 2, headSha: HEAD, baseRef: "main" } },
    ]);
    const payload = {
      action: "checks_requested",
      repository: { id: w.gh.repoId, name: w.gh.repo.repo, owner: { login: w.gh.repo.owner } },
      merge_group: {
        head_sha: group,
        head_ref: `refs/heads/gh-readonly-queue/main/pr-2-${HEAD}`,
        base_ref: "refs/heads/main",
        base_sha: BASE,
      },
    };
    await w.deliver("merge_group", payload);
    expect(w.gh.conclusion(group)).toBe("failure");
    expect(w.gh.runsOn(group)[0]?.title).toMatch(/^PR #3/);
    await w.tick(w.people.alice, ALL, { number: 3 });
    await w.deliver("merge_group", payload);
    expect(w.gh.conclusion(group)).toBe("success");
  });

  test("machine accounts listed in the base config never approve", async () => {
    const w = await opened(gateWith("  machine_accounts: [deploy-robot]\n"));
    await w.tick(w.people.deploy, itemIds(w.checklist().body));
    expect(w.record().ticks).toEqual([]);
    expect(w.checklist().body).toMatch(/machine accounts listed in gate.machine\\_accounts cannot approve/);
  });
});

describe("stale deliveries of membership events", () => {
  test("a redelivered `closed` of a PR reopened since does not drop it from its commit's check", async () => {
    const w = await opened();
    w.pull(3, { files: [docsFile()], head: { sha: HEAD, ref: "other" } });
    await w.open(3);
    w.gh.mustPull(2).state = "closed";
    const closed = w.prPayload("closed");
    await w.deliver("pull_request", closed, "close-1");
    w.gh.mustPull(2).state = "open";
    await w.event("reopened");
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    await w.deliver("pull_request", closed, "close-1-after-restart");
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(w.record().status).toBe("open");
  });

  test("re-running a merge group's check leaves it to the merge queue", async () => {
    const w = await opened();
    const group = "9".repeat(40);
    w.gh.foreignRun(group, { conclusion: "failure", title: "x", summary: "y" }, w.gh.appId);
    const run = w.gh.runsOn(group)[0]!;
    const from = w.gh.calls.length;
    await w.deliver("check_run", {
      action: "rerequested",
      repository: { id: w.gh.repoId, name: w.gh.repo.repo, owner: { login: w.gh.repo.owner } },
      check_run: { id: run.id, name: run.name, head_sha: group, app: { id: w.gh.appId }, pull_requests: [] },
    });
    expect(w.gh.since(from).filter((v) => v.startsWith("upsert"))).toEqual([]);
    expect(w.gh.conclusion(group)).toBe("failure");
  });
});
