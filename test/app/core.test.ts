import { describe, expect, test } from "vitest";
import { commitCheck, MAX_OUTPUT } from "../../app/gate/check-run.js";
import { MAX_COMMENT, renderComment } from "../../app/gate/checklist-comment.js";
import { commitWrite, decide, type Snapshot } from "../../app/gate/decide.js";
import type { SenderFacts } from "../../app/gate/eligibility.js";
import { mergeGroupCheck } from "../../app/gate/merge-group.js";
import { decodeRecord } from "../../app/gate/record.js";
import { type GateState, progress } from "../../app/gate/state.js";
import { applyEdit, readEdit } from "../../app/gate/ticks.js";
import type { Actor } from "../../src/github/port.js";
import { prng } from "../support/prng.js";
import { AT, B1, commit, evaluated, facts, H1, H2, H3, P, pull, WRITER } from "./builders.js";
import { setBox } from "./world.js";

/**
 * The pure core, one table per attack class of the gate-integrity issue: each row is a situation and
 * what the gate must conclude. No I/O: facts are built as the loader would gather them.
 */

type Tick = { by: Actor; ids: string[]; checked?: boolean; facts?: SenderFacts; closed?: boolean };

/** `by` flips boxes on the view of `state` (or on `view`, a body they loaded earlier). */
function edit(state: GateState, t: Tick, view = renderComment(state)): GateState {
  const to = t.ids.reduce((b, id) => setBox(b, id, t.checked ?? true), view);
  return applyEdit({
    state,
    sender: t.by,
    reading: readEdit(state, view, to),
    facts: t.facts ?? WRITER,
    at: AT,
    closed: t.closed ?? false,
  });
}

const ALL = ["category:custom", "signoff:1"];
const ticked = (s: GateState) => s.ticks.map((x) => `${x.item}@${x.by.id}`);
const satisfied = (s: GateState) => progress(s).satisfied;

describe("class 1: exclusions are remembered, never recomputed", () => {
  const requested = evaluated({
    pull: pull({ assignees: [P.dana] }),
    reportSpec: { requesters: ["dana"], aiDetected: true },
  });
  test.each([
    ["the requester unassigned herself", { pull: pull(), reportSpec: { aiDetected: true } }],
    ["the 'Requested by' line was deleted", { pull: pull({ body: "" }), reportSpec: { aiDetected: true } }],
    [
      "the co-authoring commits were force-pushed away",
      { pull: pull({ head: { sha: H2, ref: "f" } }), reportSpec: {} },
    ],
  ])("%s: the requester still cannot tick", (_why, later) => {
    const again = evaluated(later, requested);
    expect(again.excluded.ids).toContain(P.dana.id);
    const after = edit(again, { by: P.dana, ids: ALL });
    expect(after.ticks).toEqual([]);
    expect(after.notes.join(" ")).toMatch(/whoever asked the agent for it, cannot approve/);
  });

  test("co-authors past and present are remembered by account id", () => {
    const first = evaluated({
      commits: {
        items: [commit(H1, P.author, "x\n\nCo-authored-by: Carol <13+carol@users.noreply.github.com>")],
        truncated: false,
      },
    });
    expect(first.excluded.ids).toEqual(expect.arrayContaining([P.author.id, P.carol.id]));
    const rewritten = evaluated({ pull: pull({ head: { sha: H2, ref: "f" } }) }, first);
    expect(rewritten.excluded.ids).toContain(P.carol.id);
  });

  test("an old-style noreply address is resolved to an id once and kept", () => {
    const s = evaluated({
      commits: {
        items: [commit(H1, P.author, "x\n\nCo-authored-by: Bob <bob@users.noreply.github.com>")],
        truncated: false,
      },
      resolved: new Map([["bob", P.bob]]),
    });
    expect(s.excluded.ids).toContain(P.bob.id);
    expect(s.excluded.logins).toContain("bob");
  });
});

