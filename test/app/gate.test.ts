import { afterEach, describe, expect, test } from "vitest";
import { parseBody, soleStateLine } from "../../app/gate/checklist-comment.js";
import { decodeStateLine, deriveStateKey, encodeState, type GateState } from "../../app/gate/state.js";
import type { FakeComment } from "./fake-github.js";
import {
  BASE_SHA,
  commit,
  DEFAULT_CONFIG,
  deletePayload,
  editPayload,
  example,
  type Harness,
  HEAD_SHA,
  harness,
  prPayload,
  REPO_ID,
  riskyChange,
  STATE_SECRET,
  setConfig,
  teardown,
  toggle,
  USERS,
  type User,
} from "./harness.js";

afterEach(teardown);

const KEY = deriveStateKey(STATE_SECRET);

function stateOf(c: FakeComment): GateState {
  const line = soleStateLine(parseBody(c.body));
  const d = line ? decodeStateLine(line, KEY, { repo: REPO_ID, pr: 2 }) : null;
  if (!d?.ok) throw new Error(`state does not verify: ${d ? d.reason : "missing"}`);
  return d.state;
}

/** A PR with a risky change, opened; returns the harness and the checklist comment. */
async function opened(config = DEFAULT_CONFIG): Promise<Harness & { comment: FakeComment }> {
  const h = await harness();
  setConfig(h.gh, config);
  riskyChange(h.gh);
  h.gh.commits = [commit("a1", "Codertocat")];
  h.gh.permissions = {
    alice: "write",
    bob: "admin",
    carol: "write",
    reader: "read",
    dave: "write",
    Codertocat: "admin",
  };
  await h.receive("pull_request", prPayload(h.gh, "opened"));
  const [comment] = h.gh.checklist();
  if (!comment) throw new Error("no checklist comment");
  h.gh.take();
  return { ...h, comment };
}

async function tick(h: Harness, comment: FakeComment, id: string, who: User, checked = true): Promise<string[]> {
  await h.receive("issue_comment", editPayload(h.gh, comment, toggle(comment.body, id, checked), who));
  return h.gh.take();
}

function ticked(c: FakeComment, id: string): boolean {
  return c.body.split("\n").some((l) => l.startsWith("- [x]") && l.endsWith(`<!-- ai-review-gate:item ${id} -->`));
}

describe("gate not required", () => {
  test("a docs-only PR gets a success check saying why, and no comment", async () => {
    const { gh, receive } = await harness();
    setConfig(gh, DEFAULT_CONFIG);
    gh.files = [
      {
        filename: "docs/guide.md",
        status: "modified",
        additions: 1,
        deletions: 0,
        patch: "@@ -1 +1,2 @@\n a\n+DANGER(x)",
      },
    ];
    await receive("pull_request", prPayload(gh, "opened"));
    const run = gh.latestRun();
    expect(run?.conclusion).toBe("success");
    expect(run?.output.title).toMatch(/^not required: only safe paths changed/);
    expect(gh.checklist()).toHaveLength(0);
  });

  test("policy ai-authored: a human's PR is not gated", async () => {
    const { gh, receive } = await harness();
    setConfig(gh, DEFAULT_CONFIG.replace("policy: all", "policy: ai-authored"));
    riskyChange(gh);
    gh.commits = [commit("a1", "Codertocat")];
    await receive("pull_request", prPayload(gh, "opened"));
    expect(gh.latestRun()?.conclusion).toBe("success");
    expect(gh.latestRun()?.output.title).toContain("not AI-authored");
  });
});

