import { describeApiError } from "../src/github/errors.js";
import { LeaseLost, StoreUnavailable } from "./delivery.js";
import { commitCheck } from "./gate/check-run.js";
import { looksLikeAudit } from "./gate/checklist-comment.js";
import { type CheckWrite, commitWrite, type Decision, recordComment, type Snapshot } from "./gate/decide.js";
import { decodeRecord } from "./gate/record.js";
import type { GateState } from "./gate/state.js";
import { type GateContext, readRuns } from "./load.js";

/**
 * The publish stage: every write, check runs first. If a later write (the checklist view) fails, the
 * head's run is set to `failure` with the record it already holds, so a failed restore leaves the gate
 * blocking. Returns whether everything was written ("done") or the App failed closed ("retry": a
 * redelivery of the same event runs again).
 */

export type Outcome = "done" | "retry";

async function writeRun(ctx: GateContext, w: CheckWrite): Promise<number> {
  return ctx.port.upsertCheckRun(ctx.repo, { sha: w.sha, ...(w.runId !== undefined ? { id: w.runId } : {}) }, w.body);
}

/**
 * Fail closed on a commit: its newest run of ours turns `failure` and keeps the record it holds (the
 * record is never dropped); with no readable run, a new failing run is created. Throws only when even
 * that write fails (the delivery then fails and can be redelivered).
 */
export async function failClosed(
  ctx: GateContext,
  input: { sha: string; error: unknown; what: string; snapshot?: Snapshot; state?: GateState | null },
): Promise<Outcome> {
  // A task that lost its lock may write nothing more, not even this (app/fenced-port.ts).
  if (input.error instanceof LeaseLost || input.error instanceof StoreUnavailable) throw input.error;
  const reason = describeApiError(input.error, input.what);
  ctx.log.error(`ai-review-gate: ${reason}`);
  const known = input.snapshot?.runs.get(input.sha);
  let write: CheckWrite | null = null;
  try {
    if (input.snapshot && input.state?.head === input.sha)
      write = commitWrite(input.snapshot, input.sha, input.state, reason);
  } catch {
    // The new record cannot be written (it does not fit): keep the one the run holds.
  }
  if (!write) {
    let set = known;
    try {
      set ??= await readRuns(ctx, input.sha);
    } catch {
      // The API is failing already: a new run without a record still blocks, and the older run keeps its record.
    }
    try {
      const body = commitCheck({ sha: input.sha, entries: set?.entries ?? [], openPulls: null, failure: reason });
      write = { sha: input.sha, ...(set?.runs[0] ? { runId: set.runs[0].id } : {}), body };
    } catch {
      // Not even the records it holds fit any more: a new failing run blocks, the old one keeps them.
      const body = commitCheck({ sha: input.sha, entries: [], openPulls: null, failure: reason });
      write = { sha: input.sha, body };
    }
  }
  await writeRun(ctx, write);
  return "retry";
}

/** The snapshot as it is after a run was written (so a follow-up write updates that run, never a new one). */
function afterWrite(snapshot: Snapshot, w: CheckWrite, id: number, appId: number): Snapshot {
  const runs = new Map(snapshot.runs);
  const before = runs.get(w.sha)?.runs.filter((r) => r.id !== id) ?? [];
  const text = w.body.text ?? "";
  runs.set(w.sha, {
    runs: [
      {
        id,
        headSha: w.sha,
        name: w.body.name,
        appId,
        status: "completed",
        conclusion: w.body.conclusion,
        title: w.body.title,
        summary: w.body.summary,
        text,
        externalId: "",
      },
      ...before,
    ],
    entries: decodeRecord(text),
  });
  return { ...snapshot, runs };
}

export async function publish(
  ctx: GateContext,
  input: { pr: number; snapshot: Snapshot; decision: Decision; anchored: GateState | null },
): Promise<Outcome> {
  const { decision } = input;
  let snapshot = input.snapshot;
  const state = decision.state;
  // What the head's run holds: the record to keep when failing closed.
  let persisted = input.anchored;
  const head = state?.head ?? input.anchored?.head ?? null;
  // The head's run first; other commits' runs (the one the PR left) go out with the view.
  let [first, ...others] = decision.checkRuns;
  let comment = decision.comment;
  /** The state the head's run will hold once `first` is written. */
  let writing = state;
  if (state && first?.sha === state.head && first.runId === undefined && comment?.id === undefined && comment) {
    // The head has no run of ours yet, so nothing vouches for it: a new view can go first and the run
    // be created knowing the view's id (one write fewer). If the run then fails, the head still has no
    // green check, and failing closed gives it a failing one.
    try {
      const created = await ctx.port.upsertComment(ctx.repo, { issue: input.pr }, comment.body);
      const recorded = recordComment(
        { ...snapshot, commentUrl: created.htmlUrl || snapshot.commentUrl },
        state,
        created.id,
      );
      writing = recorded.state;
      first = recorded.write ?? first;
      comment = null;
    } catch (e) {
      return failClosed(ctx, { sha: state.head, error: e, what: "writing the checklist comment", snapshot });
    }
  }
  try {
    if (first) {
      const id = await writeRun(ctx, first);
      snapshot = afterWrite(snapshot, first, id, ctx.appId);
    }
    if (writing) persisted = writing;
  } catch (e) {
    if (!head) throw e;
    return failClosed(ctx, { sha: head, error: e, what: "writing the gate's check run", snapshot, state: persisted });
  }
  const writeView = async () => {
    if (!comment) return;
    const target = { issue: input.pr, ...(comment.id !== undefined ? { id: comment.id } : {}) };
    const written = await ctx.port.upsertComment(ctx.repo, target, comment.body);
    const isView = comment.id === undefined || comment.id === state?.commentId;
    if (state && isView && state.commentId !== written.id) {
      const recorded = recordComment(
        { ...snapshot, commentUrl: written.htmlUrl || snapshot.commentUrl },
        state,
        written.id,
      );
      persisted = recorded.state;
      if (recorded.write) await writeRun(ctx, recorded.write);
    }
  };
  try {
    await Promise.all([...others.map((w) => writeRun(ctx, w)), writeView()]);
  } catch (e) {
    if (!head || !persisted) throw e;
    return failClosed(ctx, { sha: head, error: e, what: "writing the checklist comment", snapshot, state: persisted });
  }
  if (decision.notice) {
    const own = (c: { author: { login: string } | null; body: string }) =>
      c.author?.login === ctx.botLogin && looksLikeAudit(c.body);
    const existing = await ctx.port.comments(ctx.repo, input.pr, own);
    if (!existing.items.some(own)) await ctx.port.upsertComment(ctx.repo, { issue: input.pr }, decision.notice);
  }
  return "done";
}