describe("class 2: identity is the numeric account id", () => {
  test("a renamed approver is still one person: no second sign-off", () => {
    const two = evaluated({ reportSpec: { approvals: 2 } });
    const once = edit(two, { by: P.alice, ids: ["category:custom", "signoff:1"] });
    const renamed = { ...P.alice, login: "alice-renamed" };
    const twice = edit(once, { by: renamed, ids: ["signoff:2"] });
    expect(ticked(twice)).toEqual(["category:custom@11", "signoff:1@11"]);
    expect(twice.notes.join(" ")).toMatch(/already signed off/);
    expect(satisfied(twice)).toBe(false);
  });

  test("a renamed author or co-author is still excluded", () => {
    const s = evaluated();
    const after = edit(s, { by: { ...P.author, login: "new-name" }, ids: ALL });
    expect(after.ticks).toEqual([]);
  });

  test("distinct approvers are counted by id, not login", () => {
    const two = evaluated({ reportSpec: { approvals: 2 } });
    const a = edit(two, { by: P.alice, ids: ["category:custom", "signoff:1"] });
    const b = edit(a, { by: P.bob, ids: ["signoff:2"] });
    expect(progress(b).approvers.map((x) => x.id)).toEqual([P.alice.id, P.bob.id]);
    expect(satisfied(b)).toBe(true);
  });
});

describe("class 3: stale and replayed edits count for nothing", () => {
  const start = evaluated();
  const cases: Array<[string, (s: GateState) => { state: GateState; view: string }]> = [
    [
      "a tick made on the page of an older head, delivered after the push was handled",
      (s) => ({ view: renderComment(s), state: evaluated({ pull: pull({ head: { sha: H2, ref: "f" } }) }, s) }),
    ],
    [
      "a replayed tick after the same person unticked",
      (s) => {
        const view = renderComment(s);
        const ticked1 = edit(s, { by: P.alice, ids: ALL }, view);
        return { view, state: edit(ticked1, { by: P.alice, ids: ALL, checked: false }) };
      },
    ],
    [
      "a tick on a body someone else had altered (a forged ticked line)",
      (s) => ({ view: setBox(renderComment(s), "signoff:1"), state: s }),
    ],
  ];
  test.each(cases)("%s", (_what, setup) => {
    const { state, view } = setup(start);
    const after = edit(state, { by: P.alice, ids: ALL }, view);
    expect(after.ticks).toEqual(state.ticks);
    expect(after.seq).toBe(state.seq);
    expect(after.notes.join(" ")).toMatch(/not counted/);
  });

  test("a refusal leaves the decision and its sequence alone, so other reviewers' views stay valid", () => {
    const refused = edit(start, { by: P.author, ids: ALL });
    expect(refused.seq).toBe(start.seq);
    const ok = edit(refused, { by: P.alice, ids: ALL }, renderComment(start));
    expect(satisfied(ok)).toBe(true);
  });
});

describe("class 4: the record lives where only the App writes", () => {
  const snapshotOn = (entries: GateState[]): Snapshot => ({
    at: AT,
    runs: new Map([[H1, { runs: [], entries }]]),
    openPulls: new Map(),
    commentUrl: null,
  });

  test("a pasted older, approved checklist is an outdated view: nothing counts, the record wins", () => {
    const approvedView = renderComment(edit(evaluated(), { by: P.alice, ids: ALL }));
    const approved = edit(evaluated(), { by: P.alice, ids: ALL });
    const unticked = edit(approved, { by: P.bob, ids: ["signoff:1"], checked: false });
    // The attacker pastes the approved body; any later edit on it is judged against the record.
    const after = edit(unticked, { by: P.bob, ids: [] }, approvedView);
    expect(satisfied(after)).toBe(false);
    expect(after.seq).toBe(unticked.seq);
  });

  test("a deleted checklist is recreated from the record: ticks kept, sequence continues", () => {
    const approved = edit(evaluated(), { by: P.alice, ids: ALL });
    const d = decide(
      snapshotOn([approved]),
      { ...approved, commentId: 7 },
      {
        kind: "comment-deleted",
        sender: P.bob,
        commentId: 7,
      },
    );
    expect(d.state?.ticks).toEqual(approved.ticks);
    expect(d.state?.seq).toBe(approved.seq);
    expect(d.comment?.id).toBeUndefined();
    expect(d.comment?.body).toContain("recreated from the gate's record");
  });

  test("the check run's text carries the record; its digest and sequence are in the view", () => {
    const s = edit(evaluated(), { by: P.alice, ids: ALL });
    const w = commitWrite(snapshotOn([]), H1, s);
    expect(decodeRecord(w?.body.text ?? "")).toEqual([s]);
    expect(renderComment(s)).toMatch(new RegExp(`seq=${s.seq} digest=[0-9a-f]{16}`));
  });
});

