import type { Actor, PullSnapshot } from "../src/github/port.js";
import { NeedLocks } from "./delivery.js";
import { commitCheck } from "./gate/check-run.js";
import { looksLikeChecklist, parseBody } from "./gate/checklist-comment.js";
import { decide, type GateEvent, type Snapshot } from "./gate/decide.js";
import { isBotAccount } from "./gate/eligibility.js";
import { type GroupMember, mergeGroupCheck } from "./gate/merge-group.js";
import type { GateState } from "./gate/state.js";
import { readEdit } from "./gate/ticks.js";
import {
  completeEvaluation,
  findChecklist,
  type GateContext,
  loadSenderFacts,
  markerHead,
  openPullsAt,
  type RunCache,
  readPullData,
  readRecord,
  requireCommitLocks,
  runsAt,
} from "./load.js";
import { failClosed, type Outcome, publish } from "./publish.js";

/**
 * One flow per kind of event: load → decide → publish. Every flow fails closed: an error after the
 * head is known turns the head's check `failure` (keeping its record) instead of leaving a green.
 */

function snapshotOf(ctx: GateContext, cache: RunCache, extra: Partial<Snapshot> = {}): Snapshot {
  return { at: ctx.now().toISOString(), runs: cache, openPulls: new Map(), commentUrl: null, ...extra };
}

/** A task that needs more locks runs again holding them; any other error fails the commit's check closed. */
function failClosedUnlessLocks(
  ctx: GateContext,
  input: { sha: string; error: unknown; what: string },
): Promise<Outcome> {
  if (input.error instanceof NeedLocks) throw input.error;
  return failClosed(ctx, input);
}

async function run(
  ctx: GateContext,
  input: { pr: number; anchored: GateState | null; snapshot: Snapshot; event: GateEvent },
): Promise<Outcome> {
  let decision = decide(input.snapshot, input.anchored, input.event);
  // Before a commit's check turns green, ask which open PRs have that head: one the App has not
  // evaluated yet (opened, reopened or retargeted a moment ago) keeps it blocking.
  const unlisted = decision.checkRuns
    .filter((w) => w.body.conclusion === "success" && !input.snapshot.openPulls.has(w.sha))
    .map((w) => w.sha);
  if (unlisted.length > 0) {
    const listed = await Promise.all(unlisted.map(async (sha) => [sha, await openPullsAt(ctx, sha)] as const));
    const snapshot = { ...input.snapshot, openPulls: new Map([...input.snapshot.openPulls, ...listed]) };
    decision = decide(snapshot, input.anchored, input.event);
    input = { ...input, snapshot };
  }
  requireCommitLocks(
    ctx,
    decision.checkRuns.map((w) => w.sha),
  );
  for (const n of decision.notes) ctx.log.info(`ai-review-gate: #${input.pr}: ${n}`);
  ctx.observe?.decided(input.pr, decision, input.snapshot.at);
  return publish(ctx, { pr: input.pr, snapshot: input.snapshot, decision, anchored: input.anchored });
}

export interface EvaluateRequest {
  pr: number;
  /** Commits that may hold the PR's record (the payload's head, a push's `before`, a view's marker). */
  hints: ReadonlyArray<string | null | undefined>;
  notes?: string[];
  /** When no hint finds a record, look for the checklist comment's marker (costs a comment listing). */
  searchComments: boolean;
}

