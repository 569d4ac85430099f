import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseBody, soleMarkerLine } from "../../app/gate/checklist-comment.js";
import { parseViewMarker } from "../../app/gate/record.js";
import type { Actor, PullCommit } from "../../src/github/port.js";
import type { FakeFile } from "../support/memory-github.js";
import { BASE, CONFIG, commitBy, docsFile, HEAD, riskyFile, setBox, WEAK_BASE, World } from "./world.js";

/**
 * Model-based property test of the gate invariant: `success` on a commit only if, for every open PR
 * with that head, every required item was ticked at that head and base by eligible, distinct humans.
 *
 * fast-check generates sequences of events by random actors: pushes (by reviewers too, with
 * co-authors), force-pushes back to an old commit, retargets between a gated, a stricter and an
 * ungated base, ticks and unticks on the current page or on a stale one, deliveries held back and
 * delivered out of order, redeliveries (same delivery id, or a new one as after a restart), deleted
 * and pasted checklists, close/reopen, labels, re-runs, account renames, and a second PR on the same
 * commit, and edits of the PR description by random actors that add, reword or remove the rollback plan
 * the base's config requires (some of them with forged checklist lines and markers in the plan). The
 * invariant here is extended: `success` also needs the plan present in the description, and the tick on
 * `rollback:plan` given on the plan as it reads now. The real system is the App's handler table over
 * the in-memory GitHub port. The model keeps
 * the ground truth (who really acted on which view, who ever authored what) and checks the invariant
 * after every step, with the model's own notion of what each base requires.
 *
 * Events that make a PR point at a commit whose check may already be green for another PR, or change
 * the base a PR targets (open, reopen, retarget, a force-push onto a commit whose check is green), and
 * description edits that remove or reword a plan, are delivered at once: between such an event and its delivery, a check computed before cannot know it
 * (the residual window documented in docs/app.md). Everything else may be held back and reordered.
 */

const STRICT_BASE = "5757575757575757575757575757575757575757";
/** The gated bases require a rollback plan from `high` (the risky change's level). */
const MODEL_CONFIG = CONFIG.replace(
  "gate:\n  policy: all\n",
  "gate:\n  policy: all\n  rollback:\n    required_from: high\n",
);
const BASES = { main: BASE, strict: STRICT_BASE, weak: WEAK_BASE } as const;
type BaseName = keyof typeof BASES;

type Kind = "risky" | "docs";
const FILES: Record<Kind, FakeFile[]> = { risky: [riskyFile()], docs: [docsFile()] };

/** What a base requires for a content, by the model's own reading of the configs. */
function requirement(kind: Kind, base: BaseName): { items: string[]; approvals: number } | null {
  if (kind === "docs" || base === "weak") return null;
  return { items: ["category:custom", "extra:rollback", "rollback:plan"], approvals: base === "strict" ? 2 : 1 };
}

interface Action {
  pr: number;
  actor: number;
  item: string;
  head: string;
  base: string;
  /** The plan version the page showed (null: none). */
  plan: number | null;
}

interface PullModel {
  open: boolean;
  base: BaseName;
  head: string;
  /** Pushes in order, for force-pushes back. */
  chain: Array<{ sha: string; commits: PullCommit[]; kind: Kind }>;
  /** Everyone who ever authored, committed or co-authored a commit of this PR (ids). */
  authors: Set<number>;
  /** The rollback plan version the description holds now (null: none, or a placeholder). */
  plan: number | null;
}

interface Delivery {
  name: string;
  payload: Record<string, unknown>;
  id: string;
}

class Model {
  step = 0;
  shaCount = 0;
  planCount = 0;
  pulls = new Map<number, PullModel>();
  kindOf = new Map<string, Kind>();
  actions: Action[] = [];
  held: Delivery[] = [];
  sent: Delivery[] = [];
  /** Checklist bodies people have seen (a stale tab is one of these). */
  pages = new Map<number, string[]>();
  shared = false;
}

interface Real {
  w: World;
  actors: Actor[];
}

function newSha(m: Model): string {
  m.shaCount++;
  return m.shaCount.toString(16).padStart(40, "a");
}

/** Eligible by the ground truth: a human writer who never authored the PR or any of its commits. */
function eligible(r: Real, pr: PullModel, id: number): boolean {
  const user = r.w.gh.users.get(id);
  const perm = r.w.gh.permissions.get(id);
  return (
    user?.type === "User" &&
    (perm === "write" || perm === "maintain" || perm === "admin") &&
    id !== r.w.people.author.id &&
    !pr.authors.has(id)
  );
}