describe("gate required", () => {
  test("blocking check on the head SHA naming who and what, and one checklist comment with hidden ids", async () => {
    const h = await opened();
    const run = h.gh.latestRun(HEAD_SHA)!;
    expect(run.conclusion).toBe("action_required");
    expect(run.status).toBe("completed");
    expect(run.output.title).toBe(
      "needs 1 more approver from a maintainer with write access: calls DANGER() on the payments ledger (lib/payments.js:2) (+1 more item)",
    );
    expect(h.gh.checklist()).toHaveLength(1);
    const items = parseBody(h.comment.body).items;
    expect([...items.keys()]).toEqual(["category:custom", "extra:rollback"]);
    expect([...items.values()].every((i) => !i.checked)).toBe(true);
    expect(stateOf(h.comment)).toMatchObject({ head: HEAD_SHA, required: true, approvals: 1, ticks: [] });
  });

  test("open path request count", async () => {
    const h = await harness();
    setConfig(h.gh, DEFAULT_CONFIG);
    riskyChange(h.gh);
    await h.receive("pull_request", prPayload(h.gh, "opened"));
    const requests = h.gh.take();
    expect(requests).toHaveLength(8);
  });

  test("an AI-authored PR (Copilot) is gated under the default policy; the assignee who asked the agent cannot tick", async () => {
    const h = await harness();
    setConfig(h.gh, DEFAULT_CONFIG.replace("policy: all", "policy: ai-authored"));
    riskyChange(h.gh);
    h.gh.pull.user = { login: "Copilot", type: "Bot", id: 198982749 };
    h.gh.pull.assignees = [{ login: "dave" }, { login: "Copilot" }];
    h.gh.commits = [commit("a1", "Copilot", "Add payments call", "198982749+Copilot@users.noreply.github.com")];
    h.gh.permissions = { dave: "write", alice: "write" };
    await h.receive("pull_request", prPayload(h.gh, "opened"));
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
    const [comment] = h.gh.checklist();
    const state = stateOf(comment!);
    expect(state.ai.detected).toBe(true);
    expect(state.disqualified.logins).toContain("dave");
    h.gh.take();
    await tick(h, comment!, "category:custom", USERS.dave);
    expect(ticked(comment!, "category:custom")).toBe(false);
    expect(comment!.body).toContain("whoever asked the agent for it, cannot approve it");
  });
});

