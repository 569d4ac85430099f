import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vi } from "vitest";
import type { FakeGitHub } from "../../support/fake-github.js";

/**
 * Run the Action's `run()` the way the runner does (event file, GITHUB_* and INPUT_* variables), with
 * GITHUB_API_URL pointed at the fake. @actions/github reads its environment at import time, hence
 * `vi.resetModules()` before importing the entry afresh.
 */

export const ACTION_TOKEN = "ghs_e2e_workflow_token";

export interface ActionRun {
  outputs: Record<string, string>;
  summary: string;
  stdout: string[];
  failed: string | null;
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = m[3]!;
  return out;
}

export async function runActionAgainst(
  fake: FakeGitHub,
  eventName: string,
  payload: unknown,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  fake.addToken(ACTION_TOKEN, fake.actionsUser);
  const dir = mkdtempSync(join(tmpdir(), "arg-e2e-action-"));
  const eventPath = join(dir, "event.json");
  const outputPath = join(dir, "output");
  const summaryPath = join(dir, "summary.md");
  writeFileSync(eventPath, JSON.stringify(payload));
  writeFileSync(outputPath, "");
  writeFileSync(summaryPath, "");
  mkdirSync(join(dir, "temp"));
  mkdirSync(join(dir, "workspace"));
  const env: Record<string, string> = {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${fake.owner}/${fake.repoName}`,
    GITHUB_API_URL: fake.url,
    GITHUB_GRAPHQL_URL: `${fake.url}/graphql`,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: join(dir, "workspace"),
    RUNNER_TEMP: join(dir, "temp"),
    "INPUT_GITHUB-TOKEN": ACTION_TOKEN,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const stdout: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(...String(chunk).split(/\r?\n/).filter(Boolean));
    return true;
  });
  const previousExit = process.exitCode;
  process.exitCode = 0;
  try {
    vi.resetModules();
    const { run } = (await import("../../../action/run.js")) as {
      run: (o?: { tuning?: { retries?: number; retryAfterBaseValue?: number; throttle?: boolean } }) => Promise<void>;
    };
    await run({ tuning: { retries: 2, retryAfterBaseValue: 1, throttle: false } });
  } finally {
    spy.mockRestore();
    vi.unstubAllEnvs();
  }
  const failedLine = stdout.find((l) => l.startsWith("::error::")) ?? null;
  const failed = process.exitCode === 1 ? (failedLine?.replace(/^::error::/, "") ?? "(failed)") : null;
  process.exitCode = previousExit;
  const result = {
    outputs: parseOutputs(readFileSync(outputPath, "utf8")),
    summary: readFileSync(summaryPath, "utf8"),
    stdout,
    failed,
  };
  rmSync(dir, { recursive: true, force: true });
  return result;
}
