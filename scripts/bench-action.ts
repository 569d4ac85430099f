/**
 * `npm run bench -- --action`: the Action bundle (`index.js`, run with bare `node` as the runner
 * does) end to end on a 3,000-file pull request against the loopback GitHub fake: GraphQL context,
 * 30 pages of files, the sticky comment and the labels. Reports wall and CPU time, peak RSS, every API
 * request the run made by endpoint, and where the wall time went. Each run starts from a fresh world, so
 * each is a first run (the comment is created, the labels added). Octokit's write throttling stays on as
 * on the runner: writes are spaced by at least a second, GitHub's advice against secondary rate limits.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { actionRunnerEnv } from "../test/e2e/support/payloads.js";
import { type FakeFile, type FakeGitHub, startFakeGitHub } from "../test/support/fake-github.js";
import { generateFiles, type Mix } from "./bench-diff.js";
import { timedNode } from "./bench-process.js";

export const ACTION_PR_FILES = 3_000;

export interface ActionResult {
  mix: Mix;
  files: number;
  changedLines: number;
  findings: number;
  ms: number;
  cpuMs: number;
  rssKb: number;
  requests: number;
  /** Requests by route, e.g. "GET /repos/{owner}/{repo}/pulls/{pull_number}/files": 30. */
  byEndpoint: Record<string, number>;
  /** Where the wall time went, from the request times seen by the fake (ms). */
  phases: Phases;
}

export interface Phases {
  /** Spawn to the first request: Node, the bundle, inputs and event. */
  start: number;
  /** The reads: context query and file pages. */
  reads: number;
  /** Last read to first write: parsing, every rule, scoring, the report, summary and SARIF files. */
  analysis: number;
  /** First write to last: comment and labels, spaced by Octokit's write throttling as on the runner. */
  writes: number;
  /** Last request to exit. */
  exit: number;
}

/** A write is what GitHub's secondary limits count as one: anything but a GET or the GraphQL query. */
function isWrite(entry: string): boolean {
  return !entry.startsWith("GET ") && entry !== "POST /graphql";
}

function phases(times: Array<{ at: number; entry: string }>, total: number): Phases {
  const firstWrite = times.findIndex((t) => isWrite(t.entry));
  const reads = firstWrite === -1 ? times : times.slice(0, firstWrite);
  const first = times[0]?.at ?? total;
  const lastRead = reads.at(-1)?.at ?? first;
  const writeStart = firstWrite === -1 ? lastRead : times[firstWrite]!.at;
  const last = times.at(-1)?.at ?? total;
  return {
    start: first,
    reads: lastRead - first,
    analysis: writeStart - lastRead,
    writes: last - writeStart,
    exit: total - last,
  };
}

const LABELS = ["ai-authored", "risk:low", "risk:medium", "risk:high", "risk:critical"];
const TOKEN = "ghs_bench";

/** A fresh fake with PR #2 changing `files`, authored with an AI agent's trailer. */
async function prWorld(files: FakeFile[]): Promise<FakeGitHub> {
  const fake = await startFakeGitHub();
  const dev = fake.addUser({ login: "dev", id: 5001, type: "User" }, "write");
  fake.addToken(TOKEN, fake.actionsUser);
  for (const name of LABELS) fake.repoLabels.set(name, { name, color: "ededed", description: null });
  fake.addPull({
    number: 2,
    user: dev,
    head: { ref: "claude/refactor-services", sha: "c1".padEnd(40, "0") },
    base: { ref: "main", sha: "b".repeat(40) },
    files,
    commits: [
      {
        sha: "c1".padEnd(40, "0"),
        message: "Refactor services\n\nCo-authored-by: Claude <noreply@anthropic.com>",
        author: { name: "Dev", email: "dev@example.com", login: "dev" },
      },
    ],
  });
  return fake;
}

/** One run of the Action bundle against the fake, over loopback HTTP, with each request's time. */
async function runOnce(
  dist: string,
  fake: FakeGitHub,
): Promise<{ ms: number; cpuMs: number; rssKb: number; findings: number; phases: Phases }> {
  const runner = actionRunnerEnv(fake, 2, TOKEN, "arg-bench-action-");
  const dir = runner.dir;
  const env = { PATH: process.env.PATH ?? "", ...runner.env };
  const t0 = performance.now();
  const { ms, cpuMs, rssKb, stdout } = await timedNode([join(dist, "index.js")], { env });
  if (/^::error::/m.test(stdout)) throw new Error(`the Action reported an error:\n${stdout.slice(-2000)}`);
  const reportPath = /^report<<(ghadelimiter_[^\n]+)\n([^\n]+)\n\1$/m.exec(readFileSync(join(dir, "output"), "utf8"));
  if (!reportPath) throw new Error("the Action wrote no report output");
  const findings = (JSON.parse(readFileSync(reportPath[2]!, "utf8")) as { findings: unknown[] }).findings.length;
  const times = fake.requests.map((r) => ({ at: r.at - t0, entry: r.route }));
  return { ms, cpuMs, rssKb, findings, phases: phases(times, ms) };
}

/** The Action bundle in `dist` (a folder holding index.js) on a 3,000-file PR of the given mix. */
export async function benchAction(dist: string, mix: Mix, runs: number): Promise<ActionResult> {
  const files: FakeFile[] = [...generateFiles({ name: "action", files: ACTION_PR_FILES, linesPerFile: 50 }, mix)];
  const changedLines = files.reduce((sum, f) => sum + (f.additions ?? 0) + (f.deletions ?? 0), 0);
  let best: (Awaited<ReturnType<typeof runOnce>> & { routes: string[] }) | undefined;
  for (let r = 0; r < runs; r++) {
    const fake = await prWorld(files);
    try {
      const res = await runOnce(dist, fake);
      fake.assertClean();
      if (!best || res.ms < best.ms) best = { ...res, routes: fake.requests.map((q) => q.route) };
    } finally {
      await fake.close();
    }
  }
  const log = best!.routes;
  const byEndpoint: Record<string, number> = {};
  for (const entry of log) byEndpoint[entry] = (byEndpoint[entry] ?? 0) + 1;
  return {
    mix,
    files: files.length,
    changedLines,
    findings: best!.findings,
    ms: best!.ms,
    cpuMs: best!.cpuMs,
    rssKb: best!.rssKb,
    requests: log.length,
    byEndpoint,
    phases: best!.phases,
  };
}
