import { z } from "zod";
import { applyChecklistEdit, isOwnChecklist } from "../flows.js";
import { commitKey, markerHead, pullKey } from "../load.js";
import { actor, defineHandler, repository } from "./table.js";

/**
 * A checklist edit. Only this App's checklist on a pull request counts, only edits by someone other
 * than the App, and only when GitHub says what the body was before (`changes.body.from`).
 */
export const checklistEditedHandler = defineHandler({
  events: ["issue_comment.edited"],
  schema: z.object({
    repository,
    sender: actor,
    changes: z.object({ body: z.object({ from: z.string() }).optional() }).optional(),
    issue: z.object({ number: z.number(), state: z.string().optional(), pull_request: z.unknown().optional() }),
    comment: z.object({ id: z.number(), body: z.string(), html_url: z.string().optional(), user: actor.nullable() }),
  }),
  keys: (p, repoId) => {
    const head = p.changes?.body ? markerHead(p.changes.body.from, p.issue.number) : null;
    return [pullKey(repoId, p.issue.number), ...(head ? [commitKey(repoId, head)] : [])];
  },
  run: async (ctx, p) => {
    const from = p.changes?.body?.from;
    if (p.issue.pull_request === undefined || from === undefined || from === p.comment.body) return "done";
    // Our own re-render echoes back as an edit; a look-alike by anyone else is just a comment.
    if (p.sender.login === ctx.botLogin || !isOwnChecklist(ctx, { user: p.comment.user, body: from })) return "done";
    return applyChecklistEdit(ctx, {
      pr: p.issue.number,
      prClosed: p.issue.state === "closed",
      sender: p.sender,
      comment: { id: p.comment.id, htmlUrl: p.comment.html_url ?? "" },
      from,
      to: p.comment.body,
    });
  },
});
