import { createHash } from "node:crypto";
import type { Config } from "../../src/config/schema.js";
import { ROLLBACK_ITEM_ID } from "../../src/engine/gate-decision.js";
import type { ApiPullFile } from "../../src/github/files.js";
import type { Actor, Comparison, Listed, PullCommit, PullSnapshot } from "../../src/github/port.js";
import { LEVELS, type Level, levelRank, type Report } from "../../src/types.js";
import { routeByOwners } from "./codeowners.js";
import { ineligibleTicks } from "./eligibility.js";
import { capturePeople, emptyExclusions, unionExclusions } from "./people.js";
import {
  type AuditEvent,
  appendAudit,
  decisionKey,
  type GateItem,
  type GateState,
  isSignoff,
  MAX_FILES_PER_ITEM,
  type RollbackState,
  STATE_VERSION,
  signoffIds,
  type Tick,
} from "./state.js";

/**
 * One evaluation of a pull request, pure: the analysis of what GitHub lists now, merged with the record
 * in force. At one commit the gate only ever tightens (a retarget or a weaker config on the base cannot
 * lift a requirement until new commits are pushed); a new head or a new base resets the ticks (with
 * `gate.stale: touched-files`, item ticks whose files the push did not touch stay; sign-offs, which
 * cover the whole change, never do); whatever could not be read whole makes the gate required.
 */

export interface EvaluationFacts {
  pull: PullSnapshot;
  /** The base branch's config, or why it could not be used. */
  config: { ok: true; config: Config } | { ok: false; error: string };
  files: Listed<ApiPullFile>;
  commits: Listed<PullCommit>;
  /** The engine's report (null when the config is invalid). */
  report: Report | null;
  /** CODEOWNERS at the base commit (null: none), when a route needs it. */
  codeowners: string | null;
  /** Logins looked up for the exclusions (lower-cased login → account, null when unknown). */
  resolved: ReadonlyMap<string, Actor | null>;
  /** Files the new commits touched (gate.stale touched-files), when compared. */
  touched: Comparison | null;
}

export interface EvaluateInput {
  facts: EvaluationFacts;
  previous: GateState | null;
  at: string;
  /** Notes and audit rows the event brings (why it happened). */
  notes?: string[];
  audit?: AuditEvent[];
}

function findingFiles(report: Report, category: string): string[] {
  const files: string[] = [];
  for (const f of report.findings) if (f.category === category && !files.includes(f.file)) files.push(f.file);
  return files;
}

/** Longest path an item's record keeps; a longer one is dropped and the item marked truncated (resets on push). */
const MAX_PATH = 300;

