import { CATEGORY_TITLES } from "../../src/format/titles.js";
import type { CheckConclusion, CheckRunBody } from "../../src/github/port.js";
import { GATE_CHECK_NAME } from "../../src/index.js";
import { inlineText, itemLinks, rollbackLines, signoffItems } from "./checklist-comment.js";
import { encodeRecord } from "./record.js";
import { type GateItem, type GateState, progress } from "./state.js";

/**
 * The **AI Review Gate** check run of one commit: the only thing branch protection trusts, and the
 * place the gate's record lives. Its conclusion is the AND over every pull request whose head is the
 * commit: `success` only when each of them is satisfied (or the gate does not apply to it). Blocking is
 * `action_required`, never `in_progress`; `failure` reports an invalid config or an API error (fail
 * closed: never a green the App could not verify).
 */

export const CHECK_NAME = GATE_CHECK_NAME;
/** GitHub's limit for `output.summary` and `output.text`, which it enforces in bytes. */
export const MAX_OUTPUT = 65535;
/** Room the record may take in `output.text`; the rest is the readable history. */
const MAX_RECORD = 60000;
/** Characters of the rollback plan the summary quotes (all the engine keeps). */
const MAX_PLAN = 2000;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function clip(s: string, max: number): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Cut text to a byte budget on a character boundary. */
export function clipBytes(text: string, max: number): string {
  if (Buffer.byteLength(text, "utf8") <= max) return text;
  const marker = "\n\n… (shortened to fit GitHub's limit)";
  let cut = Buffer.from(text, "utf8")
    .subarray(0, max - Buffer.byteLength(marker))
    .toString("utf8");
  if (cut.endsWith("\ufffd")) cut = cut.slice(0, -1);
  return `${cut}${marker}`;
}

function who(item: GateItem): string {
  if (item.route?.unresolved) return "nobody (unresolved route)";
  if (item.route?.team) return `@${item.route.team.replace(/^@/, "")}`;
  if (item.route?.owners && item.route.owners.length > 0)
    return `a code owner (${item.route.owners.slice(0, 2).join(", ")})`;
  return "a maintainer with write access";
}

export function gateTitle(state: GateState): string {
  const p = progress(state);
  if (state.error) return clip(`cannot evaluate: ${state.error}`, 200);
  if (!state.required) return clip(`not required: ${state.reason}`, 200);
  if (state.locked) return clip(`blocked: ${state.locked}`, 240);
  if (p.satisfied) return clip(`approved by ${p.approvers.map((a) => `@${a.login}`).join(", ")}`, 200);
  const plan = p.rollbackMissing
    ? `a "${clip(state.rollback!.heading, 40)}" section in the PR description saying how to undo this change`
    : null;
  const first = p.missingItems[0];
  // The plan comes first: until it is written, its item cannot be ticked.
  const and = plan ? `${plan}, and ` : "";
  if (first) {
    const at = first.at?.[0];
    const where = at && first.detail ? ` (${at.file}${at.line === null ? "" : `:${at.line}`})` : "";
    const what = clip(`${first.detail || first.text}${where}`, 110);
    const more = p.missingItems.length > 1 ? ` (+${plural(p.missingItems.length - 1, "more item")})` : "";
    if (p.moreApprovers > 0)
      return clip(
        `needs ${and}${plural(p.moreApprovers, "more sign-off")} and ${who(first)} to tick: ${what}${more}`,
        240,
      );
    return clip(`needs ${and}${who(first)} to tick: ${what}${more}`, 240);
  }
  if (p.moreApprovers === 0 && plan) return clip(`needs ${plan} (every box is ticked)`, 240);
  return clip(
    `needs ${and}${plural(p.moreApprovers, "more sign-off")} from people with write access: tick a sign-off in the checklist`,
    240,
  );
}

function stateSummary(state: GateState): string[] {
  const p = progress(state);
  const lines: string[] = [];
  const at = `\`${state.head.slice(0, 7)}\` into \`${inlineText(state.base.ref, 100)}\``;
  if (state.error) {
    lines.push(`The gate cannot be evaluated at ${at}: ${inlineText(state.error, 2000)}`);
  } else if (!state.required) {
    lines.push(`The gate does not apply at ${at}: ${inlineText(state.reason)}.`);
  } else {
    lines.push(`${inlineText(state.reason)} (at ${at}).`, "");
    if (state.locked) lines.push(`**Blocked:** ${inlineText(state.locked, 600)}`, "");
    const plan = rollbackLines(state, MAX_PLAN);
    if (plan.length > 0) lines.push(...plan, "");
    if (p.satisfied) {
      lines.push(`**Approved** by ${p.approvers.map((a) => `@${a.login}`).join(", ")}.`);
    } else {
      lines.push(
        `**Still missing** (tick in the checklist comment on the PR; _Details_ links to it): ${plural(p.missingItems.length, "item")}, ${plural(p.moreApprovers, "more sign-off")} (${state.approvals} distinct people needed).`,
        "",
      );
      for (const item of p.missingItems.slice(0, 50))
        lines.push(
          `- **${item.category ? CATEGORY_TITLES[item.category] : inlineText(item.text, 200)}**${item.detail ? `: ${inlineText(item.detail, 200)}` : ""}${itemLinks(item, state.url)} · ${who(item)} ticks`,
        );
    }
    if (state.ticks.length > 0) {
      const all = [...state.items, ...signoffItems(state)];
      lines.push("", "**Approvals** (audit trail):", "", "| item | approver | when | head |", "|---|---|---|---|");
      for (const t of state.ticks) {
        const item = all.find((i) => i.id === t.item);
        lines.push(`| ${inlineText(item?.text ?? t.item, 80)} | @${t.by.login} | ${t.at} | ${t.head.slice(0, 7)} |`);
      }
    }
  }
  if (state.notes.length > 0) lines.push("", ...state.notes.slice(-10).map((n) => `> ${inlineText(n, 400)}`));
  return lines;
}

