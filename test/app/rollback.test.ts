import { describe, expect, test } from "vitest";
import { parseBody } from "../../app/gate/checklist-comment.js";
import { evaluateState } from "../../app/gate/evaluate.js";
import { progress } from "../../app/gate/state.js";
import { markdownBlock } from "../../src/text/markdown.js";
import { FAKE } from "../secrets/fixtures.js";
import { AT, facts } from "./builders.js";
import { CONFIG, HEAD, isTicked, itemIds, World } from "./world.js";

/**
 * Rollback readiness in the App (issue 19): while the base's config requires a rollback plan, the
 * check blocks until the PR description has one, whatever is ticked; `pull_request.edited` re-reads
 * the description, so writing the plan turns readiness present and deleting it turns it back. A body
 * edit is never a tick: it keeps every tick except the one on a plan it changed.
 */

const REQUIRED = CONFIG.replace(
  "gate:\n  policy: all\n",
  "gate:\n  policy: all\n  rollback:\n    required_from: high\n",
);
const OTHERS = ["category:custom", "extra:rollback", "signoff:1"];
const PLAN = "Revert this PR; the `new_ledger` flag turns the new code path off.";
const body = (plan: string | null, summary = "Moves the ledger.") =>
  plan === null ? `## Summary\n${summary}` : `## Summary\n${summary}\n\n## Rollback\n${plan}\n\n## Tests\nunit`;

async function opened(description = body(null)) {
  const w = new World(REQUIRED);
  w.pull(2, { body: description });
  await w.open();
  return w;
}

const summaryOf = (w: World) => w.gh.runsOn(HEAD)[0]!.summary;

describe("the gate blocks without a rollback plan when one is required", () => {
  test("every box ticked, no plan: still blocking, and the check and the checklist say what to add where", async () => {
    const w = await opened();
    expect(itemIds(w.checklist().body)).toEqual([...OTHERS.slice(0, 2), "rollback:plan", "signoff:1"]);
    await w.tick(w.people.alice, OTHERS);
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    const run = w.gh.runsOn(HEAD)[0]!;
    expect(run.title).toMatch(/^needs a "Rollback" section in the PR description saying how to undo this change, and/);
    expect(summaryOf(w)).toContain(
      '**Rollback plan: missing.** Add a section headed "## Rollback" to the PR description',
    );
    expect(w.checklist().body).toContain('Add a section headed "## Rollback" to the PR description');
    expect(w.checklist().body).toContain("a rollback plan in the PR description (below)");
    expect(progress(w.record())).toMatchObject({ rollbackMissing: true, satisfied: false });
  });

  test("the plan's item cannot be ticked before there is a plan (refused, with a note)", async () => {
    const w = await opened();
    await w.tick(w.people.alice, ["rollback:plan"]);
    expect(isTicked(w.checklist().body, "rollback:plan")).toBe(false);
    expect(w.checklist().body).toContain('the PR description has no "Rollback" section with a plan in it yet');
    expect(w.record().ticks).toEqual([]);
  });

  test("a section with only a placeholder is no plan", async () => {
    const w = await opened(body("N/A"));
    expect(w.record().rollback).toMatchObject({ required: true, present: false });
    expect(w.checklist().body).toContain('the "Rollback" section there says nothing yet');
  });

  test("below the configured level nothing is asked and the check can turn green", async () => {
    const w = new World();
    w.pull(2, { body: body(null) });
    await w.open();
    expect(itemIds(w.checklist().body)).not.toContain("rollback:plan");
    await w.tick(w.people.alice, OTHERS);
    expect(w.gh.conclusion(HEAD)).toBe("success");
  });
});

describe("pull_request.edited re-reads the description", () => {
  test("adding the plan makes it present and keeps every tick; its tick then turns the check green", async () => {
    const w = await opened();
    await w.tick(w.people.alice, OTHERS);
    await w.editBody(body(PLAN));
    expect(w.record().rollback).toMatchObject({ required: true, present: true, text: PLAN });
    expect(w.record().ticks.map((t) => t.item)).toEqual(OTHERS);
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(w.checklist().body).toContain("**Rollback plan: present**");
    expect(w.checklist().body).toContain(`\`\`\`text\n${PLAN}\n\`\`\``);
    expect(summaryOf(w)).toContain(`\`\`\`text\n${PLAN}\n\`\`\``);
    await w.tick(w.people.alice, ["rollback:plan"]);
    expect(w.gh.conclusion(HEAD)).toBe("success");
  });

  test("removing the plan turns the check back to blocking and resets the plan's tick only", async () => {
    const w = await opened(body(PLAN));
    await w.tick(w.people.alice, [...OTHERS, "rollback:plan"]);
    expect(w.gh.conclusion(HEAD)).toBe("success");
    await w.editBody(body(null), { by: w.people.bob });
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(w.record().ticks.map((t) => t.item)).toEqual(OTHERS);
    expect(w.checklist().body).toContain("The rollback plan in the PR description changed since @alice ticked it");
  });

  test("rewording the plan resets its tick; editing the rest of the description changes nothing", async () => {
    const w = await opened(body(PLAN));
    await w.tick(w.people.alice, [...OTHERS, "rollback:plan"]);
    const seq = w.record().seq;
    const from = w.gh.calls.length;
    await w.editBody(body(PLAN, "Moves the ledger, and says so at more length."));
    expect(w.gh.since(from).filter((c) => c.startsWith("upsert"))).toEqual([]);
    expect(w.record().seq).toBe(seq);
    expect(w.gh.conclusion(HEAD)).toBe("success");
    await w.editBody(body("Nothing to undo, trust me."));
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(w.record().ticks.map((t) => t.item)).toEqual(OTHERS);
  });

  test("a redelivered edit that added the plan cannot bring it back once it was removed", async () => {
    const w = await opened();
    const added = await w.editBody(body(PLAN));
    await w.editBody(body(null));
    await w.deliver("pull_request", added, "added-again");
    expect(w.record().rollback?.present).toBe(false);
  });

  test("a body edit costs the reads of an evaluation, and writes only when readiness changed", async () => {
    const w = await opened();
    let from = w.gh.calls.length;
    await w.editBody(body(null, "Only the summary changed."));
    const reads = w.gh.since(from);
    expect(reads.filter((c) => c.startsWith("upsert"))).toEqual([]);
    from = w.gh.calls.length;
    await w.editBody(body(PLAN));
    expect(w.gh.since(from)).toEqual([...reads, "upsertCheckRun", "upsertComment"]);
  });
});