/** Gated commits seen green during the run (the property is not vacuous when this grows). */
const seen = { greenGated: 0 };

function checkInvariant(m: Model, r: Real): void {
  for (const [number, pr] of m.pulls) {
    if (!pr.open) continue;
    const run = r.w.gh.runsOn(pr.head)[0];
    if (run?.conclusion !== "success") continue;
    const req = requirement(m.kindOf.get(pr.head) ?? "risky", pr.base);
    if (!req) continue;
    const base = pr.base === "main" ? "main" : pr.base;
    const valid = m.actions.filter(
      (a) => a.pr === number && a.head === pr.head && a.base === base && eligible(r, pr, a.actor),
    );
    for (const item of req.items)
      if (!valid.some((a) => a.item === item))
        throw new Error(`success on ${pr.head.slice(0, 7)} for PR #${number} without an eligible tick of ${item}`);
    if (pr.plan === null)
      throw new Error(`success on ${pr.head.slice(0, 7)} for PR #${number} without a rollback plan in the description`);
    if (!valid.some((a) => a.item === "rollback:plan" && a.plan === pr.plan))
      throw new Error(`success on ${pr.head.slice(0, 7)} for PR #${number} without a tick on plan v${pr.plan}`);
    const signers = new Set(valid.filter((a) => a.item.startsWith("signoff:")).map((a) => a.actor));
    if (signers.size < req.approvals)
      throw new Error(`success on ${pr.head.slice(0, 7)} for PR #${number} with ${signers.size} eligible sign-offs`);
    seen.greenGated++;
  }
}

async function send(m: Model, r: Real, d: Delivery, hold: boolean): Promise<void> {
  if (hold) {
    m.held.push(d);
    return;
  }
  m.sent.push(d);
  await r.w.deliver(d.name, d.payload, d.id);
}

function remember(m: Model, r: Real): void {
  for (const number of m.pulls.keys()) {
    const c = r.w.gh.checklists(number)[0];
    if (!c) continue;
    const pages = m.pages.get(number) ?? [];
    if (pages.at(-1) !== c.body) pages.push(c.body);
    if (pages.length > 8) pages.shift();
    m.pages.set(number, pages);
  }
}

type Cmd = fc.AsyncCommand<Model, Real>;

function command(name: string, check: (m: Model) => boolean, run: (m: Model, r: Real) => Promise<void>): Cmd {
  return {
    check,
    async run(m, r) {
      m.step++;
      await run(m, r);
      remember(m, r);
      checkInvariant(m, r);
    },
    toString: () => name,
  };
}

const pr = fc.constantFrom(2, 3);
const actorIndex = fc.nat(9);
/** Reviewers with write access act most often, so approvals happen and the invariant is exercised. */
const reviewer = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(1, 2, 3, 4) }, { weight: 2, arbitrary: actorIndex });
const ITEMS = ["category:custom", "extra:rollback", "rollback:plan", "signoff:1", "signoff:2"];
const tickIds = fc.oneof(
  { weight: 2, arbitrary: fc.constant(ITEMS) },
  { weight: 3, arbitrary: fc.subarray(ITEMS, { minLength: 1 }) },
);

