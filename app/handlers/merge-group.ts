import { z } from "zod";
import { checkMergeGroup } from "../flows.js";
import { commitKey } from "../load.js";
import { defineHandler, repository } from "./table.js";

/** A merge queue entry: `success` only when every PR in the group passed the gate at its head and base. */
export const mergeGroupHandler = defineHandler({
  events: ["merge_group.checks_requested"],
  schema: z.object({
    repository,
    merge_group: z.object({ head_sha: z.string(), base_ref: z.string() }),
  }),
  keys: (p, repoId) => [commitKey(repoId, p.merge_group.head_sha)],
  run: (ctx, p) => checkMergeGroup(ctx, { headSha: p.merge_group.head_sha, baseRef: p.merge_group.base_ref }),
});