describe("class 5: a commit's check is the AND over every open PR with that head", () => {
  const gated = { ...evaluated(), pr: 2 };
  const docs = { ...evaluated({ pull: pull({ number: 3 }), reportSpec: { required: false } }), pr: 3 };
  test.each([
    ["a gated PR and a docs-only PR share the head", [gated, docs], [2, 3], "action_required"],
    ["only the docs-only PR is open with that head", [docs], [3], "success"],
    ["an open PR with that head has not been evaluated", [docs], [3, 4], "action_required"],
    ["the gated PR is satisfied", [edit(gated, { by: P.alice, ids: ALL }), docs], [2, 3], "success"],
    ["the gated PR was closed", [{ ...gated, status: "closed" as const }, docs], [3], "success"],
    ["the gated PR moved on to another head", [{ ...gated, next: H2 }, docs], [3], "success"],
    ["no PR has this head any more", [{ ...gated, next: H2 }], [], "action_required"],
  ])("%s → %s", (_what, entries, open, conclusion) => {
    expect(commitCheck({ sha: H1, entries, openPulls: open }).conclusion).toBe(conclusion);
  });

  test("re-evaluating one PR keeps the other PR's record on the shared run", () => {
    const snapshot: Snapshot = {
      at: AT,
      runs: new Map([[H1, { runs: [], entries: [gated] }]]),
      openPulls: new Map([[H1, [2, 3]]]),
      commentUrl: null,
      evaluation: facts({ pull: pull({ number: 3 }), reportSpec: { required: false } }),
    };
    const d = decide(snapshot, null, { kind: "evaluate" });
    const written = decodeRecord(d.checkRuns[0]?.body.text ?? "");
    expect(written.map((e) => e.pr)).toEqual([2, 3]);
    expect(d.checkRuns[0]?.body.conclusion).toBe("action_required");
  });
});

describe("class 6: a base change resets like a push, and the gate never relaxes at one commit", () => {
  const approved = edit(evaluated(), { by: P.alice, ids: ALL });
  test.each([
    ["retargeted to a base where the gate does not apply", { base: { sha: B1, ref: "weak" } }, false],
    ["retargeted to another gated base", { base: { sha: B1, ref: "release" } }, true],
  ])("%s: every tick resets, the requirement stays", (_what, over, gatedThere) => {
    const moved = evaluated({ pull: pull(over), reportSpec: { required: gatedThere } }, approved);
    expect(moved.ticks).toEqual([]);
    expect(moved.required).toBe(true);
    expect(satisfied(moved)).toBe(false);
    expect(moved.notes.join(" ")).toMatch(/retargeted from `main`/);
  });

  test("a weaker config on the base, at the same commit, keeps the requirement until a push", () => {
    const weaker = evaluated({ reportSpec: { required: false } }, approved);
    expect(weaker.required).toBe(true);
    expect(weaker.ticks).toEqual(approved.ticks);
    const pushed = evaluated({ pull: pull({ head: { sha: H2, ref: "f" } }), reportSpec: { required: false } }, weaker);
    expect(pushed.required).toBe(false);
  });
});

describe("class 7: what GitHub does not list is never auto-approved", () => {
  test.each([
    ["3,412 files, only docs among the first 3,000", { changedFiles: 3412 }, { files: { items: [], truncated: true } }],
    ["more files than listed, no truncation flag", { changedFiles: 3001 }, {}],
  ])("%s: required, with an item for what was not analysed", (_what, p, f) => {
    const s = evaluated({ pull: pull(p), reportSpec: { required: false }, ...f });
    expect(s.required).toBe(true);
    expect(s.items.map((i) => i.id)).toContain("limit:files");
    expect(s.reason).toMatch(/could not read the whole PR/);
    expect(satisfied(s)).toBe(false);
  });

  test("more than 250 commits: required, and no tick can count (co-authors past the 250th are unknown)", () => {
    const s = evaluated({ pull: pull({ commits: 300 }), reportSpec: { required: false } });
    expect(s.required).toBe(true);
    expect(s.locked).toMatch(/GitHub lists only 250/);
    const after = edit(s, { by: P.alice, ids: s.items.map((i) => i.id).concat("signoff:1") });
    expect(after.ticks).toEqual([]);
    expect(satisfied(after)).toBe(false);
  });
});

