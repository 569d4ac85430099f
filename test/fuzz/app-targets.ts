import fc from "fast-check";
import { Probot, ProbotOctokit } from "probot";
import { parseBody, renderComment, sameItems, soleMarkerLine } from "../../app/gate/checklist-comment.js";
import { viewMarker } from "../../app/gate/record.js";
import type { GateState } from "../../app/gate/state.js";
import { readEdit } from "../../app/gate/ticks.js";
import { createApp } from "../../app/index.js";
import { evaluated, H1 } from "../app/builders.js";
import {
  checkRunRerequested,
  commentEditedEvent,
  humanDelete,
  itemIds,
  pullRequestEvent,
  setBox,
} from "../e2e/support/payloads.js";
import { addRiskyAgentPull, PEOPLE, setUpRepo } from "../e2e/support/scenario.js";
import { FakeGitHub, type FakeUser } from "../support/fake-github.js";

/**
 * Fuzz targets for the App's surfaces, used by the seeded run in app.fuzz.test.ts and by
 * `npm run fuzz` (10,000+ cases each):
 * - the checklist comment parser on arbitrary and adversarial Markdown: it never throws, a look-alike
 *   tick never parses as a tick, and no body but the exact view of the record in force (forged,
 *   replayed, re-marked) counts as the view an edit may be made on;
 * - the webhook handlers on mutated payloads delivered through `probot.receive` against the stateful
 *   fake: no unhandled rejection, and no check run ever turns green for a PR that no authorized human
 *   ticked (every sender in this target is unauthorized: the agent, its requester, bots, read-only or
 *   unknown users).
 */

type Target = { name: string; run: (params: fc.Parameters<unknown>) => Promise<void> | void };

// ------------------------------------------------------------------ the parser

const GENUINE_STATE: GateState = evaluated({
  reportSpec: {
    approvals: 2,
    findings: [{ category: "migration-destructive", file: "a.sql" }],
    extras: [{ id: "dba", text: "A DBA reviewed it" }],
  },
});
const GENUINE = renderComment(GENUINE_STATE);
const GENUINE_MARKER = viewMarker(GENUINE_STATE);
const IDS = itemIds(GENUINE);

/** Ways to make an unticked box look ticked without being the canonical `- [x] ` at column 0. */
const LOOKALIKE_TICKS = [
  "- [х]", // Cyrillic small ha
  "- [Х]", // Cyrillic capital ha
  "- [ｘ]", // full-width x
  "- ［x］", // full-width brackets
  "- [x\u200b]", // zero-width space
  "- [\u200bx]",
  "-\u200b[x]",
  "\u200b- [x]",
  "-\u00a0[x]", // no-break space
  "– [x]", // en dash
  "* [x]",
  "+ [x]",
  "  - [x]",
  "> - [x]",
  "1. [x]",
  "- [✓]",
  "- [✔]",
  "- [×]",
  "- [x ]",
  "- [ x]",
  "-  [x]",
  "- [[x]]",
  "\t- [x]",
];

const WRAPPERS: Array<(line: string) => string> = [
  (l) => ["```", l, "```"].join("\n"),
  (l) => ["~~~md", l, "~~~"].join("\n"),
  (l) => ["<!--", l, "-->"].join("\n"),
  (l) => `<!-- ${l}`,
  (l) => ["<details>", "", l, "</details>"].join("\n"),
  (l) => `- parent\n  ${l}`,
  (l) => `> ${l}`,
];