describe("ticks", () => {
  test("authorized ticks turn the check green, list approvers, and keep the audit trail; a tick costs ≤ 6 requests", async () => {
    const h = await opened();
    const first = await tick(h, h.comment, "category:custom", USERS.alice);
    expect(first).toEqual([
      "GET /repos/Codertocat/Hello-World/pulls/2",
      "GET /repos/Codertocat/Hello-World/issues/comments/1001",
      "GET /repos/Codertocat/Hello-World/collaborators/alice/permission",
      "PATCH /repos/Codertocat/Hello-World/issues/comments/1001",
      "PATCH /repos/Codertocat/Hello-World/check-runs/1000",
    ]);
    expect(first.length).toBeLessThanOrEqual(6);
    expect(ticked(h.comment, "category:custom")).toBe(true);
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
    expect(h.gh.latestRun()?.output.title).toMatch(/^needs a maintainer with write access to tick: A rollback plan/);

    await tick(h, h.comment, "extra:rollback", USERS.bob);
    const run = h.gh.latestRun()!;
    expect(run.conclusion).toBe("success");
    expect(run.output.title).toBe("approved by @alice, @bob");
    expect(run.output.summary).toContain("| @alice | 2026-11-24T10:00:00.000Z | ec26c3e |");
    const state = stateOf(h.comment);
    expect(state.ticks.map((t) => [t.item, t.login, t.sha])).toEqual([
      ["category:custom", "alice", HEAD_SHA],
      ["extra:rollback", "bob", HEAD_SHA],
    ]);
    expect(state.audit.filter((e) => e.kind === "tick").map((e) => e.by)).toEqual(["alice", "bob"]);
    expect(h.gh.checkRuns).toHaveLength(1);
  });

  test("a tick on a fresh instance (no cached installation token) is still 6 requests", async () => {
    const h = await opened();
    const fresh = await harness({ gh: h.gh });
    await fresh.receive(
      "issue_comment",
      editPayload(h.gh, h.comment, toggle(h.comment.body, "category:custom"), USERS.alice),
    );
    expect(h.gh.log).toHaveLength(6);
    expect(h.gh.log[0]).toBe("POST /app/installations/1/access_tokens");
    expect(ticked(h.comment, "category:custom")).toBe(true);
  });

  test("AI detection is sticky: editing the AI footer out of the PR body does not lift the gate", async () => {
    const h = await harness();
    setConfig(h.gh, DEFAULT_CONFIG.replace("policy: all", "policy: ai-authored"));
    riskyChange(h.gh);
    h.gh.pull.body = "Adds the ledger call.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)";
    await h.receive("pull_request", prPayload(h.gh, "opened"));
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
    h.gh.pull.body = "Adds the ledger call.";
    await h.receive("pull_request", prPayload(h.gh, "edited"));
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
    const [comment] = h.gh.checklist();
    expect(stateOf(comment!).ai.detected).toBe(true);
  });

  test("our own re-render's edit event is ignored without any request", async () => {
    const h = await opened();
    await tick(h, h.comment, "category:custom", USERS.alice);
    const p = editPayload(h.gh, h.comment, h.comment.body, { login: "ai-review-gate[bot]", id: 9, type: "Bot" });
    p.changes.body.from = "<!-- ai-review-gate:checklist -->\nolder";
    await h.receive("issue_comment", p);
    expect(h.gh.take()).toEqual([]);
  });

  test.each([
    ["the PR author", USERS.author, "the PR author cannot approve"],
    ["a bot", USERS.bot, "bots and apps cannot approve"],
    ["a read-only user", USERS.reader, "approvers need write, maintain or admin permission (@reader has read)"],
    ["a non-collaborator", { login: "stranger", id: 77, type: "User" }, "(@stranger has none)"],
  ])("a tick by %s is reverted with a visible note", async (_what, who, reason) => {
    const h = await opened();
    await tick(h, h.comment, "category:custom", who);
    expect(ticked(h.comment, "category:custom")).toBe(false);
    expect(h.comment.body).toContain(reason);
    expect(stateOf(h.comment).ticks).toEqual([]);
    expect(stateOf(h.comment).audit.at(-1)).toMatchObject({ kind: "refused", by: who.login, item: "category:custom" });
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
  });

  test("a tick by a co-author of a commit (Co-authored-by trailer) is reverted", async () => {
    const h = await harness();
    setConfig(h.gh, DEFAULT_CONFIG);
    riskyChange(h.gh);
    h.gh.commits = [
      commit("a1", "Codertocat", "Add call\n\nCo-authored-by: Carol <1003+carol@users.noreply.github.com>"),
      commit("a2", "Codertocat", "More\n\nCo-authored-by: Erin Example <erin@example.com>"),
    ];
    h.gh.permissions = { carol: "write", erin: "write" };
    h.gh.profiles = { erin: { name: "Erin Example", email: null } };
    await h.receive("pull_request", prPayload(h.gh, "opened"));
    const [comment] = h.gh.checklist();
    h.gh.take();
    await tick(h, comment!, "category:custom", USERS.carol);
    expect(ticked(comment!, "category:custom")).toBe(false);
    expect(comment!.body).toContain("authors and co-authors of the PR's commits");
    // Not mapped to a login by email: matched through the public profile's name.
    await tick(h, comment!, "category:custom", { login: "erin", id: 88, type: "User" });
    expect(ticked(comment!, "category:custom")).toBe(false);
    expect(comment!.body).toContain("co-authors of the PR's commits cannot approve it");
  });

  test("an authorized untick reopens the gate; an unauthorized untick is reverted", async () => {
    const h = await opened();
    await tick(h, h.comment, "category:custom", USERS.alice);
    await tick(h, h.comment, "extra:rollback", USERS.alice);
    expect(h.gh.latestRun()?.conclusion).toBe("success");
    await tick(h, h.comment, "extra:rollback", USERS.reader, false);
    expect(ticked(h.comment, "extra:rollback")).toBe(true);
    expect(h.gh.latestRun()?.conclusion).toBe("success");
    await tick(h, h.comment, "extra:rollback", USERS.bob, false);
    expect(ticked(h.comment, "extra:rollback")).toBe(false);
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
  });

  test("editing an item's text, or deleting an item, is reverted", async () => {
    const h = await opened();
    const reworded = toggle(h.comment.body, "category:custom").replace("were checked and are acceptable", "are fine");
    await h.receive("issue_comment", editPayload(h.gh, h.comment, reworded, USERS.alice));
    expect(h.comment.body).toContain("were checked and are acceptable");
    expect(ticked(h.comment, "category:custom")).toBe(false);
    expect(h.comment.body).toContain("item text cannot be edited; restored");

    const deleted = h.comment.body
      .split("\n")
      .filter((l) => !l.includes("item extra:rollback"))
      .join("\n");
    await h.receive("issue_comment", editPayload(h.gh, h.comment, deleted, USERS.alice));
    expect(h.comment.body).toContain("<!-- ai-review-gate:item extra:rollback -->");
    expect(h.comment.body).toContain("removing, duplicating or altering a checklist item is not allowed");
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
  });

  test("look-alike checkboxes, code fences and duplicated item lines do not count as ticks", async () => {
    const h = await opened();
    // Cyrillic "х" instead of "x".
    const lookalike = h.comment.body.replace("- [ ] **The findings", "- [х] **The findings");
    await h.receive("issue_comment", editPayload(h.gh, h.comment, lookalike, USERS.alice));
    expect(ticked(h.comment, "category:custom")).toBe(false);
    expect(stateOf(h.comment).ticks).toEqual([]);

    const line = h.comment.body.split("\n").find((l) => l.includes("item category:custom"))!;
    const fenced = h.comment.body.replace(line, `\`\`\`\n${line.replace("- [ ]", "- [x]")}\n\`\`\``);
    await h.receive("issue_comment", editPayload(h.gh, h.comment, fenced, USERS.alice));
    expect(stateOf(h.comment).ticks).toEqual([]);

    const duplicated = h.comment.body.replace(line, `${line.replace("- [ ]", "- [x]")}\n${line}`);
    await h.receive("issue_comment", editPayload(h.gh, h.comment, duplicated, USERS.alice));
    expect(stateOf(h.comment).ticks).toEqual([]);
    expect(h.comment.body.split("\n").filter((l) => l.includes("item category:custom"))).toHaveLength(1);
  });

  test("a tampered hidden state is refused and restored, even with a valid tick in the same edit", async () => {
    const h = await opened();
    const state = stateOf(h.comment);
    const forged: GateState = {
      ...state,
      ticks: [{ item: "extra:rollback", login: "alice", userId: 1001, at: "2026-11-24T09:00:00Z", sha: HEAD_SHA }],
    };
    const line = soleStateLine(parseBody(h.comment.body))!;
    // Re-signed with a guessed key, and plain payload edits: both fail verification.
    const wrongKey = encodeState(forged, deriveStateKey("guess"));
    const body = toggle(h.comment.body, "category:custom").replace(line, wrongKey);
    await h.receive("issue_comment", editPayload(h.gh, h.comment, body, USERS.alice));
    expect(stateOf(h.comment).ticks).toEqual([]);
    expect(h.comment.body).toContain("the hidden state of the checklist was modified");
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");

    // A valid state of another PR (replay across PRs) does not verify here either.
    const otherPr = encodeState({ ...forged, pr: 3 }, KEY);
    expect(decodeStateLine(otherPr, KEY, { repo: REPO_ID, pr: 2 })).toEqual({ ok: false, reason: "wrong-pr" });
  });

  test("a forged state already in the comment (an edit the App never saw) fails verification and resets every tick", async () => {
    const h = await opened();
    await tick(h, h.comment, "category:custom", USERS.alice);
    const line = soleStateLine(parseBody(h.comment.body))!;
    const state = stateOf(h.comment);
    const extra = { item: "extra:rollback", login: "bob", userId: 1002, at: "2026-11-24T09:00:00Z", sha: HEAD_SHA };
    // The payload is rewritten but the signature kept: the "missed" edit is now the baseline.
    const forgedPayload = Buffer.from(JSON.stringify({ ...state, ticks: [...state.ticks, extra] })).toString(
      "base64url",
    );
    const sig = line.slice(line.lastIndexOf(".") + 1, -" -->".length);
    h.comment.body = h.comment.body.replace(line, `<!-- ai-review-gate:state v1.${forgedPayload}.${sig} -->`);
    await tick(h, h.comment, "extra:rollback", USERS.dave);
    expect(stateOf(h.comment).ticks).toEqual([]);
    expect(h.comment.body).toContain("hidden state failed verification");
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
  });

  test("a checklist look-alike posted by someone else is ignored", async () => {
    const h = await opened();
    const fake = h.gh.addComment(h.comment.body, { login: "mallory", type: "User" });
    await h.receive("issue_comment", editPayload(h.gh, fake, toggle(fake.body, "category:custom"), USERS.alice));
    expect(h.gh.take()).toEqual([]);
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
  });

  test("routed item: only members of the team may tick, and the title names the team", async () => {
    const config = DEFAULT_CONFIG.replace(
      "threshold: medium",
      "threshold: medium\n  routes:\n    custom:\n      team: octo-org/dba",
    );
    const h = await opened(config);
    h.gh.teams = { "octo-org/dba": ["bob"] };
    expect(h.gh.latestRun()?.output.title).toMatch(/^needs 1 more approver from @octo-org\/dba: calls DANGER/);
    await tick(h, h.comment, "category:custom", USERS.alice);
    expect(ticked(h.comment, "category:custom")).toBe(false);
    expect(h.comment.body).toContain("only members of @octo-org/dba may tick this item");
    await tick(h, h.comment, "category:custom", USERS.bob);
    expect(ticked(h.comment, "category:custom")).toBe(true);
  });

  test("CODEOWNERS routing reads the base branch's CODEOWNERS", async () => {
    const config = DEFAULT_CONFIG.replace(
      "threshold: medium",
      "threshold: medium\n  routes:\n    custom:\n      codeowners: true",
    );
    const h = await harness();
    setConfig(h.gh, config);
    h.gh.blobs[`${BASE_SHA}:.github/CODEOWNERS`] = "*       @alice\n/lib/   @bob\n";
    riskyChange(h.gh);
    h.gh.permissions = { alice: "write", bob: "write" };
    await h.receive("pull_request", prPayload(h.gh, "opened"));
    const [comment] = h.gh.checklist();
    await tick(h, comment!, "category:custom", USERS.alice);
    expect(ticked(comment!, "category:custom")).toBe(false);
    await tick(h, comment!, "category:custom", USERS.bob);
    expect(ticked(comment!, "category:custom")).toBe(true);
  });
});