describe("class 8: fail-closed corners", () => {
  const routed = "gate:\n  policy: all\n  routes:\n    custom:\n      codeowners: true\n";
  test.each([
    ["no CODEOWNERS file on the base", null, /no CODEOWNERS file/],
    ["no rule covers the file", "docs/ @org/docs\n", /no CODEOWNERS rule .* covers lib\/pay.js/],
    ["the rule names only email addresses", "*.js owner@example.com\n", /names no GitHub user or team/],
  ])("unresolvable routing (%s): nobody can tick the item", (_what, codeowners, why) => {
    const s = evaluated({ configText: routed, codeowners });
    const item = s.items.find((i) => i.id === "category:custom");
    expect(item?.route?.unresolved).toMatch(why);
    const after = edit(s, { by: P.alice, ids: ["category:custom"], facts: { ...WRITER, teams: { "org/docs": true } } });
    expect(after.ticks).toEqual([]);
    expect(after.notes.join(" ")).toMatch(/nobody can tick this item/);
  });

  test("a resolvable CODEOWNERS route admits its owners only", () => {
    const s = evaluated({ configText: routed, codeowners: "*.js @org/payments @carol\n" });
    expect(edit(s, { by: P.alice, ids: ["category:custom"] }).ticks).toEqual([]);
    expect(edit(s, { by: P.carol, ids: ["category:custom"] }).ticks).toHaveLength(1);
    const member = { ...WRITER, teams: { "org/payments": true } };
    expect(edit(s, { by: P.bob, ids: ["category:custom"], facts: member }).ticks).toHaveLength(1);
  });

  test("a tier of N needs N distinct people who each signed off the whole change", () => {
    const two = evaluated({
      reportSpec: {
        approvals: 2,
        findings: [
          { category: "custom", file: "a.js" },
          { category: "secrets", file: "b.env" },
        ],
      },
    });
    const each = edit(edit(two, { by: P.alice, ids: ["category:custom"] }), { by: P.bob, ids: ["category:secrets"] });
    expect(progress(each).approvers).toEqual([]);
    expect(satisfied(each)).toBe(false);
    const signed = edit(edit(each, { by: P.alice, ids: ["signoff:1"] }), { by: P.bob, ids: ["signoff:2"] });
    expect(satisfied(signed)).toBe(true);
  });

  test("machine accounts listed in the config never approve (by login or by id)", () => {
    for (const entry of ["deploy-robot", String(P.machine.id)]) {
      const s = evaluated({ configText: `gate:\n  policy: all\n  machine_accounts: [${entry}]\n` });
      const after = edit(s, { by: P.machine, ids: ALL });
      expect(after.ticks).toEqual([]);
      expect(after.notes.join(" ")).toMatch(/machine accounts/);
    }
  });

  test("a huge checklist still renders within GitHub's comment limit, every item kept", () => {
    const findings = Array.from({ length: 12 }, (_, i) => ({
      category: (["custom", "secrets", "migration", "dependency"] as const)[i % 4] ?? "custom",
      file: `f${i}.js`,
      message: "x".repeat(5000),
    }));
    const s = evaluated({
      reportSpec: { findings, extras: Array.from({ length: 150 }, (_, i) => ({ id: `e${i}`, text: "y".repeat(400) })) },
    });
    s.notes = Array.from({ length: 10 }, () => "n".repeat(2000));
    s.audit = Array.from({ length: 40 }, () => ({ at: AT, head: H1, kind: "refused" as const, note: "z".repeat(500) }));
    const body = renderComment(s);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_COMMENT);
    for (const item of s.items) expect(body).toContain(`<!-- ai-review-gate:item ${item.id} -->`);
    const check = commitCheck({ sha: H1, entries: [s], openPulls: [2] });
    expect(Buffer.byteLength(check.summary)).toBeLessThanOrEqual(MAX_OUTPUT);
    expect(Buffer.byteLength(check.text ?? "")).toBeLessThanOrEqual(MAX_OUTPUT);
    expect(decodeRecord(check.text ?? "")[0]?.items).toHaveLength(s.items.length);
  });

  test("a merge group is checked PR by PR: the queued one and every one ahead", () => {
    const ok = edit(evaluated(), { by: P.alice, ids: ALL });
    const blocked = { ...evaluated({ pull: pull({ number: 3, head: { sha: H2, ref: "g" } }) }) };
    const member = (n: number, head: string, record: GateState | null) => ({
      number: n,
      headSha: head,
      baseRef: "main",
      record,
    });
    expect(mergeGroupCheck({ baseRef: "main", members: [member(2, H1, ok)] }).conclusion).toBe("success");
    const both = mergeGroupCheck({ baseRef: "main", members: [member(3, H2, blocked), member(2, H1, ok)] });
    expect(both.conclusion).toBe("failure");
    expect(both.title).toMatch(/^PR #3/);
    expect(mergeGroupCheck({ baseRef: "release", members: [member(2, H1, ok)] }).title).toMatch(/not `release`/);
    expect(mergeGroupCheck({ baseRef: "main", members: [member(2, H3, ok)] }).conclusion).toBe("failure");
    expect(mergeGroupCheck({ baseRef: "main", members: { error: "no entry" } }).conclusion).toBe("failure");
  });
});