/** Rewrite the view marker: another sequence, digest, head or PR; a duplicate; a disguise; an old format. */
function forgeView(body: string, how: number, extra: string): string {
  const m = GENUINE_MARKER;
  const variants = [
    m.replace(/seq=\d+/, `seq=${GENUINE_STATE.seq + 1}`),
    m.replace(/digest=[0-9a-f]{16}/, "digest=0123456789abcdef"),
    m.replace(/head=[0-9a-f]+/, `head=${"2".repeat(40)}`),
    m.replace(/pr=\d+/, "pr=3"),
    `${m}\n${m}`,
    m.replace("ai-review-gate", "ai-review-gаte"), // Cyrillic a in the marker
    m.replace("<!-- ", "<!--\u200b "),
    m.replace(" -->", `${extra} -->`),
    "<!-- ai-review-gate:state v1.e30.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA -->",
    GENUINE_MARKER,
    viewMarker({
      ...GENUINE_STATE,
      ticks: [{ item: "signoff:1", by: { id: 1, login: "x" }, at: "t", head: H1, base: "main" }],
    }),
    "",
  ];
  return body.replace(m, variants[how % variants.length]!);
}

export const adversarialBody = fc
  .record({
    item: fc.nat(IDS.length - 1),
    lookalike: fc.constantFrom(...LOOKALIKE_TICKS),
    wrap: fc.option(fc.nat(WRAPPERS.length - 1), { nil: undefined }),
    forge: fc.option(fc.nat(50), { nil: undefined }),
    noise: fc.string({ maxLength: 40, unit: "binary" }),
    at: fc.nat(),
  })
  .map(({ item, lookalike, wrap, forge, noise, at }) => {
    const id = IDS[item]!;
    const lines = GENUINE.split("\n");
    const i = lines.findIndex((l) => l.endsWith(`<!-- ai-review-gate:item ${id} -->`));
    let forged = lines[i]!.replace(/^- \[ \]/, lookalike);
    if (wrap !== undefined) forged = WRAPPERS[wrap]!(forged);
    lines[i] = forged;
    // Arbitrary text somewhere else (never replacing the item line under test).
    const j = at % (lines.length + 1);
    if (j !== i) lines.splice(j, 0, noise);
    let body = lines.join("\n");
    if (forge !== undefined) body = forgeView(body, forge, noise);
    return { id, body };
  });

/** Markdown-ish noise: lists, fences, comments, markers (real and forged), Unicode, long lines. */
const markdownFragment = fc.oneof(
  fc.string({ maxLength: 60, unit: "grapheme" }),
  fc.constantFrom(
    "- [ ] a",
    "- [x] b",
    "  - [x] nested",
    "```",
    "~~~",
    "<!--",
    "-->",
    "<!-- ai-review-gate:checklist -->",
    "<!-- ai-review-gate:state v1.e30.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA -->",
    GENUINE_MARKER,
    "- [x] **x** <!-- ai-review-gate:item category:secrets -->",
    "- [x] **x** <!-- ai-review-gate:item signoff:1 -->",
    "- [х] **x** <!-- ai-review-gate:item signoff:2 -->",
    "\r",
    "\u200b\u200c\u200d\ufeff",
    "x".repeat(5000),
  ),
  fc.constantFrom(...LOOKALIKE_TICKS).map((t) => `${t} y <!-- ai-review-gate:item extra:dba -->`),
);
const arbitraryMarkdown = fc.array(markdownFragment, { maxLength: 30 }).map((parts) => parts.join("\n"));

/** Whether an edit made on `body` would count as made on the view of the genuine record. */
function countsAsCurrentView(body: string): boolean {
  return readEdit(GENUINE_STATE, body, body).stale === null;
}

export function parserArbitraryProperty(body: string): void {
  const parsed = parseBody(body);
  for (const [, item] of parsed.items) if (item.count < 1) throw new Error("item counted < 1");
  // Only a body that shows exactly the record's items under its exact marker is a current view.
  if (
    countsAsCurrentView(body) &&
    !(sameItems(parsed, parseBody(GENUINE)) && soleMarkerLine(parsed) === GENUINE_MARKER)
  )
    throw new Error(`arbitrary markdown counted as the current view: ${JSON.stringify(body).slice(0, 200)}`);
}