describe("the quoted plan is hostile text", () => {
  test("forged items, markers, mentions and tokens in the plan are shown inert, and ticking still works", async () => {
    const forged = [
      "- [x] **Sign-off 1 of 1: I reviewed the whole change and approve it** <!-- ai-review-gate:item signoff:1 -->",
      `<!-- ai-review-gate:view pr=2 head=${HEAD} seq=99 digest=0000000000000000 -->`,
      "```",
      "<!--",
      "ping @org/admins, token " + FAKE.githubPat,
      "ai-review-gate:item category:custom",
    ].join("\n");
    const w = await opened(body(forged));
    const comment = w.checklist().body;
    const parsed = parseBody(comment);
    expect([...parsed.items.keys()]).toEqual(["category:custom", "extra:rollback", "rollback:plan", "signoff:1"]);
    expect(parsed.markerLines).toHaveLength(1);
    expect(parsed.malformedItemMarkers).toBe(0);
    // The plan is shown verbatim in a code block whose fence no line of it can close (it has a ``` line).
    const block = markdownBlock(w.record().rollback!.text!);
    expect(block.startsWith("````text\n")).toBe(true);
    for (const text of [comment, summaryOf(w)]) {
      expect(text).not.toContain(FAKE.githubPat);
      expect(text).toContain(block);
    }
    expect(parseBody(summaryOf(w))).toMatchObject({ markerLines: [], malformedItemMarkers: 0 });
    await w.tick(w.people.alice, [...OTHERS, "rollback:plan"]);
    expect(w.gh.conclusion(HEAD)).toBe("success");
    expect(w.record().ticks.map((t) => t.by.login)).toEqual(["alice", "alice", "alice", "alice"]);
  });

  test("a plan too long for one comment is cut, and the checklist still fits", async () => {
    const w = await opened(body(Array.from({ length: 400 }, (_, i) => `step ${i}: restore table t${i}`).join("\n")));
    expect(w.record().rollback?.text?.length).toBeLessThanOrEqual(2000);
    expect(w.checklist().body).toMatch(/…\n```\n/);
    expect(Buffer.byteLength(w.checklist().body)).toBeLessThan(65536);
  });
});

describe("the evaluation, pure", () => {
  const readiness = (present: boolean, required = true) => ({
    required,
    present,
    heading: "Rollback",
    text: present ? PLAN : null,
    reason: required ? "required at risk level critical" : "not required (gate.rollback.required_from: off)",
    related: [],
  });
  const withPlan = (present: boolean, required = true) => {
    const f = facts({ reportSpec: { level: "critical" } });
    const gate = f.report!.gate;
    if (required)
      gate.checklist.push({ id: "rollback:plan", text: "The Rollback section says how to undo this", category: null });
    gate.rollback = readiness(present, required);
    return f;
  };

  test("at one commit a weaker config keeps the plan requirement (and its item)", () => {
    const first = evaluateState({ facts: withPlan(false), previous: null, at: AT });
    const weaker = evaluateState({ facts: withPlan(false, false), previous: first, at: AT });
    expect(weaker.rollback?.required).toBe(true);
    expect(weaker.items.map((i) => i.id)).toContain("rollback:plan");
    expect(progress(weaker).rollbackMissing).toBe(true);
  });

  test("the plan item's subject is the plan's digest: same plan, same subject; none without a plan", () => {
    const a = evaluateState({ facts: withPlan(true), previous: null, at: AT });
    const b = evaluateState({ facts: withPlan(true), previous: a, at: AT });
    const none = evaluateState({ facts: withPlan(false), previous: null, at: AT });
    const subject = (s: typeof a) => s.items.find((i) => i.id === "rollback:plan")?.subject;
    expect(subject(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(subject(b)).toBe(subject(a));
    expect(b.seq).toBe(a.seq);
    expect(subject(none)).toBe("none");
  });
});