/** Evaluate a PR from the API at its live head and base (a payload can be stale: it is only a hint). */
export async function evaluatePull(ctx: GateContext, req: EvaluateRequest): Promise<Outcome> {
  const cache: RunCache = new Map();
  // The record is read from the commits the event names while the PR itself is read (one round trip).
  const early = readRecord(ctx, cache, req.pr, req.hints).catch(() => null);
  let pull: PullSnapshot;
  try {
    pull = await ctx.port.pull({ ...ctx.repo, number: req.pr });
  } catch (e) {
    // The PR cannot be read: fail closed on the head the event named, so the reason is on the commit.
    const named = req.hints.find((h): h is string => !!h);
    if (!named) throw e;
    await early;
    requireCommitLocks(ctx, [named]);
    return failClosed(ctx, { sha: named, error: e, what: `reading PR #${req.pr}` });
  }
  if (pull.state !== "open") return "done";
  const head = pull.head.sha;
  try {
    await early;
    requireCommitLocks(ctx, [head]);
    // Then the record at the live head (cached when the event named it) alongside what the analysis needs.
    const [recorded, data, openPulls] = await Promise.all([
      readRecord(ctx, cache, req.pr, [head, ...req.hints]),
      readPullData(ctx, pull),
      openPullsAt(ctx, head),
    ]);
    let anchored = recorded;
    let commentUrl: string | null = null;
    let view: number | undefined;
    if (!anchored && req.searchComments) {
      // No record where the hints point: the checklist's marker names the commit that holds it. An
      // existing comment (this App's earlier version, or a record lost with its run) is reused.
      const comment = await findChecklist(ctx, req.pr);
      if (comment) {
        anchored = await readRecord(ctx, cache, req.pr, [markerHead(comment.body, req.pr)]);
        commentUrl = comment.htmlUrl;
        if (anchored) anchored = { ...anchored, commentId: anchored.commentId ?? comment.id };
        else view = comment.id;
      }
    }
    requireCommitLocks(ctx, [anchored?.head]);
    const evaluation = await completeEvaluation(ctx, pull, data, anchored);
    const snapshot = snapshotOf(ctx, cache, {
      evaluation,
      openPulls: new Map([[head, openPulls]]),
      commentUrl,
    });
    return await run(ctx, {
      pr: req.pr,
      anchored,
      snapshot,
      event: { kind: "evaluate", ...(req.notes ? { notes: req.notes } : {}), ...(view !== undefined ? { view } : {}) },
    });
  } catch (e) {
    return failClosedUnlessLocks(ctx, { sha: head, error: e, what: `evaluating PR #${req.pr}` });
  }
}

export interface EditRequest {
  pr: number;
  prClosed: boolean;
  sender: Actor;
  comment: { id: number; htmlUrl: string };
  from: string;
  to: string;
}

/** A checklist edit: judged against the record the edited view was rendered from. */
export async function applyChecklistEdit(ctx: GateContext, req: EditRequest): Promise<Outcome> {
  const hint = markerHead(req.from, req.pr);
  const cache: RunCache = new Map();
  // A human who flipped a box will be asked about: ask for the permission while the record is read.
  const permission =
    flipsAnyBox(req.from, req.to) && !isBotAccount(req.sender)
      ? ctx.port.permission(ctx.repo, req.sender.login)
      : undefined;
  permission?.catch(() => {});
  let anchored: GateState | null = null;
  try {
    anchored = hint ? await readRecord(ctx, cache, req.pr, [hint]) : null;
  } catch (e) {
    // The edit may have put an unauthorized tick on display: the check must not stay as if nothing happened.
    if (!hint) throw e;
    requireCommitLocks(ctx, [hint]);
    return failClosed(ctx, { sha: hint, error: e, what: `reading the gate's record for an edit on PR #${req.pr}` });
  }
  if (!anchored) {
    // The edited body names no record: it cannot count. Re-evaluate, which restores the view.
    return evaluatePull(ctx, {
      pr: req.pr,
      hints: [hint],
      searchComments: true,
      notes: [
        `@${req.sender.login}: the edit was made on a checklist the App cannot match to its record; it counts for nothing.`,
      ],
    });
  }
  try {
    requireCommitLocks(ctx, [anchored.head]);
    const reading = readEdit(anchored, req.from, req.to);
    const judged = req.prClosed || reading.stale || reading.tampered ? [] : reading.flips.map((f) => f.item);
    const sender = await loadSenderFacts(ctx, {
      sender: req.sender,
      state: anchored,
      items: judged,
      ...(permission ? { permission } : {}),
    });
    const snapshot = snapshotOf(ctx, cache, { sender, commentUrl: req.comment.htmlUrl || null });
    return await run(ctx, {
      pr: req.pr,
      anchored,
      snapshot,
      event: {
        kind: "edit",
        sender: req.sender,
        commentId: req.comment.id,
        from: req.from,
        to: req.to,
        closed: req.prClosed,
      },
    });
  } catch (e) {
    return failClosedUnlessLocks(ctx, {
      sha: anchored.head,
      error: e,
      what: `handling a checklist edit on PR #${req.pr}`,
    });
  }
}