describe("tiered approvals", () => {
  test("a critical gate needs two distinct approvers", async () => {
    const h = await opened(DEFAULT_CONFIG.replace("custom/danger: high", "custom/danger: critical"));
    expect(stateOf(h.comment)).toMatchObject({ level: "critical", approvals: 2, signoffs: ["signoff:1", "signoff:2"] });
    await tick(h, h.comment, "category:custom", USERS.alice);
    await tick(h, h.comment, "extra:rollback", USERS.alice);
    // A critical gate also carries the engine's rollback-readiness item (gate.rollback).
    await tick(h, h.comment, "rollback:plan", USERS.alice);
    await tick(h, h.comment, "signoff:1", USERS.alice);
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
    expect(h.gh.latestRun()?.output.title).toBe(
      "needs 1 more approver with write access: tick a sign-off in the checklist",
    );
    await tick(h, h.comment, "signoff:2", USERS.alice);
    expect(ticked(h.comment, "signoff:2")).toBe(false);
    expect(h.comment.body).toContain("each sign-off needs a different approver");
    await tick(h, h.comment, "signoff:2", USERS.bob);
    expect(h.gh.latestRun()?.conclusion).toBe("success");
    expect(h.gh.latestRun()?.output.title).toBe("approved by @alice, @bob");
  });
});