function history(state: GateState): string[] {
  const events = state.audit.slice(-15);
  if (events.length === 0) return [];
  return [
    `**PR #${state.pr}** history:`,
    "",
    "| when | who | event | head |",
    "|---|---|---|---|",
    ...events.map(
      (e) =>
        `| ${e.at} | ${e.by ? `@${e.by.login}` : "App"} | ${e.kind}${e.item ? ` ${inlineText(e.item, 80)}` : ""}${e.note ? `: ${inlineText(e.note, 200)}` : ""} | ${e.head.slice(0, 7)} |`,
    ),
    "",
  ];
}

/** The states that decide a commit's check: open PRs whose head it is, and merged ones (their verdict stands). */
export function deciding(sha: string, entries: readonly GateState[]): GateState[] {
  return entries.filter((e) => e.head === sha && e.next === null && (e.status === "open" || e.status === "merged"));
}

/**
 * The record, shrunk until it fits: history first (records of PRs that moved on or closed), then audit
 * trails and notes. What a decision depends on is never cut (a view's digest must keep matching); a
 * record that still does not fit fails the check closed.
 */
export function fitRecord(entries: readonly GateState[]): string {
  let record = encodeRecord(entries);
  if (record.length <= MAX_RECORD) return record;
  let states = entries.map((e) => structuredClone(e));
  const history = (s: GateState) => s.next !== null || s.status !== "open";
  const attempts: Array<(s: GateState) => void> = [
    (s) => {
      if (!history(s)) return;
      s.audit = [];
      s.notes = [];
      for (const i of s.items) if (i.files.length > 0) Object.assign(i, { files: [], filesTruncated: true });
    },
    (s) => {
      s.audit = s.audit.slice(-10);
    },
    (s) => {
      s.audit = [];
      s.notes = [];
    },
  ];
  for (const shrink of attempts) {
    states = states.map((s) => {
      shrink(s);
      return s;
    });
    record = encodeRecord(states);
    if (record.length <= MAX_RECORD) return record;
  }
  throw new Error(`the gate's record for ${entries.length} pull requests does not fit in one check run`);
}

export interface CommitCheckInput {
  sha: string;
  /** Every PR state recorded on this commit (history included). */
  entries: readonly GateState[];
  /** Open PRs whose head is this commit, when the caller listed them; any without a state blocks. */
  openPulls: readonly number[] | null;
  /** Force `failure` with this reason (an API error, a checklist that could not be restored). */
  failure?: string;
}

/** The check run body of a commit: conclusion AND over its PRs, summary per PR, record in the text. */
export function commitCheck(input: CommitCheckInput): CheckRunBody {
  const decide = deciding(input.sha, input.entries);
  const known = new Set(decide.map((e) => e.pr));
  const unevaluated = (input.openPulls ?? []).filter((n) => !known.has(n));
  const verdicts = decide.map((e) => ({ state: e, ok: progress(e).satisfied }));
  let conclusion: CheckConclusion;
  let title: string;
  const summary: string[] = [];
  if (input.failure) {
    conclusion = "failure";
    title = clip(input.failure, 200);
    summary.push(
      "The App could not complete what it needs to vouch for this commit, so it fails closed instead of guessing.",
      "",
      `Reason: ${inlineText(input.failure, 600)}`,
      "",
      "Re-run this check, or push, to evaluate again.",
    );
  } else if (decide.length === 0 && unevaluated.length === 0) {
    conclusion = "action_required";
    const moved = input.entries.find((e) => e.head === input.sha && e.next !== null);
    title = moved
      ? `superseded: PR #${moved.pr} moved on to ${moved.next!.slice(0, 7)}; this commit is not what was reviewed`
      : "no open pull request has this commit as its head";
    summary.push(`${title}.`, "", "This commit's check blocks until a pull request with this head is evaluated again.");
  } else {
    const failed = verdicts.some((v) => v.state.error !== null);
    const ok = verdicts.every((v) => v.ok) && unevaluated.length === 0;
    conclusion = failed ? "failure" : ok ? "success" : "action_required";
    const parts = verdicts.map((v) =>
      decide.length > 1 ? `PR #${v.state.pr}: ${gateTitle(v.state)}` : gateTitle(v.state),
    );
    for (const n of unevaluated) parts.push(`PR #${n}: not evaluated yet`);
    title = clip(parts.join("; "), 240);
    if (decide.length + unevaluated.length > 1)
      summary.push(
        `${decide.length + unevaluated.length} open pull requests have this commit as their head: the check is \`success\` only when every one of them is satisfied.`,
        "",
      );
    for (const v of verdicts) {
      if (decide.length > 1) summary.push(`### PR #${v.state.pr}`, "");
      summary.push(...stateSummary(v.state), "");
    }
    for (const n of unevaluated)
      summary.push(`### PR #${n}`, "", "Not evaluated yet: the check blocks until it is.", "");
  }
  const record = fitRecord(input.entries);
  const readable = clipBytes(decide.flatMap(history).join("\n"), MAX_OUTPUT - record.length - 2);
  return {
    name: CHECK_NAME,
    conclusion,
    title,
    summary: clipBytes(summary.join("\n").trim(), MAX_OUTPUT),
    text: `${readable}\n\n${record}`,
  };
}
