import { ConfigError, parseConfigText } from "../../src/config/load.js";
import type { Config } from "../../src/config/schema.js";
import { analyze } from "../../src/engine/analyze.js";
import {
  type ApiPull,
  changedFilesFromPullFiles,
  fetchCommits,
  fetchConfig,
  fetchPullFiles,
  type GitHubClient,
  prFactsFromApi,
  type RepoRef,
} from "../../src/github/index.js";
import type { AiResult, Finding, Report } from "../../src/types.js";
import { buildDisqualified, coAuthors, type PersonRef } from "./authorize.js";
import { checkRequest, configErrorCheck, gateCheck } from "./check-run.js";
import { parseBody, renderComment, soleStateLine } from "./checklist-comment.js";
import { parseCodeowners } from "./codeowners.js";
import {
  createComment,
  deleteComment,
  fetchCodeownersText,
  filesBetween,
  type IssueComment,
  listComments,
  listOwnCheckRuns,
  ownChecklistComments,
  updateCheck,
  updateComment,
  upsertCheck,
} from "./github-io.js";
import {
  type AuditEvent,
  appendAudit,
  decodeStateLine,
  type GateItem,
  type GateState,
  MAX_FILES_PER_ITEM,
  STATE_VERSION,
  signoffIds,
  stateFingerprint,
  type Tick,
} from "./state.js";

/** What every handler needs besides the event: the signing key and the App's identity. */
export interface GateEnv {
  key: Buffer;
  identity(): Promise<{ appId: number; botLogin: string }>;
  configPath: string;
  now(): Date;
}

/** The pull request as the webhook or GET /pulls gives it (only what the gate reads). */
export interface GatePull extends ApiPull {
  html_url?: string;
  state?: string;
  head: { sha: string; ref?: string | null };
  base: { sha: string; ref?: string | null };
}

export interface EvaluateInput {
  client: GitHubClient;
  repo: RepoRef;
  repoId: number;
  pull: GatePull;
  /** Notes to show (e.g. why an edit was refused because the PR moved on). */
  notes?: string[];
  audit?: AuditEvent[];
  /** Void earlier ticks (deleted comment, state that failed verification). */
  dropTicks?: boolean;
  /** Audit trail to carry over (from a deleted comment's verified state). */
  carryAudit?: AuditEvent[];
}

export type EvaluateResult =
  | { kind: "config-error"; error: ConfigError }
  | { kind: "done"; state: GateState; commentId: number | null; checkRunId: number };

/** Read the newest verified state among this App's checklist comments. */
export function readState(
  comments: readonly IssueComment[],
  key: Buffer,
  expect: { repo: number; pr: number },
): { comment: IssueComment | null; state: GateState | null; invalid: boolean } {
  const comment = comments[0] ?? null;
  if (!comment) return { comment: null, state: null, invalid: false };
  const line = soleStateLine(parseBody(comment.body ?? ""));
  const decoded = line ? decodeStateLine(line, key, expect) : null;
  if (decoded?.ok) return { comment, state: decoded.state, invalid: false };
  return { comment, state: null, invalid: true };
}

function topFinding(findings: readonly Finding[], category: string): Finding | undefined {
  return findings.find((f) => f.category === category);
}

function findingLocation(f: Finding): string {
  return `${f.message} (${f.file}${f.line ? `:${f.line}` : ""})`;
}

function buildItems(report: Report, config: Config, owners: ((path: string) => string[]) | null): GateItem[] {
  return report.gate.checklist.map((c) => {
    const files: string[] = [];
    if (c.category)
      for (const f of report.findings) if (f.category === c.category && !files.includes(f.file)) files.push(f.file);
    const top = c.category ? topFinding(report.findings, c.category) : undefined;
    const item: GateItem = {
      id: c.id,
      text: c.text,
      category: c.category,
      detail: top ? findingLocation(top) : "",
      files: files.slice(0, MAX_FILES_PER_ITEM),
    };
    if (files.length > MAX_FILES_PER_ITEM) item.filesTruncated = true;
    const route = c.category ? config.gate.routes[c.category] : undefined;
    if (route?.team) item.route = { team: route.team.replace(/^@/, "") };
    if (route?.codeowners && owners) {
      const set: string[] = [];
      for (const f of files) for (const o of owners(f)) if (!set.includes(o)) set.push(o);
      if (set.length > 0) item.route = { ...item.route, owners: set.slice(0, 20) };
    }
    return item;
  });
}