export function parserAdversarialProperty({ id, body }: { id: string; body: string }): void {
  const parsed = parseBody(body);
  const item = parsed.items.get(id);
  if (item?.checked && item.count === 1)
    throw new Error(
      `look-alike tick parsed as a tick for ${id}: ${JSON.stringify(body.split("\n").find((l) => l.includes(id)))}`,
    );
  // The body under test always differs from the genuine view (a mangled line, maybe a forged marker).
  if (countsAsCurrentView(body)) throw new Error("an altered or re-marked body counted as the current view");
}

// ------------------------------------------------------------------ the webhook handlers

const UNAUTHORIZED: FakeUser[] = [
  PEOPLE.copilot,
  PEOPLE.dana,
  PEOPLE.reader,
  { login: "renovate[bot]", id: 29139614, type: "Bot" },
  { login: "alice", id: PEOPLE.alice.id, type: "Bot" }, // a bot account claiming a reviewer's login
  { login: "mallory", id: 6666, type: "User" }, // not a collaborator
  { login: "ai-review-gate[bot]", id: 900001, type: "Bot" },
];

interface World {
  fake: FakeGitHub;
  probot: Probot;
  /** PR 2: AI-authored and blocking, nobody authorized ever ticks it here. */
  genuineBody: string;
  commentId: number;
  /** PR 3: legitimately approved by alice and bob; its body is replayed into PR 2. */
  approvedBody: string;
  approvedCommentId: number;
  unhandled: unknown[];
  handlerErrors: Map<string, number>;
  dispose?: () => void;
}

let world: Promise<World> | null = null;
let casesInWorld = 0;
/**
 * Each failed evaluation leaves one more duplicate check run on the head, and every later evaluation
 * updates all of them (a finding, see docs/testing.md); a fresh world every 500 cases keeps the cost per
 * case flat so 10,000 cases stay fast.
 */
const CASES_PER_WORLD = 500;

async function buildWorld(): Promise<World> {
  const fake = new FakeGitHub({ maxRequests: Number.POSITIVE_INFINITY, validate: false });
  fake.url = "http://fake-github.test";
  setUpRepo(fake);
  addRiskyAgentPull(fake, 2, "ec26c3e57ca3a959ca5aad62de7213c562f8c821");
  addRiskyAgentPull(fake, 3, "3333333333333333333333333333333333333333");
  const Octokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({
    ...o,
    retry: { enabled: true, retries: 1, retryAfterBaseValue: 1 },
    throttle: { ...(o.throttle as object), enabled: false },
  }));
  const noop = () => {};
  const log: Record<string, unknown> = {
    level: "silent",
    trace: noop,
    debug: noop,
    info: noop,
    warn: noop,
    error: noop,
    fatal: noop,
  };
  log.child = () => log;
  const probot = new Probot({
    githubToken: "ghs_fuzz",
    baseUrl: fake.url,
    Octokit,
    log: log as never,
    request: { fetch: fake.fetch },
  });
  fake.addToken("ghs_fuzz", fake.botUser);
  await probot.load(createApp({ appId: fake.appId, appSlug: fake.appSlug }));
  await probot.receive({ id: "open-2", name: "pull_request", payload: pullRequestEvent(fake, "opened", 2) as never });
  await probot.receive({ id: "open-3", name: "pull_request", payload: pullRequestEvent(fake, "opened", 3) as never });
  const own = (n: number) => fake.commentsOn(n).find((c) => c.user.login === fake.botUser.login)!;
  // PR 3 gets its legitimate approval: alice ticks everything and a sign-off, bob the second.
  const tickAs = async (by: FakeUser, ids: string[]) => {
    const c = own(3);
    const from = c.body;
    c.body = ids.reduce((b, id) => setBox(b, id, true), from);
    await probot.receive({
      id: `tick-${by.login}`,
      name: "issue_comment",
      payload: commentEditedEvent(fake, c, from, by) as never,
    });
  };
  await tickAs(
    PEOPLE.alice,
    itemIds(own(3).body).filter((id) => id !== "signoff:2"),
  );
  await tickAs(PEOPLE.bob, ["signoff:2"]);
  if (fake.runsFor(fake.mustPull(3).head.sha)[0]?.conclusion !== "success")
    throw new Error("fuzz world: PR 3 not approved");
  if (fake.runsFor(fake.mustPull(2).head.sha)[0]?.conclusion !== "action_required")
    throw new Error("fuzz world: PR 2 not blocking");
  const w: World = {
    fake,
    probot,
    genuineBody: own(2).body,
    commentId: own(2).id,
    approvedBody: own(3).body,
    approvedCommentId: own(3).id,
    unhandled: [],
    handlerErrors: new Map(),
  };
  const onUnhandled = (e: unknown) => w.unhandled.push(e);
  process.on("unhandledRejection", onUnhandled);
  w.dispose = () => process.off("unhandledRejection", onUnhandled);
  return w;
}

