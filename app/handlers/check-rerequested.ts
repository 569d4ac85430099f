import { z } from "zod";
import { withGrowingLocks } from "../delivery.js";
import { evaluatePull, refreshCommit } from "../flows.js";
import { CHECK_NAME } from "../gate/check-run.js";
import { commitKey, openPullsAt, pullKey } from "../load.js";
import { defineHandler, repository } from "./table.js";

/**
 * "Re-run" on the check: evaluate every open PR whose head is the run's commit, each under its own
 * locks. Re-running is idempotent (it starts from the record), so who clicks it does not matter.
 */
export const checkRerequestedHandler = defineHandler({
  events: ["check_run.rerequested"],
  schema: z.object({
    repository,
    check_run: z.object({
      name: z.string(),
      head_sha: z.string(),
      app: z.object({ id: z.number() }).nullish(),
      pull_requests: z.array(z.object({ number: z.number() })).optional(),
    }),
  }),
  keys: () => [],
  run: async (ctx, p, env) => {
    const sha = p.check_run.head_sha;
    if (p.check_run.name !== CHECK_NAME || p.check_run.app?.id !== ctx.appId) return "done";
    // Fork PRs are not listed on the run: ask which open PRs have this commit as head.
    const numbers = p.check_run.pull_requests?.length
      ? p.check_run.pull_requests.map((x) => x.number)
      : await openPullsAt(ctx, sha);
    if (numbers.length === 0)
      return withGrowingLocks(env.locks, [commitKey(ctx.repoId, sha)], (held) => refreshCommit({ ...ctx, held }, sha));
    let outcome: "done" | "retry" = "done";
    for (const pr of numbers) {
      const keys = [pullKey(ctx.repoId, pr), commitKey(ctx.repoId, sha)];
      const one = await withGrowingLocks(env.locks, keys, (held) =>
        evaluatePull({ ...ctx, held }, { pr, hints: [sha], searchComments: true }),
      );
      if (one === "retry") outcome = "retry";
    }
    return outcome;
  },
});
