import { type RunResult, runAction } from "../../action/harness.js";
import type { FakeGitHub } from "../../support/fake-github.js";

/**
 * Run the Action's `run()` the way the runner does (event file, GITHUB_* and INPUT_* variables), with
 * GITHUB_API_URL pointed at the fake. @actions/github reads its environment at import time, hence a
 * fresh import of the entry each run.
 */

export const ACTION_TOKEN = "ghs_e2e_workflow_token";

export type ActionRun = RunResult;

export async function runActionAgainst(
  fake: FakeGitHub,
  eventName: string,
  payload: unknown,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  fake.addToken(ACTION_TOKEN, fake.actionsUser);
  return runAction({
    eventName,
    payload,
    inputs,
    freshModules: true,
    env: {
      GITHUB_REPOSITORY: `${fake.owner}/${fake.repoName}`,
      GITHUB_API_URL: fake.url,
      GITHUB_GRAPHQL_URL: `${fake.url}/graphql`,
      "INPUT_GITHUB-TOKEN": ACTION_TOKEN,
    },
  });
}