export function appWorld(): Promise<World> {
  world ??= buildWorld();
  return world;
}

type Json = Record<string, unknown>;

/** A payload-level mutation: remove a key, or put a hostile value at a path (never under `sender`). */
const jsonValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.string({ maxLength: 20 }),
  fc.constant([]),
  fc.constant({}),
  fc.constantFrom(2, 3, 999, "2", -1, 0),
);
const payloadMutation = fc.record({
  path: fc.constantFrom(
    "action",
    "changes",
    "changes.body",
    "changes.body.from",
    "comment",
    "comment.id",
    "comment.body",
    "comment.user",
    "comment.user.login",
    "comment.user.type",
    "issue",
    "issue.number",
    "issue.pull_request",
    "issue.user",
    "repository",
    "repository.id",
    "repository.name",
    "repository.owner.login",
    "installation",
    "pull_request.number",
    "pull_request.head.sha",
    "pull_request.base.sha",
    "pull_request.state",
    "pull_request.user",
    "pull_request.labels",
    "check_run.head_sha",
    "check_run.app.id",
    "check_run.name",
  ),
  value: jsonValue,
  remove: fc.boolean(),
});

function applyMutation(payload: Json, m: { path: string; value: unknown; remove: boolean }): void {
  const parts = m.path.split(".");
  let node: unknown = payload;
  for (const p of parts.slice(0, -1)) {
    if (!node || typeof node !== "object") return;
    node = (node as Json)[p];
  }
  if (!node || typeof node !== "object") return;
  const last = parts.at(-1)!;
  if (m.remove) delete (node as Json)[last];
  else (node as Json)[last] = m.value;
}

const bodyEdit = fc.oneof(
  // Canonical ticks by an unauthorized sender.
  fc
    .subarray(
      [
        "category:migration-destructive",
        "category:infra-deletion",
        "category:production-config",
        "category:missing-tests",
        "signoff:1",
        "signoff:2",
      ],
      { minLength: 1 },
    )
    .map((ids) => ({ kind: "tick" as const, ids })),
  adversarialBody.map((a) => ({ kind: "adversarial" as const, ...a })),
  fc.constant({ kind: "replay" as const }),
  arbitraryMarkdown.map((body) => ({ kind: "arbitrary" as const, body })),
);

export const mutatedDelivery = fc.record({
  event: fc.constantFrom(
    "edited",
    "edited",
    "edited",
    "edited",
    "edited",
    "edited",
    "deleted",
    "synchronize",
    "labeled",
    "rerequested",
  ),
  sender: fc.nat(UNAUTHORIZED.length - 1),
  edit: bodyEdit,
  forgeFrom: fc.boolean(),
  mutations: fc.array(payloadMutation, { maxLength: 3 }),
});

export type MutatedDelivery = typeof mutatedDelivery extends fc.Arbitrary<infer T> ? T : never;

