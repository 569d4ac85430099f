import { describeApiError } from "../src/github/errors.js";
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
  const reason = describeApiError(input.error, input.what);
  ctx.log.error(`ai-review-gate: ${reason}`);
  const known = input.snapshot?.runs.get(input.sha);
  let write: CheckWrite | null = null;
  if (input.snapshot && input.state) write = commitWrite(input.snapshot, input.sha, input.state, reason);
  else {
    let set = known;
    try {
      set ??= await readRuns(ctx, input.sha);
    } catch {
      // The API is failing already: a new run without a record still blocks, and the older run keeps its record.
    }
    const body = commitCheck({
      sha: input.sha,
      entries: set?.entries ?? [],
      openPulls: null,
      failure: reason,
    });
    write = { sha: input.sha, ...(set?.runs[0] ? { runId: set.runs[0].id } : {}), body };
  }
  if (write) await writeRun(ctx, write);
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
  try {
    for (const w of decision.checkRuns) {
      const id = await writeRun(ctx, w);
      snapshot = afterWrite(snapshot, w, id, ctx.appId);
      if (state && w.sha === state.head) persisted = state;
    }
    if (state && !decision.checkRuns.some((w) => w.sha === state.head)) persisted = state;
  } catch (e) {
    if (!head) throw e;
    return failClosed(ctx, { sha: head, error: e, what: "writing the gate's check run", snapshot, state: persisted });
  }
  try {
    if (decision.comment) {
      const target = { issue: input.pr, ...(decision.comment.id !== undefined ? { id: decision.comment.id } : {}) };
      const written = await ctx.port.upsertComment(ctx.repo, target, decision.comment.body);
      const isView = decision.comment.id === undefined || decision.comment.id === state?.commentId;
      if (state && isView && state.commentId !== written.id) {
        const recorded = recordComment(
          { ...snapshot, commentUrl: written.htmlUrl || snapshot.commentUrl },
          state,
          written.id,
        );
        persisted = recorded.state;
        if (recorded.write) await writeRun(ctx, recorded.write);
      }
    }
  } catch (e) {
    if (!head || !persisted) throw e;
    return failClosed(ctx, {
      sha: head,
      error: e,
      what: "restoring the checklist comment",
      snapshot,
      state: persisted,
    });
  }
  if (decision.notice) {
    const own = (c: { author: { login: string } | null; body: string }) =>
      c.author?.login === ctx.botLogin && looksLikeAudit(c.body);
    const existing = await ctx.port.comments(ctx.repo, input.pr, own);
    if (!existing.items.some(own)) await ctx.port.upsertComment(ctx.repo, { issue: input.pr }, decision.notice);
  }
  return "done";
}
