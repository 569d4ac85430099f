import { z } from "zod";
import { evaluatePull } from "../flows.js";
import { commitKey, pullKey } from "../load.js";
import { defineHandler, repository } from "./table.js";

/** Every PR change re-evaluates the gate from the API (never from the Action's comment or labels). */
export const pullRequestHandler = defineHandler({
  events: [
    "pull_request.opened",
    "pull_request.reopened",
    "pull_request.synchronize",
    "pull_request.ready_for_review",
    "pull_request.edited",
    "pull_request.labeled",
    "pull_request.unlabeled",
  ],
  schema: z.object({
    action: z.string(),
    repository,
    /** A push's previous head: where the PR's record is. */
    before: z.string().optional(),
    pull_request: z.object({ number: z.number(), head: z.object({ sha: z.string() }) }),
  }),
  keys: (p, repoId) => [
    pullKey(repoId, p.pull_request.number),
    commitKey(repoId, p.pull_request.head.sha),
    ...(p.before ? [commitKey(repoId, p.before)] : []),
  ],
  run: (ctx, p) =>
    evaluatePull(ctx, {
      pr: p.pull_request.number,
      hints: [p.pull_request.head.sha, p.before],
      // Without a record, even an `opened` may be recovering: its first attempt can have posted the
      // checklist and stopped (crashed, or failed to create the run) before the record was written.
      searchComments: true,
    }),
});
