import { readFileSync } from "node:fs";
import type { Report } from "../../src/types.js";
import { runActionAgainst } from "../e2e/support/action.js";
import { pullRequestEvent } from "../e2e/support/payloads.js";
import { startFakeGitHub } from "../support/fake-github.js";
import { addPull, type PullFixture } from "./fixtures.js";

/**
 * The Action's PR comment for a pull request, as its `run()` posts it on a fake GitHub, with the JSON
 * report it wrote (the findings its links must point at). Uses vitest's module and env stubs, so it is
 * for tests only.
 */

export interface ActionComment {
  body: string;
  report: Report;
  /** `owner/name` */
  repo: string;
  headSha: string;
  baseSha: string;
}

export async function actionComment(p: PullFixture): Promise<ActionComment> {
  const fake = await startFakeGitHub();
  try {
    addPull(fake, p);
    const run = await runActionAgainst(fake, "pull_request", pullRequestEvent(fake, "opened", p.number));
    if (run.failed) throw new Error(`the Action failed: ${run.failed}`);
    fake.assertClean();
    const comment = fake.commentsOn(p.number).find((c) => c.user.login === fake.actionsUser.login);
    if (!comment) throw new Error("the Action posted no comment");
    const pull = fake.mustPull(p.number);
    return {
      body: comment.body,
      report: JSON.parse(readFileSync(run.outputs.report!, "utf8")) as Report,
      repo: `${fake.owner}/${fake.repoName}`,
      headSha: pull.head.sha,
      baseSha: pull.base.sha,
    };
  } finally {
    await fake.close();
  }
}