describe("pushes", () => {
  const NEW_HEAD = "1111111111111111111111111111111111111111";

  async function approved(config = DEFAULT_CONFIG) {
    const h = await opened(config);
    await tick(h, h.comment, "category:custom", USERS.alice);
    await tick(h, h.comment, "extra:rollback", USERS.alice);
    expect(h.gh.latestRun()?.conclusion).toBe("success");
    return h;
  }

  test("a push after approval resets the ticks and blocks the new head", async () => {
    const h = await approved();
    h.gh.pull.head.sha = NEW_HEAD;
    await h.receive("pull_request", prPayload(h.gh, "synchronize", { before: HEAD_SHA, after: NEW_HEAD }));
    expect(h.gh.take()).toEqual([
      "GET /repos/Codertocat/Hello-World/contents/.github%2Fai-review-gate.yml",
      "GET /repos/Codertocat/Hello-World/pulls/2/files",
      "GET /repos/Codertocat/Hello-World/pulls/2/commits",
      "GET /repos/Codertocat/Hello-World/issues/2/comments",
      `GET /repos/Codertocat/Hello-World/commits/${NEW_HEAD}/check-runs`,
      "POST /repos/Codertocat/Hello-World/check-runs",
      "PATCH /repos/Codertocat/Hello-World/issues/comments/1001",
    ]);
    expect(h.gh.latestRun(NEW_HEAD)?.conclusion).toBe("action_required");
    expect(stateOf(h.comment)).toMatchObject({ head: NEW_HEAD, ticks: [] });
    expect(h.comment.body).toContain("all ticks were reset (gate.stale: reset)");
    expect(h.gh.checklist()).toHaveLength(1);
  });

  test("gate.stale touched-files keeps ticks when the push touches no file with findings", async () => {
    const h = await approved(DEFAULT_CONFIG.replace("threshold: medium", "threshold: medium\n  stale: touched-files"));
    h.gh.compares[`${HEAD_SHA}...${NEW_HEAD}`] = { status: "ahead", files: ["README.md"] };
    h.gh.pull.head.sha = NEW_HEAD;
    await h.receive("pull_request", prPayload(h.gh, "synchronize"));
    const state = stateOf(h.comment);
    // The extra item covers the whole change, so it resets; the custom item's file was not touched.
    expect(state.ticks.map((t) => t.item)).toEqual(["category:custom"]);
    expect(h.comment.body).toContain("touch files with findings: ticks reset on extra:rollback");
    expect(h.gh.latestRun(NEW_HEAD)?.conclusion).toBe("action_required");
  });

  test("a tick that races a push is refused and the checklist moves to the new head", async () => {
    const h = await opened();
    h.gh.pull.head.sha = NEW_HEAD;
    await tick(h, h.comment, "category:custom", USERS.alice);
    expect(stateOf(h.comment)).toMatchObject({ head: NEW_HEAD, ticks: [] });
    expect(h.comment.body).toContain("has new commits since this checklist was rendered");
  });
});

