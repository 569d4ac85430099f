import { z } from "zod";
import { closePull } from "../flows.js";
import { commitKey, pullKey } from "../load.js";
import { actor, defineHandler, repository } from "./table.js";

/** Closed: the PR stops counting on its head. Merged while unsatisfied: one visible audit comment. */
export const pullRequestClosedHandler = defineHandler({
  events: ["pull_request.closed"],
  schema: z.object({
    repository,
    pull_request: z.object({
      number: z.number(),
      merged: z.boolean().nullish(),
      merged_by: actor.nullish(),
      merge_commit_sha: z.string().nullish(),
      head: z.object({ sha: z.string() }),
      base: z.object({ ref: z.string() }),
    }),
  }),
  keys: (p, repoId) => [pullKey(repoId, p.pull_request.number), commitKey(repoId, p.pull_request.head.sha)],
  run: (ctx, p) =>
    closePull(ctx, {
      pr: p.pull_request.number,
      merged: p.pull_request.merged === true,
      mergedBy: p.pull_request.merged_by ?? null,
      head: p.pull_request.head.sha,
      base: p.pull_request.base.ref,
      mergeCommit: p.pull_request.merge_commit_sha ?? null,
    }),
});