function buildItems(report: Report, config: Config, codeowners: string | null): GateItem[] {
  return report.gate.checklist.map((c) => {
    const all = c.category ? findingFiles(report, c.category) : [];
    const files = all.filter((f) => f.length <= MAX_PATH);
    const covered = c.category ? report.findings.filter((f) => f.category === c.category) : [];
    const top = covered[0];
    const item: GateItem = {
      id: c.id,
      text: c.text.slice(0, 500),
      category: c.category,
      detail: top ? top.message.slice(0, 500) : "",
      files: files.slice(0, MAX_FILES_PER_ITEM),
    };
    if (files.length > MAX_FILES_PER_ITEM || files.length < all.length) item.filesTruncated = true;
    const route = c.category ? config.gate.routes[c.category] : undefined;
    if (route?.team) item.route = { team: route.team.replace(/^@/, "") };
    if (route?.codeowners) item.route = { ...item.route, ...routeByOwners(codeowners, all) };
    // Last, in the record schema's order: the view's digest is taken over the record as decoded.
    const at = covered.filter((f) => f.file.length <= MAX_PATH).slice(0, 3);
    if (at.length > 0) item.at = at.map((f) => ({ file: f.file, line: f.line, side: f.side }));
    return item;
  });
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

/** What GitHub did not list: files past 3,000, commits past 250. */
function limits(facts: EvaluationFacts): { filesMissing: number; commitsMissing: number } {
  const { pull, files, commits } = facts;
  const filesMissing = Math.max(pull.changedFiles - files.items.length, files.truncated ? 1 : 0);
  const commitsMissing = Math.max(pull.commits - commits.items.length, commits.truncated ? 1 : 0);
  return { filesMissing, commitsMissing };
}

function machines(config: Config, previous: GateState | null): GateState["machines"] {
  const ids = new Set(previous?.machines.ids ?? []);
  const logins = new Set(previous?.machines.logins ?? []);
  for (const m of config.gate.machine_accounts)
    if (typeof m === "number") ids.add(m);
    else logins.add(m.replace(/^@/, "").toLowerCase());
  return { ids: [...ids].sort((a, b) => a - b), logins: [...logins].sort() };
}

/** The state the analysis alone gives, before the record in force is taken into account. */
function fresh(input: EvaluateInput): GateState {
  const { facts, previous } = input;
  const pull = facts.pull;
  const base: GateState = {
    v: STATE_VERSION,
    pr: pull.number,
    seq: previous?.seq ?? 0,
    head: pull.head.sha,
    base: { ref: pull.base.ref, sha: pull.base.sha },
    status: pull.merged ? "merged" : pull.state,
    ...(pull.htmlUrl && pull.htmlUrl.length <= 500 ? { url: pull.htmlUrl } : {}),
    next: null,
    required: true,
    reason: "",
    level: "none",
    approvals: 1,
    items: [],
    signoffs: [],
    rollback: null,
    ticks: [],
    excluded: previous?.excluded ?? emptyExclusions(),
    machines: previous?.machines ?? { ids: [], logins: [] },
    locked: null,
    error: null,
    notAnalyzed: [],
    ai: previous?.ai ?? { detected: false, agents: [] },
    author: pull.author ? { id: pull.author.id, login: pull.author.login } : null,
    commentId: previous?.commentId ?? null,
    audit: [...(previous?.audit ?? [])],
    notes: [],
  };
  if (!facts.config.ok || !facts.report) {
    const error = facts.config.ok ? "the analysis did not run" : facts.config.error;
    // Keep what was required and ticked at this commit: an invalid config must not wipe the record.
    const kept = previous && previous.head === base.head && previous.base.ref === base.base.ref ? previous : null;
    return {
      ...base,
      required: kept?.required ?? true,
      reason: kept?.reason ?? "the gate cannot be evaluated",
      level: kept?.level ?? "none",
      approvals: kept?.approvals ?? 1,
      items: kept?.items ?? [],
      signoffs: kept?.signoffs ?? signoffIds(1),
      rollback: kept?.rollback ?? null,
      ticks: kept?.ticks ?? [],
      error,
    };
  }
  const config = facts.config.config;
  const report = facts.report;
  const { filesMissing, commitsMissing } = limits(facts);
  const items = buildItems(report, config, facts.codeowners);
  let required = report.gate.required;
  let approvals = report.gate.approvals;
  let reason = report.gate.reason;
  let level: Level = report.risk.level;
  if (filesMissing > 0 || commitsMissing > 0) {
    // What could not be read is never auto-approved: at least the threshold's approvals.
    const floor = levelRank(level) >= levelRank(config.gate.threshold) ? level : config.gate.threshold;
    level = LEVELS[Math.max(levelRank(level), levelRank(floor))]!;
    const unread = [
      filesMissing > 0 ? `${plural(filesMissing, "changed file")} GitHub does not list (it lists 3,000)` : "",
      commitsMissing > 0 ? `${plural(commitsMissing, "commit")} GitHub does not list (it lists 250)` : "",
    ].filter(Boolean);
    reason = `${required ? `${reason}; ` : ""}the App could not read the whole PR (${unread.join(", ")}), so the gate applies`;
    required = true;
    approvals = Math.max(approvals, config.gate.approvals[level === "none" ? "low" : level]);
    if (filesMissing > 0)
      items.push({
        id: "limit:files",
        text: `Review by hand the ${plural(filesMissing, "changed file")} past the first 3,000: the App could not analyse them`,
        category: null,
        detail: "",
        files: [],
      });
  }
  const seen = capturePeople({
    author: pull.author,
    commits: facts.commits.items,
    requesters: report.ai.requesters ?? [],
    known: pull.assignees,
    resolved: facts.resolved,
  });
  const excluded = unionExclusions(base.excluded, seen);
  let locked: string | null = null;
  if (commitsMissing > 0)
    locked = `This PR has ${plural(pull.commits, "commit")}; GitHub lists only 250, so the App cannot tell who wrote the rest and no tick can count. Squash or split the PR below 250 commits.`;
  else if (excluded.overflow)
    locked =
      "More people authored or requested this PR than the gate can keep track of, so no tick can count. Open a smaller PR.";
  return {
    ...base,
    required,
    reason,
    level,
    approvals: required ? Math.max(1, approvals) : 0,
    items: required ? items : [],
    signoffs: required ? signoffIds(approvals) : [],
    rollback: rollbackOf(report),
    excluded,
    machines: machines(config, previous),
    locked: required ? locked : null,
    notAnalyzed: report.notAnalyzed.slice(0, 200),
    ai: {
      detected: report.ai.detected || base.ai.detected,
      agents: [...new Set([...base.ai.agents, ...report.ai.agents])],
    },
  };
}

function rollbackOf(report: Report): RollbackState | null {
  const r = report.gate.rollback;
  if (!r) return null;
  // Built in the schema's key order: a record's digest is taken over its JSON as decoded.
  return {
    required: r.required,
    present: r.present,
    heading: r.heading,
    text: r.text,
    reason: r.reason,
    related: r.related.slice(0, MAX_FILES_PER_ITEM).map((m) => ({ ruleId: m.ruleId, file: m.file, line: m.line })),
  };
}

/** The rollback item attests the plan as it reads now: its subject is the plan's digest ("none" without one). */
function planSubject(rollback: RollbackState | null): string {
  if (!rollback?.present || rollback.text === null) return "none";
  return createHash("sha256").update(rollback.text).digest("hex").slice(0, 16);
}

function withPlanSubject(items: GateItem[], rollback: RollbackState | null): GateItem[] {
  return items.map((i) => (i.id === ROLLBACK_ITEM_ID ? { ...i, subject: planSubject(rollback) } : i));
}

function itemsUnion(now: GateItem[], before: GateItem[]): GateItem[] {
  const ids = new Set(now.map((i) => i.id));
  return [...now, ...before.filter((i) => !ids.has(i.id))];
}

/** At one commit the gate never relaxes: a weaker base config or a retarget keeps what was required. */
function keepRequirement(next: GateState, previous: GateState): void {
  if (!previous.required || previous.error || next.error) return;
  if (!next.required)
    next.reason = `${previous.reason} (kept: at one commit the gate never relaxes; push to re-evaluate)`;
  next.required = true;
  next.level = levelRank(previous.level) > levelRank(next.level) ? previous.level : next.level;
  next.approvals = Math.max(next.approvals, previous.approvals);
  next.items = itemsUnion(next.items, previous.items);
  next.signoffs = signoffIds(next.approvals);
  next.locked ??= previous.locked;
  if (previous.rollback?.required && next.rollback && !next.rollback.required)
    next.rollback = { ...next.rollback, required: true, reason: previous.rollback.reason };
}

interface Carried {
  ticks: Tick[];
  notes: string[];
  audit: AuditEvent[];
}

function sameMeaning(a: GateItem | undefined, b: GateItem | undefined): boolean {
  return (
    !!a &&
    !!b &&
    a.text === b.text &&
    a.subject === b.subject &&
    JSON.stringify(a.route ?? null) === JSON.stringify(b.route ?? null)
  );
}

/** Ticks that survive from the record in force to the new state. */
function carry(previous: GateState, next: GateState, facts: EvaluationFacts, at: string): Carried {
  const prevItems = new Map(previous.items.map((i) => [i.id, i]));
  const nextItems = new Map(next.items.map((i) => [i.id, i]));
  const slots = new Set(next.signoffs);
  const exists = (t: Tick) =>
    isSignoff(t.item) ? slots.has(t.item) : sameMeaning(prevItems.get(t.item), nextItems.get(t.item));
  if (previous.head === next.head && previous.base.ref === next.base.ref) {
    const ticks = previous.ticks.filter(exists);
    // The description is not the diff: editing it keeps every tick but the one on the plan it changed.
    const plan = previous.ticks.find((t) => t.item === ROLLBACK_ITEM_ID && !ticks.includes(t));
    if (!plan || !nextItems.has(ROLLBACK_ITEM_ID)) return { ticks, notes: [], audit: [] };
    return {
      ticks,
      notes: [
        `The rollback plan in the PR description changed since @${plan.by.login} ticked it: that tick was reset; review the plan as it reads now and tick again.`,
      ],
      audit: [{ at, head: next.head, kind: "reset", item: ROLLBACK_ITEM_ID, note: "rollback plan edited" }],
    };
  }
  if (previous.ticks.length === 0) return { ticks: [], notes: [], audit: [] };
  if (previous.base.ref !== next.base.ref) {
    const note = `The PR was retargeted from \`${previous.base.ref}\` to \`${next.base.ref}\`: the reviewed change is a different one, so every tick was reset.`;
    return { ticks: [], notes: [note], audit: [{ at, head: next.head, kind: "reset", note: "base changed" }] };
  }
  const push = `${previous.head.slice(0, 7)}..${next.head.slice(0, 7)}`;
  const stale = facts.config.ok ? facts.config.config.gate.stale : "reset";
  if (stale === "reset")
    return {
      ticks: [],
      notes: [`New commits (${push}): all ticks were reset (gate.stale: reset). Review the new head and tick again.`],
      audit: [{ at, head: next.head, kind: "reset", note: `new commits ${push}, gate.stale reset` }],
    };
  const touched = facts.touched;
  if (touched?.status !== "ahead" || touched.truncated)
    return {
      ticks: [],
      notes: [`New commits (${push}) rewrote the branch history or changed too much to compare: all ticks were reset.`],
      audit: [{ at, head: next.head, kind: "reset", note: `history rewritten or too large ${push}` }],
    };
  const changed = new Set(touched.files);
  const untouched = (id: string) => {
    const a = prevItems.get(id);
    const b = nextItems.get(id);
    const files = [...(a?.files ?? []), ...(b?.files ?? [])];
    // Items without files, or with more than the record holds, cover the whole change: any push resets them.
    return files.length > 0 && !a?.filesTruncated && !b?.filesTruncated && !files.some((f) => changed.has(f));
  };
  const ticks = previous.ticks.filter((t) => !isSignoff(t.item) && exists(t) && untouched(t.item));
  const dropped = previous.ticks.filter((t) => !ticks.includes(t)).map((t) => t.item);
  return {
    ticks,
    notes: [
      dropped.length === 0
        ? `New commits (${push}) touch no file with findings: ticks kept (gate.stale: touched-files).`
        : `New commits (${push}): ticks reset on ${dropped.join(", ")} (sign-offs always reset; gate.stale: touched-files).`,
    ],
    audit: [
      { at, head: next.head, kind: "reset", note: `new commits ${push}: reset ${dropped.join(", ") || "nothing"}` },
    ],
  };
}

/** The record after an evaluation; `seq` moves only when the decision changed. */
export function evaluateState(input: EvaluateInput): GateState {
  const { previous, at, facts } = input;
  const next = fresh(input);
  const notes = [...(input.notes ?? [])];
  const audit = [...(input.audit ?? [])];
  if (previous && previous.head === next.head) keepRequirement(next, previous);
  next.items = withPlanSubject(next.items, next.rollback);
  if (previous) {
    const carried = carry(previous, next, facts, at);
    next.ticks = carried.ticks;
    notes.push(...carried.notes);
    audit.push(...carried.audit);
    const gone = ineligibleTicks(next);
    if (gone.length > 0) {
      next.ticks = next.ticks.filter((t) => !gone.includes(t.item));
      notes.push(`Ticks on ${gone.join(", ")} were dropped: their authors may no longer approve this PR.`);
      audit.push({ at, head: next.head, kind: "reset", note: `ineligible ticks dropped: ${gone.join(", ")}` });
    }
    if (previous.head !== next.head && previous.next === null && previous.status === "open")
      audit.push({ at, head: next.head, kind: "evaluated", note: `moved from ${previous.head.slice(0, 7)}` });
  }
  next.seq = previous && decisionKey(previous) === decisionKey(next) ? previous.seq : (previous?.seq ?? 0) + 1;
  // Notes of an earlier event (refusals) stay until something else happens.
  next.notes = notes.length > 0 || !previous || next.seq !== previous.seq ? notes : previous.notes;
  appendAudit(next, audit);
  return next;
}
