import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vi } from "vitest";
import { webhookExample } from "../support/webhook-examples.js";

/** A webhook payload GitHub documents (see test/support/webhook-examples.ts). */
export function examplePayload(event: string, action?: string): Record<string, unknown> {
  return webhookExample(event, action);
}

type PullPatch = {
  title?: string;
  body?: string | null;
  user?: { login: string; type: string };
  headRef?: string;
  forkOwner?: string;
  changedFiles?: number;
  labels?: string[];
};

/** A real `pull_request.opened` payload, adjusted to the scenario. */
export function pullRequestPayload(patch: PullPatch = {}, action = "opened"): Record<string, unknown> {
  const payload = examplePayload("pull_request", action);
  const pr = payload.pull_request as {
    title: string;
    body: string | null;
    user: Record<string, unknown>;
    head: { ref: string; label: string; repo: Record<string, unknown> };
    changed_files: number;
    labels: unknown[];
  };
  if (patch.title !== undefined) pr.title = patch.title;
  if (patch.body !== undefined) pr.body = patch.body;
  if (patch.user) pr.user = { ...pr.user, ...patch.user };
  if (patch.headRef) pr.head.ref = patch.headRef;
  if (patch.changedFiles !== undefined) pr.changed_files = patch.changedFiles;
  if (patch.labels) pr.labels = patch.labels.map((name, i) => ({ id: i + 1, name, color: "ededed" }));
  if (patch.forkOwner) {
    pr.head.repo = { ...pr.head.repo, full_name: `${patch.forkOwner}/Hello-World`, fork: true };
    pr.head.label = `${patch.forkOwner}:${pr.head.ref}`;
  }
  return payload;
}

export interface RunResult {
  outputs: Record<string, string>;
  summary: string;
  /** Workflow commands printed (`::error file=...::message`) and log lines. */
  stdout: string[];
  annotations: Array<{ kind: string; props: string; message: string }>;
  failed: string | null;
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = m[3]!;
  return out;
}

/** Fast retries, no write spacing: the runner keeps Octokit's defaults. */
export const FAST = { retries: 2, retryAfterBaseValue: 1, throttle: false };

/**
 * Drive the Action the way the runner does: event payload file, GITHUB_* variables and INPUT_* inputs.
 * Returns the outputs, the job summary, the annotations and whether the step failed.
 */
export async function runAction(opts: {
  eventName: string;
  payload: unknown;
  inputs?: Record<string, string>;
  /** Overrides of the runner's variables (e.g. GITHUB_API_URL of a loopback fake, the token input). */
  env?: Record<string, string>;
  /** Import the Action afresh: @actions/github reads GITHUB_API_URL at import time. */
  freshModules?: boolean;
}): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), "arg-action-"));
  const eventPath = join(dir, "event.json");
  writeFileSync(eventPath, JSON.stringify(opts.payload));
  const outputPath = join(dir, "output");
  const summaryPath = join(dir, "summary.md");
  writeFileSync(outputPath, "");
  writeFileSync(summaryPath, "");
  mkdirSync(join(dir, "temp"));
  mkdirSync(join(dir, "workspace"));
  const env: Record<string, string> = {
    GITHUB_EVENT_NAME: opts.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: "Codertocat/Hello-World",
    GITHUB_API_URL: "https://api.github.com",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: join(dir, "workspace"),
    RUNNER_TEMP: join(dir, "temp"),
    "INPUT_GITHUB-TOKEN": "ghs_test_token",
  };
  Object.assign(env, opts.env);
  for (const [k, v] of Object.entries(opts.inputs ?? {})) env[`INPUT_${k.toUpperCase()}`] = v;
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);

  const stdout: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(...String(chunk).split(/\r?\n/).filter(Boolean));
    return true;
  });
  const previousExit = process.exitCode;
  process.exitCode = 0;
  try {
    if (opts.freshModules) vi.resetModules();
    const core = await import("@actions/core");
    // core.summary caches the summary file path of the first run in this process; each run gets its own file.
    (core.summary as unknown as { _filePath?: string })._filePath = undefined;
    const { run } = await import("../../action/run.js");
    await run({ tuning: FAST });
  } finally {
    spy.mockRestore();
    vi.unstubAllEnvs();
  }
  const failedLine =
    stdout.find((l) => l.startsWith("::error::ai-review-gate:")) ??
    stdout.find((l) => l.startsWith("::error::")) ??
    null;
  const failed = process.exitCode === 1 ? (failedLine?.replace(/^::error::/, "") ?? "(failed)") : null;
  process.exitCode = previousExit;
  const annotations = stdout
    .map((l) => /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ kind: m[1]!, props: (m[2] ?? "").trim(), message: m[3]! }));
  // The run's folder stays: tests read the report file the Action wrote there.
  return {
    outputs: parseOutputs(readFileSync(outputPath, "utf8")),
    summary: readFileSync(summaryPath, "utf8"),
    stdout,
    annotations,
    failed,
  };
}