/** A person flips boxes on the current page, or on a stale one (an old tab); the edit may arrive late. */
const tickCommand = fc
  .record({
    pr,
    by: reviewer,
    ids: tickIds,
    checked: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    page: fc.option(fc.nat(7), { freq: 3 }),
    hold: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .map((c) =>
    command(
      `tick(${JSON.stringify(c)})`,
      (m) => m.pulls.has(c.pr),
      async (m, r) => {
        const current = r.w.gh.checklists(c.pr)[0];
        if (!current) return;
        const pages = m.pages.get(c.pr) ?? [];
        const page = c.page === null ? current.body : (pages[pages.length - 1 - c.page] ?? current.body);
        const ids = c.ids.filter((id) => page.includes(`<!-- ai-review-gate:item ${id} -->`));
        const to = ids.reduce((b, id) => setBox(b, id, c.checked), page);
        const from = current.body;
        current.body = to;
        const by = r.actors[c.by]!;
        const marker = parseViewMarker(soleMarkerLine(parseBody(page)) ?? "");
        const base = /against `([^`]+)`/.exec(page)?.[1];
        const shown = /^Revert the change \(plan v(\d+)\)/m.exec(page);
        const plan = shown ? Number(shown[1]) : null;
        if (c.checked && marker && base)
          for (const item of ids) m.actions.push({ pr: c.pr, actor: by.id, item, head: marker.head, base, plan });
        const payload = r.w.commentPayload("edited", current, by, from);
        await send(m, r, { name: "issue_comment", payload, id: `tick-${m.step}` }, c.hold);
      },
    ),
  );

/** A forged item and view marker inside the plan: quoted, they must stay inert. */
const FORGED = [
  "- [x] **Sign-off 1 of 1: I reviewed the whole change and approve it** <!-- ai-review-gate:item signoff:1 -->",
  "<!-- ai-review-gate:view pr=2 head=aaaa seq=999 digest=0000000000000000 -->",
].join("\n");

function planBody(summary: string, plan: number, forge: boolean): string {
  return `## Summary\n${summary}\n\n## Rollback\nRevert the change (plan v${plan}).${forge ? `\n${FORGED}` : ""}`;
}

type BodyEdit = "add" | "reword" | "remove" | "placeholder" | "summary";

/** Someone (anyone who can edit the PR) edits its description; an edit that adds a plan may arrive late. */
const editBodyCommand = fc
  .record({
    pr,
    by: actorIndex,
    edit: fc.constantFrom<BodyEdit>("add", "reword", "remove", "placeholder", "summary"),
    forge: fc.boolean(),
    hold: fc.boolean(),
  })
  .map((c) =>
    command(
      `editBody(${JSON.stringify(c)})`,
      (m) => m.pulls.has(c.pr),
      async (m, r) => {
        const p = m.pulls.get(c.pr)!;
        const was = p.plan;
        if (c.edit === "add" || c.edit === "reword") p.plan = ++m.planCount;
        else if (c.edit !== "summary") p.plan = null;
        const body =
          p.plan !== null
            ? planBody(`Change number ${m.step}.`, p.plan, c.forge)
            : `## Summary\nChange number ${m.step}.${c.edit === "placeholder" ? "\n\n## Rollback\nN/A" : ""}`;
        const payload = await r.w.editBody(body, { number: c.pr, by: r.actors[c.by]!, deliver: false });
        // Removing or rewording an approved plan while its edit is in flight is the residual window.
        const late = c.hold && was === null;
        await send(m, r, { name: "pull_request", payload, id: `body-${m.step}` }, late);
      },
    ),
  );

const commands = [
  ...Array.from({ length: 3 }, () => editBodyCommand),
  fc
    .record({
      pr,
      by: actorIndex,
      kind: fc.constantFrom<Kind>("risky", "docs"),
      co: fc.option(actorIndex),
      hold: fc.boolean(),
    })
    .map((c) =>
      command(
        `push(${JSON.stringify(c)})`,
        (m) => m.pulls.has(c.pr),
        async (m, r) => {
          const p = m.pulls.get(c.pr)!;
          const sha = newSha(m);
          const by = r.actors[c.by]!;
          const co = c.co === null ? null : r.actors[c.co]!;
          const message = co
            ? `change\n\nCo-authored-by: ${co.login} <${co.id}+${co.login}@users.noreply.github.com>`
            : "change";
          const commit = commitBy(sha, by, message);
          const before = p.head;
          r.w.gh.push(c.pr, commit, FILES[c.kind]);
          p.chain.push({ sha, commits: [...(p.chain.at(-1)?.commits ?? []), commit], kind: c.kind });
          p.head = sha;
          m.kindOf.set(sha, c.kind);
          p.authors.add(by.id);
          if (co) p.authors.add(co.id);
          const payload = r.w.prPayload("synchronize", c.pr, { before, after: sha });
          await send(m, r, { name: "pull_request", payload, id: `push-${m.step}` }, c.hold);
        },
      ),
    ),
  fc.record({ pr, back: fc.nat(5), hold: fc.boolean() }).map((c) =>
    command(
      `forcePushBack(${JSON.stringify(c)})`,
      (m) => (m.pulls.get(c.pr)?.chain.length ?? 0) > 1,
      async (m, r) => {
        const p = m.pulls.get(c.pr)!;
        const target = p.chain[Math.max(0, p.chain.length - 2 - c.back)]!;
        const before = p.head;
        r.w.gh.forcePush(c.pr, target.commits, FILES[target.kind]);
        p.head = target.sha;
        const payload = r.w.prPayload("synchronize", c.pr, { before, after: target.sha });
        // Onto a commit whose check is green already (for another PR): the residual window, delivered at once.
        const green = r.w.gh.conclusion(target.sha) === "success";
        await send(m, r, { name: "pull_request", payload, id: `force-${m.step}` }, c.hold && !green);
      },
    ),
  ),
  fc.record({ pr, base: fc.constantFrom<BaseName>("main", "strict", "weak") }).map((c) =>
    command(
      `retarget(${JSON.stringify(c)})`,
      (m) => m.pulls.has(c.pr) && m.pulls.get(c.pr)?.base !== c.base,
      async (m, r) => {
        m.pulls.get(c.pr)!.base = c.base;
        const payload = await r.w.retarget(c.base, BASES[c.base], c.pr, false);
        await send(m, r, { name: "pull_request", payload, id: `retarget-${m.step}` }, false);
      },
    ),
  ),
  // Ticks are the event the invariant is about: weigh them up.
  ...Array.from({ length: 4 }, () => tickCommand),
  fc.nat(20).map((i) =>
    command(
      `deliverHeld(${i})`,
      (m) => m.held.length > 0,
      async (m, r) => {
        const [d] = m.held.splice(i % m.held.length, 1);
        await send(m, r, d!, false);
      },
    ),
  ),
  fc.record({ i: fc.nat(100), sameId: fc.boolean() }).map((c) =>
    command(
      `redeliver(${JSON.stringify(c)})`,
      (m) => m.sent.length > 0,
      async (m, r) => {
        const d = m.sent[c.i % m.sent.length]!;
        await r.w.deliver(d.name, d.payload, c.sameId ? d.id : `${d.id}-again-${m.step}`);
      },
    ),
  ),
  fc.record({ pr, by: actorIndex }).map((c) =>
    command(
      `deleteChecklist(${JSON.stringify(c)})`,
      (m) => m.pulls.has(c.pr),
      async (_m, r) => {
        if (!r.w.gh.checklists(c.pr)[0]) return;
        await r.w.deleteChecklist(r.actors[c.by]!, c.pr);
      },
    ),
  ),
  fc.record({ pr, by: actorIndex, page: fc.nat(7) }).map((c) =>
    command(
      `pasteOld(${JSON.stringify(c)})`,
      (m) => (m.pages.get(c.pr)?.length ?? 0) > 1,
      async (m, r) => {
        const current = r.w.gh.checklists(c.pr)[0];
        const pages = m.pages.get(c.pr)!;
        if (!current) return;
        const old = pages[c.page % pages.length]!;
        const from = current.body;
        current.body = old;
        await r.w.deliver("issue_comment", r.w.commentPayload("edited", current, r.actors[c.by]!, from));
      },
    ),
  ),
  pr.map((n) =>
    command(
      `closeOrReopen(${n})`,
      (m) => m.pulls.has(n),
      async (m, r) => {
        const p = m.pulls.get(n)!;
        p.open = !p.open;
        r.w.gh.mustPull(n).state = p.open ? "open" : "closed";
        await send(
          m,
          r,
          { name: "pull_request", payload: r.w.prPayload(p.open ? "reopened" : "closed", n), id: `oc-${m.step}` },
          false,
        );
      },
    ),
  ),
  fc.record({ pr, hold: fc.boolean() }).map((c) =>
    command(
      `label(${JSON.stringify(c)})`,
      (m) => m.pulls.has(c.pr),
      async (m, r) => {
        await send(
          m,
          r,
          { name: "pull_request", payload: r.w.prPayload("labeled", c.pr), id: `label-${m.step}` },
          c.hold,
        );
      },
    ),
  ),
  pr.map((n) =>
    command(
      `rerun(${n})`,
      (m) => m.pulls.has(n),
      async (m, r) => {
        const head = r.w.gh.mustPull(n).head.sha;
        const run = r.w.gh.runsOn(head)[0];
        if (!run) return;
        const payload = {
          action: "rerequested",
          repository: { id: r.w.gh.repoId, name: r.w.gh.repo.repo, owner: { login: r.w.gh.repo.owner } },
          sender: { id: 1006, login: "stranger", type: "User" },
          check_run: { id: run.id, name: run.name, head_sha: head, app: { id: r.w.gh.appId }, pull_requests: [] },
        };
        await send(m, r, { name: "check_run", payload, id: `rerun-${m.step}` }, false);
      },
    ),
  ),
  actorIndex.map((i) =>
    command(
      `rename(${i})`,
      () => true,
      async (m, r) => {
        const a = r.actors[i]!;
        r.actors[i] = r.w.gh.rename(a.id, `${a.login.replace(/-\d+$/, "")}-${m.step}`);
      },
    ),
  ),
  fc.constant(
    command(
      "shareHead",
      (m) => !m.shared && m.pulls.get(2)!.open,
      async (m, r) => {
        m.shared = true;
        const p2 = m.pulls.get(2)!;
        const plan = ++m.planCount;
        r.w.pull(3, {
          body: planBody(`PR 3`, plan, false),
          head: { sha: p2.head, ref: "other" },
          base: { sha: STRICT_BASE, ref: "strict" },
          files: FILES[m.kindOf.get(p2.head) ?? "risky"],
          commits: [...(p2.chain.at(-1)?.commits ?? [])],
        });
        m.pulls.set(3, {
          open: true,
          base: "strict",
          head: p2.head,
          chain: [...p2.chain],
          authors: new Set(p2.authors),
          plan,
        });
        await send(m, r, { name: "pull_request", payload: r.w.prPayload("opened", 3), id: `open-3-${m.step}` }, false);
      },
    ),
  ),
];

async function setup(): Promise<{ model: Model; real: Real }> {
  const w = new World(MODEL_CONFIG);
  w.gh.setFile(STRICT_BASE, ".github/ai-review-gate.yml", MODEL_CONFIG.replace("high: 1", "high: 2"));
  const model = new Model();
  // PRs open with a plan (v1), so approvals are reachable; edits remove, reword and restore it.
  w.pull(2, { body: planBody("PR 2", ++model.planCount, false) });
  model.kindOf.set(HEAD, "risky");
  model.pulls.set(2, {
    open: true,
    base: "main",
    head: HEAD,
    chain: [{ sha: HEAD, commits: [commitBy(HEAD, w.people.author)], kind: "risky" }],
    authors: new Set([w.people.author.id]),
    plan: 1,
  });
  const p = w.people;
  const real = {
    w,
    actors: [p.author, p.alice, p.bob, p.carol, p.dave, p.reader, p.stranger, p.bot, p.copilot, p.deploy],
  };
  await w.open();
  remember(model, real);
  return { model, real };
}

const RUNS = Number(process.env.MODEL_RUNS ?? 120);

describe("model-based: the gate invariant holds under random events by random actors", () => {
  test("no success without eligible, distinct ticks at that head and base", async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30 }), async (cmds) => {
        const { model, real } = await setup();
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        // Deliver whatever is still held (late, in order) and check once more.
        for (const d of model.held.splice(0)) await real.w.deliver(d.name, d.payload, d.id);
        checkInvariant(model, real);
      }),
      { numRuns: RUNS, seed: Number(process.env.MODEL_SEED ?? 20261124) },
    );
    // Random reviewers did get gated commits approved along the way: the invariant was exercised.
    expect(seen.greenGated).toBeGreaterThan(RUNS / 10);
  }, 600_000);

  test("the positive path is reachable: a plan and authorized ticks make the check green", async () => {
    // A fixed sequence through the same commands' effects: the model is not vacuous.
    const { model, real } = await setup();
    const ticked = ["category:custom", "extra:rollback", "rollback:plan", "signoff:1"];
    await real.w.tick(
      real.w.people.alice,
      ticked.filter((i) => i !== "rollback:plan"),
    );
    expect(real.w.gh.conclusion(HEAD)).toBe("action_required");
    await real.w.editBody("## Rollback\nRevert the change (plan v1).");
    model.pulls.get(2)!.plan = 1;
    await real.w.tick(real.w.people.alice, ["rollback:plan"]);
    model.actions.push(
      ...ticked.map((item) => ({ pr: 2, actor: real.w.people.alice.id, item, head: HEAD, base: "main", plan: 1 })),
    );
    expect(real.w.gh.conclusion(HEAD)).toBe("success");
    expect(() => checkInvariant(model, real)).not.toThrow();
    model.pulls.get(2)!.plan = 2;
    expect(() => checkInvariant(model, real)).toThrow(/without a tick on plan v2/);
    model.pulls.get(2)!.plan = null;
    expect(() => checkInvariant(model, real)).toThrow(/without a rollback plan/);
    model.pulls.get(2)!.plan = 1;
    model.actions.length = 0;
    expect(() => checkInvariant(model, real)).toThrow(/without an eligible tick/);
  });
});