describe("config", () => {
  test("a config changed inside the PR does not weaken the gate (read from the base commit)", async () => {
    const h = await harness();
    setConfig(h.gh, DEFAULT_CONFIG);
    setConfig(h.gh, "gate:\n  threshold: critical\n  policy: ai-authored\n", HEAD_SHA);
    riskyChange(h.gh);
    h.gh.files.push({
      filename: ".github/ai-review-gate.yml",
      status: "modified",
      additions: 1,
      deletions: 1,
      patch: "@@ -1 +1 @@\n-  threshold: medium\n+  threshold: critical",
    });
    await h.receive("pull_request", prPayload(h.gh, "opened"));
    expect(h.gh.take()).toContain(`GET /repos/Codertocat/Hello-World/contents/.github%2Fai-review-gate.yml`);
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
  });

  test("an invalid config fails the check with the error's location", async () => {
    const h = await harness();
    setConfig(h.gh, "gate:\n  policy: all\n  threshold: severe\n");
    riskyChange(h.gh);
    await h.receive("pull_request", prPayload(h.gh, "opened"));
    const run = h.gh.latestRun()!;
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("invalid config .github/ai-review-gate.yml: gate.threshold (line 3)");
    expect(run.output.summary).toContain("gate.threshold (line 3)");
  });
});

