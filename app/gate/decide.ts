import type { Actor, CheckRunBody, CheckRunRecord } from "../../src/github/port.js";
import { commitCheck } from "./check-run.js";
import { AUDIT_MARKER, inlineText, renderComment } from "./checklist-comment.js";
import type { SenderFacts } from "./eligibility.js";
import { type EvaluationFacts, evaluateState } from "./evaluate.js";
import { appendAudit, decisionKey, type GateState, progress } from "./state.js";
import { applyEdit, readEdit } from "./ticks.js";

/**
 * decide(snapshot, record in force, event) → what to write: the pure core of the App. The loader
 * gathers every fact first (snapshot), the publisher performs the writes in order (check runs first,
 * so a failure after them leaves the gate blocking, never green).
 */

/** This App's runs on one commit (newest first) and the record they hold. */
export interface RunSet {
  runs: CheckRunRecord[];
  entries: GateState[];
}

export interface Snapshot {
  at: string;
  runs: ReadonlyMap<string, RunSet>;
  /** Open PRs whose head is a commit, for the commits the loader listed. */
  openPulls: ReadonlyMap<string, readonly number[]>;
  evaluation?: EvaluationFacts;
  sender?: SenderFacts;
  /** Link to the checklist comment, for the check's summary. */
  commentUrl: string | null;
}

export type GateEvent =
  /**
   * `view`: the App's checklist comment, found with no record behind it (an earlier delivery posted it and
   * stopped before its run was written): it is rendered into, not posted a second time.
   */
  | { kind: "evaluate"; notes?: string[]; view?: number }
  | { kind: "edit"; sender: Actor; commentId: number; from: string; to: string; closed: boolean }
  | { kind: "comment-deleted"; sender: Actor; commentId: number }
  | { kind: "closed"; merged: boolean; mergedBy: Actor | null; head: string; base: string; mergeCommit: string | null };

export interface CheckWrite {
  sha: string;
  /** Our newest run on the commit, updated in place; a new run when absent. */
  runId?: number;
  body: CheckRunBody;
}

export interface CommentWrite {
  /** The comment to update; absent: create one. */
  id?: number;
  body: string;
}

export interface Decision {
  /** The record to hold from now on (null: nothing recorded for this PR). */
  state: GateState | null;
  checkRuns: CheckWrite[];
  comment: CommentWrite | null;
  /** A one-off comment (the merged-while-unsatisfied audit). */
  notice: string | null;
  /** Log lines. */
  notes: string[];
}

const nothing = (state: GateState | null, notes: string[] = []): Decision => ({
  state,
  checkRuns: [],
  comment: null,
  notice: null,
  notes,
});

function replaceEntry(entries: readonly GateState[], state: GateState): GateState[] {
  return [...entries.filter((e) => e.pr !== state.pr), state].sort((a, b) => a.pr - b.pr);
}

function sameBody(run: CheckRunRecord | undefined, body: CheckRunBody): boolean {
  return (
    !!run &&
    run.status === "completed" &&
    run.conclusion === body.conclusion &&
    run.title === body.title &&
    run.summary === body.summary &&
    run.text === (body.text ?? "")
  );
}

/** The write that puts `state` into the check run of `sha` (null when the run already says exactly that). */
export function commitWrite(
  snapshot: Pick<Snapshot, "runs" | "openPulls" | "commentUrl">,
  sha: string,
  state: GateState,
  failure?: string,
): CheckWrite | null {
  const set = snapshot.runs.get(sha);
  const body = commitCheck({
    sha,
    entries: replaceEntry(set?.entries ?? [], state),
    openPulls: snapshot.openPulls.get(sha) ?? null,
    ...(failure ? { failure } : {}),
  });
  const newest = set?.runs[0];
  if (!failure && sameBody(newest, body)) return null;
  // "Details" on the check opens the checklist (kept by GitHub when a later write does not say).
  if (snapshot.commentUrl) body.detailsUrl = snapshot.commentUrl;
  return { sha, ...(newest ? { runId: newest.id } : {}), body };
}

function viewWrite(state: GateState): CommentWrite {
  return { ...(state.commentId !== null ? { id: state.commentId } : {}), body: renderComment(state) };
}

function evaluate(snapshot: Snapshot, anchored: GateState | null, event: { notes?: string[]; view?: number }) {
  const facts = snapshot.evaluation;
  if (!facts) throw new Error("decide: an evaluation needs the evaluation facts");
  const evaluated = evaluateState({
    facts,
    previous: anchored,
    at: snapshot.at,
    ...(event.notes ? { notes: event.notes } : {}),
  });
  const state =
    evaluated.commentId === null && event.view !== undefined ? { ...evaluated, commentId: event.view } : evaluated;
  const checkRuns: CheckWrite[] = [];
  const head = commitWrite(snapshot, state.head, state);
  if (head) checkRuns.push(head);
  if (anchored && anchored.head !== state.head && anchored.next === null) {
    // The commit this PR left: its record now points here, and its check no longer vouches for it.
    const left = commitWrite(snapshot, anchored.head, { ...anchored, next: state.head });
    if (left) checkRuns.push(left);
  }
  const changed = !anchored || JSON.stringify(anchored) !== JSON.stringify(state);
  const wantsView = state.required || state.error !== null || state.commentId !== null;
  // A run that had to be rewritten although the record did not change means an earlier publish stopped
  // halfway: restore the view too.
  const comment = wantsView && (changed || head !== null || state.commentId === null) ? viewWrite(state) : null;
  return { state, checkRuns, comment, notice: null, notes: [] };
}

