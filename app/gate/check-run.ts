import type { ConfigError } from "../../src/config/load.js";
import { inlineText, signoffItems } from "./checklist-comment.js";
import { type GateItem, type GateState, progress } from "./state.js";

/**
 * The **AI Review Gate** check run: the only thing branch protection trusts. Blocking is
 * `action_required` (never `in_progress`, which reads as a job still running) with a title that names who
 * must act and on what; `success` lists the approvers; `failure` reports an invalid config or an API
 * error (fail closed: never a green the App could not verify).
 */

export const CHECK_NAME = "AI Review Gate";

export interface CheckOutput {
  conclusion: "success" | "action_required" | "failure";
  title: string;
  summary: string;
  text?: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function who(item: GateItem): string {
  if (item.route?.team) return `@${item.route.team.replace(/^@/, "")}`;
  if (item.route?.owners && item.route.owners.length > 0)
    return `a code owner (${item.route.owners.slice(0, 2).join(", ")})`;
  return "a maintainer with write access";
}

function clip(s: string, max: number): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function gateTitle(state: GateState): string {
  const p = progress(state);
  if (!state.required) return clip(`not required: ${state.reason}`, 200);
  if (p.satisfied) return clip(`approved by ${p.approvers.map((a) => `@${a}`).join(", ")}`, 200);
  const first = p.missingItems[0];
  if (first) {
    const what = clip(first.detail || first.text, 110);
    const more = p.missingItems.length > 1 ? ` (+${plural(p.missingItems.length - 1, "more item")})` : "";
    if (p.moreApprovers > 0)
      return clip(`needs ${plural(p.moreApprovers, "more approver")} from ${who(first)}: ${what}${more}`, 240);
    return clip(`needs ${who(first)} to tick: ${what}${more}`, 240);
  }
  return `needs ${plural(p.moreApprovers, "more approver")} with write access: tick a sign-off in the checklist`;
}

export function gateCheck(state: GateState, commentUrl: string | null): CheckOutput {
  const p = progress(state);
  const lines: string[] = [];
  const link = commentUrl ? `[the checklist comment](${commentUrl})` : "the checklist comment on the PR";
  if (!state.required) {
    lines.push(`The gate does not apply: ${inlineText(state.reason)}.`);
  } else {
    lines.push(`${inlineText(state.reason)}.`, "");
    if (p.satisfied) {
      lines.push(`**Approved** at \`${state.head.slice(0, 7)}\` by ${p.approvers.map((a) => `@${a}`).join(", ")}.`);
    } else {
      lines.push(
        `**Still missing** (tick in ${link}): ${plural(p.missingItems.length, "item")}, ${plural(p.moreApprovers, "more approver")} (${state.approvals} distinct needed).`,
        "",
      );
      for (const item of p.missingItems)
        lines.push(
          `- ${inlineText(item.text, 200)}${item.detail ? ` — _${inlineText(item.detail, 200)}_` : ""} → ${who(item)}`,
        );
    }
    if (state.ticks.length > 0) {
      const all = [...state.items, ...signoffItems(state)];
      lines.push("", "**Approvals** (audit trail):", "", "| item | approver | when | head |", "|---|---|---|---|");
      for (const t of state.ticks) {
        const item = all.find((i) => i.id === t.item);
        lines.push(`| ${inlineText(item?.text ?? t.item, 80)} | @${t.login} | ${t.at} | ${t.sha.slice(0, 7)} |`);
      }
    }
  }
  if (state.notes.length > 0) lines.push("", ...state.notes.map((n) => `> ${inlineText(n, 400)}`));
  const history = state.audit.slice(-15);
  const text =
    history.length > 0
      ? [
          "| when | who | event | head |",
          "|---|---|---|---|",
          ...history.map(
            (e) =>
              `| ${e.at} | ${e.by ? `@${e.by}` : "App"} | ${e.kind}${e.item ? ` ${e.item}` : ""}${e.note ? `: ${inlineText(e.note, 200)}` : ""} | ${e.sha.slice(0, 7)} |`,
          ),
        ].join("\n")
      : undefined;
  return {
    conclusion: p.satisfied ? "success" : "action_required",
    title: gateTitle(state),
    summary: lines.join("\n"),
    ...(text ? { text } : {}),
  };
}

export function configErrorCheck(err: ConfigError, baseSha: string): CheckOutput {
  const first = err.problems[0];
  const where = first ? `${first.path || "(root)"}${first.line ? ` (line ${first.line})` : ""}` : "";
  return {
    conclusion: "failure",
    title: clip(`invalid config ${err.source}${where ? `: ${where}` : ""}`, 200),
    summary: [
      `The config on the base branch (\`${baseSha.slice(0, 7)}\`) is invalid, so the gate cannot be evaluated. Fix it on the base branch, then re-run this check.`,
      "",
      "```",
      err.message,
      "```",
    ].join("\n"),
  };
}

export function apiErrorCheck(reason: string): CheckOutput {
  return {
    conclusion: "failure",
    title: "could not evaluate the gate (GitHub API error): re-run this check",
    summary: [
      "The App could not read what it needs from GitHub, so it fails closed instead of guessing.",
      "",
      `Reason: ${inlineText(reason, 600)}`,
    ].join("\n"),
  };
}

/** Body for checks.create / checks.update. */
export function checkRequest(output: CheckOutput, detailsUrl: string | null) {
  return {
    name: CHECK_NAME,
    status: "completed" as const,
    conclusion: output.conclusion,
    completed_at: new Date().toISOString(),
    ...(detailsUrl ? { details_url: detailsUrl } : {}),
    output: {
      title: output.title,
      summary: output.summary.slice(0, 60000),
      ...(output.text ? { text: output.text.slice(0, 60000) } : {}),
    },
  };
}