describe("resilience", () => {
  test("a deleted checklist comment is recreated without ticks and the gate blocks again", async () => {
    const h = await opened();
    await tick(h, h.comment, "category:custom", USERS.alice);
    await tick(h, h.comment, "extra:rollback", USERS.alice);
    expect(h.gh.latestRun()?.conclusion).toBe("success");
    await h.receive("issue_comment", deletePayload(h.gh, h.comment, USERS.author));
    const [recreated] = h.gh.checklist();
    expect(recreated!.id).not.toBe(h.comment.id);
    const state = stateOf(recreated!);
    expect(state.ticks).toEqual([]);
    expect(state.audit.map((e) => e.kind)).toEqual(["tick", "tick", "recreated"]);
    expect(recreated!.body).toContain("deleted by @Codertocat");
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
  });

  test("a transient 5xx is retried", async () => {
    const h = await harness();
    setConfig(h.gh, DEFAULT_CONFIG);
    riskyChange(h.gh);
    h.gh.failures.push({ method: "GET", path: /\/pulls\/2\/files$/, status: 502, times: 1 });
    await h.receive("pull_request", prPayload(h.gh, "opened"));
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
  });

  test("a persistent 5xx fails closed with the reason", async () => {
    const h = await harness();
    setConfig(h.gh, DEFAULT_CONFIG);
    riskyChange(h.gh);
    h.gh.failures.push({ method: "GET", path: /\/pulls\/2\/files$/, status: 502, times: 10, message: "Bad Gateway" });
    await h.receive("pull_request", prPayload(h.gh, "opened"));
    const run = h.gh.latestRun()!;
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("could not evaluate the gate (GitHub API error): re-run this check");
    expect(run.output.summary).toContain("HTTP 502");
    // 1 try + 2 retries.
    expect(h.gh.log.filter((l) => l.endsWith("/files"))).toHaveLength(3);
  });

  test("a rate limit on a tick fails closed instead of keeping a green", async () => {
    const h = await opened();
    await tick(h, h.comment, "category:custom", USERS.alice);
    h.gh.failures.push({
      method: "GET",
      path: /\/collaborators\/bob\/permission$/,
      status: 403,
      times: 5,
      message: "API rate limit exceeded for installation ID 1.",
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "9999999999" },
    });
    await tick(h, h.comment, "extra:rollback", USERS.bob);
    const run = h.gh.latestRun()!;
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toContain("rate limit");
    expect(stateOf(h.comment).ticks.map((t) => t.login)).toEqual(["alice"]);
  });

  test("a duplicate delivery converges: one comment, one check run, no comment rewrite", async () => {
    const h = await opened();
    const before = h.comment.body;
    await h.receive("pull_request", prPayload(h.gh, "opened"));
    const requests = h.gh.take();
    expect(
      requests.filter((r) => r.startsWith("POST") || r.startsWith("PATCH /repos/Codertocat/Hello-World/issues")),
    ).toEqual([]);
    expect(h.gh.checklist()).toHaveLength(1);
    expect(h.gh.checkRuns).toHaveLength(1);
    expect(h.comment.body).toBe(before);
  });

  test("concurrent first deliveries converge to one comment (the oldest wins)", async () => {
    const h = await harness();
    setConfig(h.gh, DEFAULT_CONFIG);
    riskyChange(h.gh);
    const p = prPayload(h.gh, "opened");
    await Promise.all([h.receive("pull_request", p), h.receive("pull_request", structuredClone(p))]);
    expect(h.gh.checklist()).toHaveLength(1);
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
  });
});

describe("re-run, merge queue, merge audit", () => {
  test("check_run.rerequested re-evaluates the PR", async () => {
    const h = await opened();
    const p = example("check_run", "rerequested");
    p.repository = prPayload(h.gh, "opened").repository;
    p.installation = { id: 1 };
    p.check_run = {
      ...p.check_run,
      id: 1000,
      name: "AI Review Gate",
      head_sha: HEAD_SHA,
      app: { id: 123 },
      pull_requests: [{ number: 2 }],
    };
    h.gh.checkRuns[0]!.conclusion = "failure";
    await h.receive("check_run", p);
    expect(h.gh.latestRun()?.conclusion).toBe("action_required");
  });

  function mergeGroup(h: Harness) {
    const p = example("merge_group", "checks_requested");
    p.repository = prPayload(h.gh, "opened").repository;
    p.installation = { id: 1 };
    p.merge_group = {
      ...p.merge_group,
      head_sha: "2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d",
      head_ref: `refs/heads/gh-readonly-queue/master/pr-2-${BASE_SHA}`,
    };
    return p;
  }

  test("a merge group gets the queued PR's gate result", async () => {
    const h = await opened();
    await h.receive("merge_group", mergeGroup(h));
    expect(h.gh.latestRun("2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d")?.conclusion).toBe("failure");
    await tick(h, h.comment, "category:custom", USERS.alice);
    await tick(h, h.comment, "extra:rollback", USERS.alice);
    await h.receive("merge_group", mergeGroup(h));
    expect(h.gh.latestRun("2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d")?.conclusion).toBe("success");
  });

  test("a PR merged while the gate was unsatisfied gets one audit comment", async () => {
    const h = await opened();
    h.gh.pull.state = "closed";
    h.gh.pull.merged = true;
    const p = prPayload(h.gh, "closed");
    p.pull_request.merged_by = { login: "bob" };
    await h.receive("pull_request", p);
    await h.receive("pull_request", p);
    const audits = h.gh.comments.filter((c) => c.body.startsWith("<!-- ai-review-gate:audit -->"));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.body).toContain("@bob merged this PR");
    expect(audits[0]!.body).toContain("A rollback plan is written");
  });
});
