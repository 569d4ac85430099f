import { z } from "zod";
import { isOwnChecklist, recreateChecklist } from "../flows.js";
import { commitKey, markerHead, pullKey } from "../load.js";
import { actor, defineHandler, repository } from "./table.js";

/** A deleted checklist is recreated from the record, which lives in the check run and is untouched. */
export const commentDeletedHandler = defineHandler({
  events: ["issue_comment.deleted"],
  schema: z.object({
    repository,
    sender: actor,
    issue: z.object({ number: z.number(), state: z.string().optional(), pull_request: z.unknown().optional() }),
    comment: z.object({ id: z.number(), body: z.string(), user: actor.nullable() }),
  }),
  keys: (p, repoId) => {
    const head = markerHead(p.comment.body, p.issue.number);
    return [pullKey(repoId, p.issue.number), ...(head ? [commitKey(repoId, head)] : [])];
  },
  run: async (ctx, p) => {
    if (p.issue.pull_request === undefined || !isOwnChecklist(ctx, p.comment)) return "done";
    return recreateChecklist(ctx, {
      pr: p.issue.number,
      prOpen: p.issue.state !== "closed",
      sender: p.sender,
      comment: { id: p.comment.id, body: p.comment.body },
    });
  },
});
