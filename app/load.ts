import { type CentralReader, resolveConfig } from "../src/config/extends.js";
import { ConfigError } from "../src/config/load.js";
import type { Config } from "../src/config/schema.js";
import { analyze } from "../src/engine/analyze.js";
import type { RepoRef } from "../src/github/client.js";
import { changedFilesFromPullFiles } from "../src/github/files.js";
import type { Actor, GitHubPort, PullCommit, PullSnapshot, RepoPermission } from "../src/github/port.js";
import type { AiResult, PullRequestFacts, Report } from "../src/types.js";
import { NeedLocks } from "./delivery.js";
import { CHECK_NAME } from "./gate/check-run.js";
import { looksLikeChecklist, parseBody, soleMarkerLine } from "./gate/checklist-comment.js";
import { CODEOWNERS_PATHS } from "./gate/codeowners.js";
import type { RunSet } from "./gate/decide.js";
import { factsNeeded, type SenderFacts } from "./gate/eligibility.js";
import type { EvaluationFacts } from "./gate/evaluate.js";
import { loginsToResolve } from "./gate/people.js";
import { decodeRecord, mergeRecords, parseViewMarker } from "./gate/record.js";
import { type GateItem, type GateState, isSignoff } from "./gate/state.js";
import type { DeliveryStats } from "./observe.js";

/**
 * The load stage: every read the gate needs, from the port, before anything is decided. Reads that do
 * not depend on each other run in parallel (a tick is two round trips, a push three).
 */

export interface Log {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface GateContext {
  port: GitHubPort;
  repo: RepoRef;
  repoId: number;
  appId: number;
  botLogin: string;
  configPath: string;
  now(): Date;
  log: Log;
  /** Lock keys this task holds (see delivery.ts). */
  held: ReadonlySet<string>;
  /** Files at commits already read: a commit never changes, so its config and CODEOWNERS are read once. */
  files: CommitFiles;
  /** Central config files (`extends:`) for this delivery: each read once (app/central-files.ts). */
  central: CentralReader;
  /** What this delivery decided and how long its evaluations took, for its log line and the metrics. */
  observe?: Pick<DeliveryStats, "decided" | "evaluated">;
}

/**
 * File texts at commit SHAs, the newest `capacity` kept. A commit never changes, so a file found there
 * is read once; "no such file" is not remembered (a spurious 404 must not stick as "no config").
 */
export class CommitFiles {
  private readonly texts = new Map<string, string>();
  constructor(private readonly capacity = 2000) {}