function stickyAi(previous: GateState | null, ai: AiResult): AiResult | null {
  if (ai.detected || !previous?.ai.detected) return null;
  return {
    detected: true,
    agents: previous.ai.agents,
    confidence: "likely",
    evidence: [
      {
        signal: "earlier-detection",
        where: "gate.state",
        match: `detected earlier on this PR${previous.ai.agents.length ? ` (${previous.ai.agents.join(", ")})` : ""}`,
        agent: previous.ai.agents[0] ?? null,
        weight: "strong",
      },
    ],
    commitShare: ai.commitShare,
    ...(ai.requesters ? { requesters: ai.requesters } : {}),
  };
}

function intersects(files: readonly string[], touched: ReadonlySet<string>): boolean {
  return files.some((f) => touched.has(f));
}

/**
 * Carry the ticks of the previous state over to the new one. Same head: ticks on items that still
 * exist stay. New head: `reset` drops every tick; `touched-files` drops the ticks of items whose files
 * the new commits touch (and all sign-offs once any file with findings is touched).
 */
async function carryTicks(
  input: EvaluateInput,
  previous: GateState,
  next: GateState,
  stale: "reset" | "touched-files",
  at: string,
): Promise<{ ticks: Tick[]; notes: string[]; audit: AuditEvent[] }> {
  const exists = new Set([...next.items.map((i) => i.id), ...next.signoffs]);
  const kept = previous.ticks.filter((t) => exists.has(t.item));
  if (previous.head === next.head) return { ticks: kept, notes: [], audit: [] };
  const push = `${previous.head.slice(0, 7)}..${next.head.slice(0, 7)}`;
  if (kept.length === 0) return { ticks: [], notes: [], audit: [] };
  if (stale === "reset") {
    return {
      ticks: [],
      notes: [`New commits (${push}): all ticks were reset (gate.stale: reset). Review the new head and tick again.`],
      audit: [{ at, sha: next.head, kind: "reset", note: `new commits ${push}, gate.stale reset` }],
    };
  }
  const touchedList = await filesBetween(input.client, input.repo, previous.head, next.head);
  if (!touchedList) {
    return {
      ticks: [],
      notes: [`New commits (${push}) rewrote the branch history: all ticks were reset.`],
      audit: [{ at, sha: next.head, kind: "reset", note: `history rewritten ${push}` }],
    };
  }
  const touched = new Set(touchedList);
  const prevItems = new Map(previous.items.map((i) => [i.id, i]));
  const nextItems = new Map(next.items.map((i) => [i.id, i]));
  const hit = (id: string) => {
    const a = prevItems.get(id);
    const b = nextItems.get(id);
    return (
      !!a?.filesTruncated ||
      !!b?.filesTruncated ||
      intersects(a?.files ?? [], touched) ||
      intersects(b?.files ?? [], touched) ||
      // Extras and items without files cover the whole change: any push resets them.
      (a?.files.length ?? 0) + (b?.files.length ?? 0) === 0
    );
  };
  const anyFindingFileTouched = [...prevItems.keys(), ...nextItems.keys()].some(
    (id) => (prevItems.get(id)?.files.length || nextItems.get(id)?.files.length) && hit(id),
  );
  const ticks: Tick[] = [];
  const dropped: string[] = [];
  for (const t of kept) {
    const drop = t.item.startsWith("signoff:") ? anyFindingFileTouched : hit(t.item);
    if (drop) dropped.push(t.item);
    else ticks.push(t);
  }
  if (dropped.length === 0)
    return {
      ticks,
      notes: [`New commits (${push}) touch no file with findings: ticks kept (gate.stale: touched-files).`],
      audit: [{ at, sha: next.head, kind: "evaluated", note: `new commits ${push} touch no file with findings` }],
    };
  return {
    ticks,
    notes: [
      `New commits (${push}) touch files with findings: ticks reset on ${dropped.join(", ")} (gate.stale: touched-files).`,
    ],
    audit: [
      {
        at,
        sha: next.head,
        kind: "reset",
        note: `new commits ${push} touch files with findings: ${dropped.join(", ")}`,
      },
    ],
  };
}