/** The checklist comment was deleted: recreate the view from the record (the record itself is untouched). */
export async function recreateChecklist(
  ctx: GateContext,
  req: { pr: number; prOpen: boolean; sender: Actor; comment: { id: number; body: string } },
): Promise<Outcome> {
  if (!req.prOpen) return "done";
  const hint = markerHead(req.comment.body, req.pr);
  const cache: RunCache = new Map();
  const anchored = hint ? await readRecord(ctx, cache, req.pr, [hint]) : null;
  if (!anchored || anchored.next !== null)
    return evaluatePull(ctx, { pr: req.pr, hints: [hint], searchComments: false });
  try {
    requireCommitLocks(ctx, [anchored.head]);
    return await run(ctx, {
      pr: req.pr,
      anchored,
      snapshot: snapshotOf(ctx, cache),
      event: { kind: "comment-deleted", sender: req.sender, commentId: req.comment.id },
    });
  } catch (e) {
    return failClosedUnlessLocks(ctx, {
      sha: anchored.head,
      error: e,
      what: `recreating the checklist on PR #${req.pr}`,
    });
  }
}

/** Closed or merged: the PR stops counting on its head (closed), or an unsatisfied merge gets an audit note. */
export async function closePull(
  ctx: GateContext,
  req: {
    pr: number;
    merged: boolean;
    mergedBy: Actor | null;
    head: string;
    base: string;
    mergeCommit: string | null;
  },
): Promise<Outcome> {
  // A `closed` delivery can be a stale redelivery of a PR reopened since: only a PR closed now stops counting.
  const live = await ctx.port.pull({ ...ctx.repo, number: req.pr });
  if (live.state === "open") return "done";
  const cache: RunCache = new Map();
  const anchored = await readRecord(ctx, cache, req.pr, [req.head]);
  if (!anchored) return "done"; // never evaluated (installed later)
  requireCommitLocks(ctx, [anchored.head]);
  return run(ctx, {
    pr: req.pr,
    anchored,
    snapshot: snapshotOf(ctx, cache),
    event: {
      kind: "closed",
      merged: req.merged,
      mergedBy: req.mergedBy,
      head: req.head,
      base: req.base,
      mergeCommit: req.mergeCommit,
    },
  });
}

/** Rewrite a commit's check from the records it holds (no open PR has it as head any more). */
export async function refreshCommit(ctx: GateContext, sha: string): Promise<Outcome> {
  requireCommitLocks(ctx, [sha]);
  const set = await runsAt(ctx, new Map(), sha);
  // A run without records (a merge group's) is re-decided by GitHub's next merge_group event, not here.
  if (set.entries.length === 0) return "done";
  const body = commitCheck({ sha, entries: set.entries, openPulls: [] });
  await ctx.port.upsertCheckRun(ctx.repo, { sha, ...(set.runs[0] ? { id: set.runs[0].id } : {}) }, body);
  return "done";
}

/** A merge group: every PR in it (the queued one and those ahead) must be satisfied at its head and base. */
export async function checkMergeGroup(ctx: GateContext, req: { headSha: string; baseRef: string }): Promise<Outcome> {
  const branch = req.baseRef.replace(/^refs\/heads\//, "");
  let members: GroupMember[] | { error: string };
  try {
    const queue = await ctx.port.mergeQueue(ctx.repo, branch);
    const entry = queue.find((e) => e.headSha === req.headSha);
    if (!entry) members = { error: `the merge queue of ${branch} has no entry for ${req.headSha.slice(0, 7)}` };
    else {
      const cache: RunCache = new Map();
      const group = queue.filter((e) => e.position <= entry.position && e.pull !== null);
      members = await Promise.all(
        group.map(async (e): Promise<GroupMember> => {
          const pull = e.pull!;
          return { ...pull, record: await readRecord(ctx, cache, pull.number, [pull.headSha]) };
        }),
      );
    }
  } catch (e) {
    return failClosed(ctx, { sha: req.headSha, error: e, what: "reading the merge queue" });
  }
  const body = mergeGroupCheck({ baseRef: branch, members });
  const set = await runsAt(ctx, new Map(), req.headSha);
  await ctx.port.upsertCheckRun(ctx.repo, { sha: req.headSha, ...(set.runs[0] ? { id: set.runs[0].id } : {}) }, body);
  return "done";
}

/** Whether an edit changed any checkbox of an item line (cheap: no record needed). */
function flipsAnyBox(from: string, to: string): boolean {
  const before = parseBody(from).items;
  for (const [id, item] of parseBody(to).items) if (before.get(id)?.checked !== item.checked) return true;
  return false;
}

/** Whether a comment is this App's checklist (anyone else's look-alike is just a comment). */
export function isOwnChecklist(ctx: GateContext, c: { user: Actor | null; body: string }): boolean {
  return c.user?.login === ctx.botLogin && c.user.type === "Bot" && looksLikeChecklist(c.body);
}