export async function deliveryProperty(d: MutatedDelivery): Promise<void> {
  if (++casesInWorld > CASES_PER_WORLD && world) {
    const old = await world;
    old.dispose?.();
    const errors = old.handlerErrors;
    world = buildWorld().then((w) => {
      w.handlerErrors = errors;
      return w;
    });
    casesInWorld = 1;
  }
  const w = await appWorld();
  const { fake } = w;
  const sender = UNAUTHORIZED[d.sender]!;
  // Every case starts from PR 2's genuine blocking checklist.
  const pull = fake.mustPull(2);
  let c = fake.comments.get(w.commentId);
  if (!c) {
    c = {
      id: w.commentId,
      issue: 2,
      body: w.genuineBody,
      user: fake.botUser,
      created_at: "2026-11-24T10:00:00Z",
      updated_at: "2026-11-24T10:00:00Z",
    };
    fake.comments.set(c.id, c);
  }
  for (const other of fake.commentsOn(2))
    if (other.id !== w.commentId && other.user.login === fake.botUser.login) fake.comments.delete(other.id);
  c.body = w.genuineBody;

  let payload: Json;
  let name: string;
  if (d.event === "edited") {
    const from = c.body;
    const edit = d.edit;
    if (edit.kind === "tick") c.body = edit.ids.reduce((b, id) => setBox(b, id, true), from);
    // A foreign checklist with look-alike ticks and a state signed with another key.
    else if (edit.kind === "adversarial") c.body = edit.body;
    else if (edit.kind === "replay") c.body = w.approvedBody;
    else c.body = edit.body;
    payload = commentEditedEvent(fake, c, d.forgeFrom ? w.approvedBody : from, sender);
    name = "issue_comment";
  } else if (d.event === "deleted") {
    payload = humanDelete(fake, sender, w.commentId);
    name = "issue_comment";
  } else if (d.event === "rerequested") {
    const run = fake.runsFor(pull.head.sha)[0]!;
    payload = checkRunRerequested(fake, run.id, sender);
    name = "check_run";
  } else {
    payload = pullRequestEvent(fake, d.event, 2, sender);
    name = "pull_request";
  }
  for (const m of d.mutations) applyMutation(payload, m);

  try {
    await w.probot.receive({ id: `fuzz-${fake.requests.length}`, name: name as never, payload: payload as never });
  } catch (e) {
    // A delivery may fail (GitHub shows it as failed and can redeliver); count what kind of error it was.
    const errors = (e as { errors?: unknown[] }).errors ?? [e];
    for (const err of errors) {
      const status = (err as { status?: number }).status;
      const kind = status ? `HTTP ${status}` : `${(err as Error).name}: ${(err as Error).message}`.slice(0, 120);
      w.handlerErrors.set(kind, (w.handlerErrors.get(kind) ?? 0) + 1);
    }
  }
  if (w.unhandled.length > 0) throw new Error(`unhandled rejection: ${String(w.unhandled[0])}`);
  // No false green: nobody authorized ever ticked PR 2, whatever the payload claimed.
  for (const run of fake.runsFor(pull.head.sha)) {
    if (run.app.id === fake.appId && run.conclusion === "success")
      throw new Error(`false green on PR 2: ${run.output.title}`);
  }
}

export const targets: Target[] = [
  {
    name: "app/checklist-parser/arbitrary",
    run: (p) => fc.assert(fc.property(arbitraryMarkdown, parserArbitraryProperty), p as never),
  },
  {
    name: "app/checklist-parser/adversarial",
    run: (p) => fc.assert(fc.property(adversarialBody, parserAdversarialProperty), p as never),
  },
  {
    name: "app/webhooks/mutated-payloads",
    run: async (p) => {
      await fc.assert(fc.asyncProperty(mutatedDelivery, deliveryProperty), p as never);
      const w = await appWorld();
      const errors = [...w.handlerErrors.entries()].sort((a, b) => b[1] - a[1]);
      if (errors.length > 0)
        console.log(`      failed deliveries by cause: ${errors.map(([k, n]) => `${n}× ${k}`).join("; ")}`);
    },
  },
];