/**
 * The whole gate for one PR head: config from the base commit, files and commits from the API, the
 * same engine as the Action, then the check run (first) and the sticky comment (second). Idempotent:
 * a redelivery that changes nothing writes only the (identical) check run.
 */
export async function evaluate(env: GateEnv, input: EvaluateInput): Promise<EvaluateResult> {
  const { client, repo, pull } = input;
  const { appId, botLogin } = await env.identity();
  let head = pull.head.sha;
  const at = env.now().toISOString();
  const detailsUrl = pull.html_url ?? null;

  let config: Config;
  try {
    const text = await fetchConfig(client, repo, pull.base.sha, env.configPath);
    config = parseConfigText(text ?? "", env.configPath);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const runs = await listOwnCheckRuns(client, repo, head, appId);
    const body = checkRequest(configErrorCheck(e, pull.base.sha), detailsUrl);
    if (runs[0]) await updateCheck(client, repo, runs[0].id, body);
    else await upsertCheck(client, repo, head, undefined, body);
    return { kind: "config-error", error: e };
  }

  const ref = { ...repo, pull_number: pull.number };
  const [fetched, commits, comments] = await Promise.all([
    fetchPullFiles(client, ref),
    fetchCommits(client, ref),
    listComments(client, repo, pull.number),
  ]);
  // A redelivered or reordered event can carry an older head than the PR has now. The commit list is
  // live (oldest first, complete below GitHub's 250 cap): judge its last commit, never roll back to the old one.
  const liveHead = commits.length > 0 && commits.length < 250 ? commits[commits.length - 1]!.sha : undefined;
  if (liveHead && liveHead !== head) head = liveHead;
  const own = ownChecklistComments(comments, botLogin);
  const expect = { repo: input.repoId, pr: pull.number };
  const prev = readState(own, env.key, expect);
  const previous = input.dropTicks ? null : prev.state;

  const converted = changedFilesFromPullFiles(fetched.files);
  const notAnalyzed = [...converted.notAnalyzed];
  if (fetched.truncated)
    notAnalyzed.push({ file: "(more files)", reason: "GitHub lists at most 3,000 files of a pull request" });
  const facts = prFactsFromApi(pull, commits);
  let report = await analyze({ diff: converted.files, pr: facts, config, notAnalyzed });
  const sticky = stickyAi(prev.state, report.ai);
  if (sticky) report = await analyze({ diff: converted.files, pr: facts, config, notAnalyzed, ai: sticky });

  const routesNeedOwners = Object.values(config.gate.routes).some((r) => r?.codeowners);
  let owners: ((path: string) => string[]) | null = null;
  if (report.gate.required && routesNeedOwners) {
    const text = await fetchCodeownersText(client, repo, pull.base.sha);
    if (text) {
      const co = parseCodeowners(text);
      owners = (p) => co.ownersOf(p);
    }
  }

  const people: PersonRef[] = [];
  for (const c of commits) {
    people.push({ login: c.author?.login, name: c.commit.author?.name, email: c.commit.author?.email });
    people.push({ login: c.committer?.login, name: c.commit.committer?.name, email: c.commit.committer?.email });
    people.push(...coAuthors(c.commit.message));
  }
  const items = buildItems(report, config, owners);
  const next: GateState = {
    v: STATE_VERSION,
    repo: input.repoId,
    pr: pull.number,
    head,
    seq: (prev.state?.seq ?? 0) + 1,
    required: report.gate.required,
    reason: report.gate.reason,
    level: report.risk.level,
    approvals: report.gate.required ? report.gate.approvals : 0,
    items,
    signoffs: report.gate.required ? signoffIds(report.gate.approvals, items.length) : [],
    ticks: [],
    disqualified: buildDisqualified(people, report.ai.requesters ?? []),
    ai: { detected: report.ai.detected, agents: report.ai.agents },
    audit: [...(input.carryAudit ?? prev.state?.audit ?? [])],
    notes: [...(input.notes ?? [])],
  };
  if (prev.state?.head === head && prev.state.checkRunId !== undefined) next.checkRunId = prev.state.checkRunId;
  const events: AuditEvent[] = [...(input.audit ?? [])];
  if (previous) {
    const carried = await carryTicks(input, previous, next, config.gate.stale, at);
    next.ticks = carried.ticks;
    next.notes.push(...carried.notes);
    events.push(...carried.audit);
    // Notes of an earlier event (refusals) stay until the state changes for another reason.
    if (previous.head === head && next.notes.length === 0) next.notes = [...previous.notes];
  } else if (prev.invalid && !input.dropTicks) {
    next.notes.push("The checklist's hidden state failed verification (edited by hand?): every tick was reset.");
    events.push({ at, sha: head, kind: "restored", note: "hidden state failed verification; ticks reset" });
  }
  if (!prev.comment && !next.required && events.length === 0) {
    // Nothing to show on the PR: only the check says the gate does not apply.
    const runs = await listOwnCheckRuns(client, repo, head, appId);
    const checkRunId = await upsertCheck(
      client,
      repo,
      head,
      runs[0]?.id,
      checkRequest(gateCheck(next, null), detailsUrl),
    );
    return { kind: "done", state: next, commentId: null, checkRunId };
  }
  appendAudit(next, events);

  // Check run first: if the comment write fails, the gate is already blocking.
  // Every run of ours on this head gets the result (newest first): duplicates from concurrent deliveries
  // and a fail-closed run written after an API error must not keep an outdated conclusion.
  const runIds = (await listOwnCheckRuns(client, repo, head, appId)).map((r) => r.id);
  const checkBody = checkRequest(gateCheck(next, prev.comment?.html_url ?? null), prev.comment?.html_url ?? detailsUrl);
  let checkRunId = await upsertCheck(client, repo, head, runIds[0], checkBody);
  // Duplicates from concurrent deliveries get the same result, so no stale run keeps blocking.
  for (const id of runIds.slice(1)) await updateCheck(client, repo, id, checkBody);
  next.checkRunId = checkRunId;

  if (prev.comment && prev.state && !input.dropTicks && stateFingerprint(prev.state) === stateFingerprint(next)) {
    // Same state, but the body may still show an edit that was refused and never reverted (a delivery
    // that failed midway): restore what the state says.
    const expected = renderComment(prev.state, env.key);
    if ((prev.comment.body ?? "").replace(/\r\n/g, "\n") !== expected.replace(/\r\n/g, "\n")) {
      await updateComment(client, repo, prev.comment.id, expected);
    }
    return { kind: "done", state: prev.state, commentId: prev.comment.id, checkRunId };
  }
  const body = renderComment(next, env.key);
  if (prev.comment) {
    await updateComment(client, repo, prev.comment.id, body);
    return { kind: "done", state: next, commentId: prev.comment.id, checkRunId };
  }
  const created = await createComment(client, repo, pull.number, body);
  // Re-read after write: concurrent deliveries may each have created one; the oldest wins.
  const after = ownChecklistComments(await listComments(client, repo, pull.number), botLogin);
  const winner = after[0];
  if (winner && winner.id !== created.id) {
    await deleteComment(client, repo, created.id);
    const won = readState(after, env.key, expect).state;
    if (won?.checkRunId !== undefined && won.checkRunId !== checkRunId) checkRunId = won.checkRunId;
    return { kind: "done", state: won ?? next, commentId: winner.id, checkRunId };
  }
  return { kind: "done", state: next, commentId: created.id, checkRunId };
}