describe("beyond the named classes", () => {
  test("a tick whose item is re-routed at the same commit no longer counts", () => {
    const s = edit(evaluated(), { by: P.alice, ids: ["category:custom"] });
    const routed = evaluated({ configText: "gate:\n  policy: all\n  routes:\n    custom:\n      team: org/dba\n" }, s);
    expect(routed.ticks).toEqual([]);
  });

  test("a reviewer who pushes a commit after ticking loses the ticks (touched-files keeps nothing of theirs)", () => {
    const config = "gate:\n  policy: all\n  stale: touched-files\n";
    const s = edit(evaluated({ configText: config }), { by: P.alice, ids: ["category:custom"] });
    const pushed = evaluated(
      {
        configText: config,
        pull: pull({ head: { sha: H2, ref: "f" } }),
        commits: { items: [commit(H1, P.author), commit(H2, P.alice)], truncated: false },
        touched: { status: "ahead", files: ["README.md"], truncated: false },
      },
      s,
    );
    expect(pushed.excluded.ids).toContain(P.alice.id);
    expect(pushed.ticks).toEqual([]);
    expect(pushed.notes.join(" ")).toMatch(/may no longer approve/);
  });

  test("paths too long for the record mark the item truncated, so any push resets it", () => {
    const long = `src/${"x".repeat(400)}.js`;
    const s = evaluated({ reportSpec: { findings: [{ category: "custom", file: long }] } });
    expect(s.items[0]?.filesTruncated).toBe(true);
    expect(s.items[0]?.files).toEqual([]);
  });

  test("a record that cannot fit one check run fails the write (the caller fails closed)", () => {
    const random = prng(7);
    const letter = () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(random() * 26)]!;
    const findings = () =>
      Array.from({ length: 30 }, (_, i) => ({
        category: "custom" as const,
        file: `${i}-${Array.from({ length: 280 }, letter).join("")}`,
      }));
    // 40 PRs on one commit, each with 30 long, incompressible paths: more than one run's text can hold.
    const many = Array.from({ length: 40 }, (_, n) => ({
      ...evaluated({ reportSpec: { findings: findings() } }),
      pr: n + 2,
    }));
    expect(() => commitCheck({ sha: H1, entries: many, openPulls: null })).toThrow(/does not fit/);
  });
});

describe("positive paths", () => {
  test("an authorized, distinct reviewer's ticks count and turn the gate green", () => {
    const s = edit(evaluated(), { by: P.alice, ids: ALL });
    expect(satisfied(s)).toBe(true);
    expect(commitCheck({ sha: H1, entries: [s], openPulls: [2] }).title).toBe("approved by @alice");
  });

  test("an authorized untick reopens the gate", () => {
    const s = edit(edit(evaluated(), { by: P.alice, ids: ALL }), { by: P.bob, ids: ["signoff:1"], checked: false });
    expect(satisfied(s)).toBe(false);
  });

  test("gate.stale touched-files keeps item ticks the push did not touch; sign-offs always reset", () => {
    const config = "gate:\n  policy: all\n  stale: touched-files\n";
    const s = edit(evaluated({ configText: config }), { by: P.alice, ids: ALL });
    const pushed = evaluated(
      {
        configText: config,
        pull: pull({ head: { sha: H2, ref: "f" } }),
        touched: { status: "ahead", files: ["README.md"], truncated: false },
      },
      s,
    );
    expect(pushed.ticks.map((t) => t.item)).toEqual(["category:custom"]);
    const rewritten = evaluated(
      {
        configText: config,
        pull: pull({ head: { sha: H2, ref: "f" } }),
        touched: { status: "diverged", files: [], truncated: false },
      },
      s,
    );
    expect(rewritten.ticks).toEqual([]);
  });

  test("a not-required PR is green with no checklist", () => {
    const snapshot: Snapshot = {
      at: AT,
      runs: new Map(),
      openPulls: new Map([[H1, [2]]]),
      commentUrl: null,
      evaluation: facts({ reportSpec: { required: false } }),
    };
    const d = decide(snapshot, null, { kind: "evaluate" });
    expect(d.checkRuns[0]?.body.conclusion).toBe("success");
    expect(d.comment).toBeNull();
  });
});