function edit(snapshot: Snapshot, anchored: GateState, event: Extract<GateEvent, { kind: "edit" }>): Decision {
  if (anchored.commentId !== null && event.commentId !== anchored.commentId)
    return {
      ...nothing(anchored, [`edit of an outdated checklist comment ${event.commentId}`]),
      comment: {
        id: event.commentId,
        body: `${renderComment(anchored).split("\n")[0]}\n\nThis checklist is outdated and counts for nothing; the current one is further down.`,
      },
    };
  const reading = readEdit(anchored, event.from, event.to);
  const state = applyEdit({
    state: { ...anchored, commentId: event.commentId },
    sender: event.sender,
    reading,
    facts: snapshot.sender ?? { permission: null, teams: {}, profile: null },
    at: snapshot.at,
    closed: event.closed,
  });
  const head = commitWrite(snapshot, state.head, state);
  return { state, checkRuns: head ? [head] : [], comment: viewWrite(state), notice: null, notes: state.notes };
}

function recreate(snapshot: Snapshot, anchored: GateState, event: Extract<GateEvent, { kind: "comment-deleted" }>) {
  if (anchored.commentId !== null && anchored.commentId !== event.commentId) return nothing(anchored);
  if (anchored.status !== "open" || anchored.next !== null) return nothing(anchored);
  const state: GateState = {
    ...structuredClone(anchored),
    commentId: null,
    notes: [
      `The checklist comment was deleted by @${event.sender.login}; it was recreated from the gate's record (kept in the App's check run), with every tick as it was.`,
    ],
  };
  appendAudit(state, [
    {
      at: snapshot.at,
      head: state.head,
      kind: "recreated",
      by: { id: event.sender.id, login: event.sender.login },
      note: "checklist comment deleted",
    },
  ]);
  const head = commitWrite(snapshot, state.head, state);
  return { state, checkRuns: head ? [head] : [], comment: viewWrite(state), notice: null, notes: [] };
}

function mergeAudit(anchored: GateState, event: Extract<GateEvent, { kind: "closed" }>): string | null {
  const p = progress(anchored);
  const sameTarget = anchored.head === event.head && anchored.base.ref === event.base;
  if (sameTarget && p.satisfied) return null;
  const by = event.mergedBy ? `@${event.mergedBy.login}` : "someone";
  const why = !sameTarget
    ? `at \`${event.head.slice(0, 7)}\` into \`${inlineText(event.base, 100)}\`, which the gate last evaluated at \`${anchored.head.slice(0, 7)}\` into \`${inlineText(anchored.base.ref, 100)}\``
    : `at \`${event.head.slice(0, 7)}\` while the gate was not satisfied`;
  const missing = sameTarget ? p.missingItems.map((i) => `- ${inlineText(i.text, 200)}`) : [];
  return [
    AUDIT_MARKER,
    "### ⚠️ Merged without a satisfied AI Review Gate",
    "",
    `${by} merged this PR ${why}${event.mergeCommit ? ` (merge commit \`${event.mergeCommit.slice(0, 7)}\`)` : ""}.`,
    ...(missing.length > 0 ? ["", "Unticked items:", ...missing] : []),
    ...(p.moreApprovers > 0 && sameTarget ? ["", `Sign-offs missing: ${p.moreApprovers}.`] : []),
    ...(p.rollbackMissing && sameTarget
      ? ["", `The description had no "${inlineText(anchored.rollback!.heading, 80)}" section with a rollback plan.`]
      : []),
    "",
    "Branch protection was bypassed, does not require the check, or the merge raced a change the App had not yet seen; see docs/app.md (protect).",
  ].join("\n");
}

function closed(snapshot: Snapshot, anchored: GateState, event: Extract<GateEvent, { kind: "closed" }>): Decision {
  const status = event.merged ? "merged" : "closed";
  const state: GateState = { ...anchored, status, seq: anchored.status === status ? anchored.seq : anchored.seq + 1 };
  // A merged PR's verdict stands on its commit as it was; a closed one stops counting there.
  const write =
    event.merged || decisionKey(state) === decisionKey(anchored) ? null : commitWrite(snapshot, state.head, state);
  return {
    state,
    checkRuns: write ? [write] : [],
    comment: null,
    notice: event.merged ? mergeAudit(anchored, event) : null,
    notes: [],
  };
}

export function decide(snapshot: Snapshot, anchored: GateState | null, event: GateEvent): Decision {
  switch (event.kind) {
    case "evaluate":
      return evaluate(snapshot, anchored, event);
    case "edit":
      if (!anchored) throw new Error("decide: an edit needs the record in force");
      return edit(snapshot, anchored, event);
    case "comment-deleted":
      return anchored ? recreate(snapshot, anchored, event) : nothing(null);
    case "closed":
      return anchored ? closed(snapshot, anchored, event) : nothing(null);
  }
}

/** After the view was created: the record learns its comment id (one more write of the head's run). */
export function recordComment(
  snapshot: Pick<Snapshot, "runs" | "openPulls" | "commentUrl">,
  state: GateState,
  commentId: number,
): { state: GateState; write: CheckWrite | null } {
  const next = { ...state, commentId };
  return { state: next, write: commitWrite(snapshot, next.head, next) };
}