  async read(ctx: Pick<GateContext, "port" | "repo" | "repoId">, path: string, sha: string): Promise<string | null> {
    const key = `${ctx.repoId}:${sha}:${path}`;
    const known = this.texts.get(key);
    if (known !== undefined) return known;
    const text = await ctx.port.fileAt(ctx.repo, path, sha);
    // Only a full commit SHA names content that cannot change.
    if (text !== null && /^[0-9a-f]{40}$/.test(sha)) {
      this.texts.set(key, text);
      if (this.texts.size > this.capacity) this.texts.delete(this.texts.keys().next().value!);
    }
    return text;
  }
}

export const pullKey = (repoId: number, pr: number) => `pr:${repoId}#${pr}`;
export const commitKey = (repoId: number, sha: string) => `sha:${repoId}@${sha}`;

/** Writes to a commit's run need its lock; ask for it (the task then runs again holding it). */
export function requireCommitLocks(ctx: GateContext, shas: ReadonlyArray<string | null | undefined>): void {
  const missing = shas
    .filter((s): s is string => !!s)
    .map((s) => commitKey(ctx.repoId, s))
    .filter((k) => !ctx.held.has(k));
  if (missing.length > 0) throw new NeedLocks(missing);
}

/** This App's runs on a commit and the record they hold. */
export async function readRuns(ctx: GateContext, sha: string): Promise<RunSet> {
  const runs = await ctx.port.checkRuns(ctx.repo, sha, { name: CHECK_NAME, appId: ctx.appId });
  return { runs, entries: mergeRecords(runs.map((r) => decodeRecord(r.text))) };
}

export type RunCache = Map<string, RunSet>;

export async function runsAt(ctx: GateContext, cache: RunCache, sha: string): Promise<RunSet> {
  let set = cache.get(sha);
  if (!set) {
    set = await readRuns(ctx, sha);
    cache.set(sha, set);
  }
  return set;
}

const MAX_HOPS = 8;

/**
 * The record in force for a PR: for each hint commit, the PR's record there and forward along `next`
 * pointers (written when the PR moved on); the highest sequence number wins, so neither an old hint nor
 * an old record left on a commit the PR returned to (a force-push back) can roll the gate back.
 */
export async function readRecord(
  ctx: GateContext,
  cache: RunCache,
  pr: number,
  hints: ReadonlyArray<string | null | undefined>,
): Promise<GateState | null> {
  const unique = [...new Set(hints.filter((h): h is string => !!h))];
  await Promise.all(unique.map((sha) => runsAt(ctx, cache, sha)));
  let best: GateState | null = null;
  for (const hint of unique) {
    let state = cache.get(hint)?.entries.find((e) => e.pr === pr) ?? null;
    for (let hops = 0; state?.next && hops < MAX_HOPS; hops++) {
      const ahead = (await runsAt(ctx, cache, state.next)).entries.find((e) => e.pr === pr);
      if (!ahead || ahead.seq < state.seq) break;
      state = ahead;
    }
    if (state && (!best || state.seq > best.seq)) best = state;
  }
  return best;
}

/** The App's checklist comment on the PR (oldest first wins), found by listing comments (a fallback). */
export async function findChecklist(ctx: GateContext, pr: number) {
  const own = (c: { author: Actor | null; body: string }) =>
    c.author?.login === ctx.botLogin && c.author.type === "Bot" && looksLikeChecklist(c.body);
  const listed = await ctx.port.comments(ctx.repo, pr, own);
  return listed.items.find(own) ?? null;
}

/** The head a checklist body's view marker names, if it is one of this PR's views. */
export function markerHead(body: string, pr: number): string | null {
  const line = soleMarkerLine(parseBody(body));
  const marker = line ? parseViewMarker(line) : null;
  return marker && marker.pr === pr ? marker.head : null;
}

// ------------------------------------------------------------------ evaluation facts

/**
 * The config at the base commit, built on the central files it extends (each at its repository's default
 * branch, never at the PR's head). Any problem with any of them is a config error: the gate fails closed.
 */
async function readConfig(
  ctx: GateContext,
  baseSha: string,
): Promise<{ ok: true; config: Config } | { ok: false; error: string }> {
  const path = ctx.configPath.replace(/^\.?\//, "");
  try {
    const text = await ctx.files.read(ctx, path, baseSha);
    const at = { owner: ctx.repo.owner, repo: ctx.repo.repo, path };
    const { config } = await resolveConfig({ text: text ?? "", source: ctx.configPath, at }, ctx.central);
    return { ok: true, config };
  } catch (e) {
    if (e instanceof ConfigError) {
      const where =
        e.source === ctx.configPath
          ? `the config on the base branch (${baseSha.slice(0, 7)})`
          : `${e.source} on its repository's default branch`;
      return { ok: false, error: `${e.message}\n\nFix ${where}, then re-run this check.` };
    }
    throw e;
  }
}

async function readCodeowners(ctx: GateContext, baseSha: string): Promise<string | null> {
  for (const path of CODEOWNERS_PATHS) {
    const text = await ctx.files.read(ctx, path, baseSha);
    if (text !== null) return text;
  }
  return null;
}

/** Look up logins of excluded people once, so the record keeps their ids (bounded per evaluation). */
async function resolveLogins(ctx: GateContext, logins: readonly string[]): Promise<Map<string, Actor | null>> {
  const out = new Map<string, Actor | null>();
  await Promise.all(
    logins.slice(0, 10).map(async (login) => {
      const u = await ctx.port.user(login);
      out.set(login, u ? { id: u.id, login: u.login, type: u.type } : null);
    }),
  );
  return out;
}

function prFacts(pull: PullSnapshot, commits: readonly PullCommit[]): PullRequestFacts {
  return {
    number: pull.number,
    author_login: pull.author?.login ?? null,
    author_type: pull.author?.type ?? null,
    head_ref: pull.head.ref,
    base_ref: pull.base.ref,
    title: pull.title,
    body: pull.body,
    labels: pull.labels,
    assignees: pull.assignees.map((a) => a.login),
    commits: commits.map((c) => ({
      sha: c.sha,
      message: c.message,
      author_name: c.author.name,
      author_email: c.author.email,
      author_login: c.author.user?.login ?? null,
      committer_name: c.committer.name,
      committer_email: c.committer.email,
      committer_login: c.committer.user?.login ?? null,
    })),
  };
}

/** Once detected on a PR, AI authorship stays (editing the footer or a label out cannot lift the gate). */
function stickyAi(previous: GateState | null, ai: AiResult): AiResult | null {
  if (ai.detected || !previous?.ai.detected) return null;
  return {
    detected: true,
    agents: previous.ai.agents,
    confidence: "likely",
    evidence: [
      {
        signal: "earlier-detection",
        where: "gate record",
        match: `detected earlier on this PR${previous.ai.agents.length ? ` (${previous.ai.agents.join(", ")})` : ""}`,
        agent: previous.ai.agents[0] ?? null,
        weight: "strong",
      },
    ],
    commitShare: ai.commitShare,
    ...(ai.requesters ? { requesters: ai.requesters } : {}),
  };
}

async function assess(
  facts: Pick<EvaluationFacts, "pull" | "files" | "commits"> & { config: Config },
  previous: GateState | null,
): Promise<Report> {
  const converted = changedFilesFromPullFiles(facts.files.items);
  const input = {
    diff: converted.files,
    pr: prFacts(facts.pull, facts.commits.items),
    config: facts.config,
    notAnalyzed: converted.notAnalyzed,
  };
  const report = await analyze(input);
  const sticky = stickyAi(previous, report.ai);
  return sticky ? analyze({ ...input, ai: sticky }) : report;
}

function needsComparison(previous: GateState | null, pull: PullSnapshot, config: Config): boolean {
  return (
    !!previous &&
    previous.head !== pull.head.sha &&
    previous.base.ref === pull.base.ref &&
    config.gate.stale === "touched-files" &&
    previous.ticks.some((t) => !isSignoff(t.item))
  );
}

/** What an evaluation reads that does not depend on the record: config at the base, files, commits. */
export interface PullData {
  config: EvaluationFacts["config"];
  files: EvaluationFacts["files"];
  commits: EvaluationFacts["commits"];
}

export async function readPullData(ctx: GateContext, pull: PullSnapshot): Promise<PullData> {
  const ref = { ...ctx.repo, number: pull.number };
  const [config, files, commits] = await Promise.all([
    readConfig(ctx, pull.base.sha),
    ctx.port.pullFiles(ref),
    ctx.port.pullCommits(ref),
  ]);
  return { config, files, commits };
}

/** The rest of an evaluation's facts, once the record is known: the analysis, CODEOWNERS, people, the push. */
export async function completeEvaluation(
  ctx: GateContext,
  pull: PullSnapshot,
  data: PullData,
  previous: GateState | null,
): Promise<EvaluationFacts> {
  const { config, files, commits } = data;
  if (!config.ok)
    return { pull, config, files, commits, report: null, codeowners: null, resolved: new Map(), touched: null };
  const needOwners = Object.values(config.config.gate.routes).some((r) => r?.codeowners);
  const started = performance.now();
  const report = await assess({ pull, files, commits, config: config.config }, previous);
  ctx.observe?.evaluated((performance.now() - started) / 1000);
  const pending = loginsToResolve(
    { author: pull.author, commits: commits.items, requesters: report.ai.requesters ?? [], known: pull.assignees },
    previous?.excluded ?? null,
  );
  const [codeowners, resolved, touched] = await Promise.all([
    needOwners && report.gate.required ? readCodeowners(ctx, pull.base.sha) : Promise.resolve(null),
    resolveLogins(ctx, pending),
    previous && needsComparison(previous, pull, config.config)
      ? ctx.port.compare(ctx.repo, previous.head, pull.head.sha)
      : Promise.resolve(null),
  ]);
  return { pull, config, files, commits, report, codeowners, resolved, touched };
}

/** Open PRs whose head is `sha` (the check on a commit is the AND over them). */
export async function openPullsAt(ctx: GateContext, sha: string): Promise<number[]> {
  const pulls = await ctx.port.pullsForCommit(ctx.repo, sha);
  return pulls.filter((p) => p.state === "open" && p.headSha === sha).map((p) => p.number);
}

/** The facts a sender's flips are judged on, read only when the cheap checks pass. */
export async function loadSenderFacts(
  ctx: GateContext,
  input: { sender: Actor; state: GateState; items: readonly GateItem[]; permission?: Promise<RepoPermission> },
): Promise<SenderFacts> {
  const { sender, state, items } = input;
  const need = factsNeeded(sender, state, items);
  const [permission, profile, memberships] = await Promise.all([
    need.permission ? (input.permission ?? ctx.port.permission(ctx.repo, sender.login)) : Promise.resolve(null),
    need.profile ? ctx.port.user(sender.login) : Promise.resolve(null),
    Promise.all(
      need.teams.map(async (t) => {
        const [org, team] = t.split("/") as [string, string];
        return [t, await ctx.port.teamMember(org, team, sender.login)] as const;
      }),
    ),
  ]);
  return {
    permission,
    profile: profile ? { name: profile.name, email: profile.email } : null,
    teams: Object.fromEntries(memberships),
  };
}
