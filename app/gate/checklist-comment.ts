import {
  type AuditEvent,
  encodeState,
  type GateItem,
  type GateState,
  isStateLine,
  progress,
  type Tick,
} from "./state.js";

/**
 * The sticky checklist comment: rendered only from the signed state, parsed strictly. A line counts as
 * an item only when it is exactly `- [ ]`/`- [x]` + text + the item's hidden id marker, at column 0,
 * outside code fences and multi-line HTML comments. Look-alike characters, indentation, quoting or a
 * fence make a line not match, which the edit handler treats as the item being removed (refused).
 */

export const CHECKLIST_MARKER = "<!-- ai-review-gate:checklist -->";
export const AUDIT_MARKER = "<!-- ai-review-gate:audit -->";
const ITEM_MARKER = "ai-review-gate:item";
const ITEM_LINE = /^- \[([ xX])\] (.*) <!-- ai-review-gate:item ([a-z0-9][a-z0-9:_-]{0,80}) -->$/;

/** Neutralise markdown/HTML in text that reaches the comment (config extras, finding messages). */
export function inlineText(text: string, max = 300): string {
  let s = text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|~])/g, "\\$1")
    .replace(/\s+/g, " ")
    .trim();
  if (s.length > max) s = `${s.slice(0, max - 1)}…`;
  return s;
}

function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

function when(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

function routeText(item: GateItem): string {
  if (item.route?.team) return ` (only @${item.route.team} may tick)`;
  if (item.route?.owners && item.route.owners.length > 0)
    return ` (only code owners may tick: ${item.route.owners.slice(0, 5).join(", ")})`;
  return "";
}

/** Text quoted from the diff (finding details) must not mention, and so notify, people or teams. */
function quotedText(text: string, max: number): string {
  return inlineText(text, max).replace(/@(?=[A-Za-z0-9])/g, "@\u200b");
}

/** Everything after `- [ ] ` on an item line; depends only on the state. */
export function itemRest(item: GateItem, tick: Tick | undefined): string {
  const detail = item.detail ? ` — _${quotedText(item.detail, 200)}_` : "";
  const who = tick ? ` ✅ ticked by @${tick.login}, ${when(tick.at)}, at ${shortSha(tick.sha)}` : "";
  return `**${inlineText(item.text)}**${detail}${routeText(item)}${who}`;
}

export function signoffItem(id: string, total: number): GateItem {
  const n = id.slice("signoff:".length);
  return {
    id,
    text: `Sign-off ${n} of ${total}: I reviewed the whole change and approve it`,
    category: null,
    detail: "",
    files: [],
  };
}

export function signoffItems(state: GateState): GateItem[] {
  return state.signoffs.map((id) => signoffItem(id, state.signoffs.length));
}

function itemLine(item: GateItem, tick: Tick | undefined): string {
  return `- [${tick ? "x" : " "}] ${itemRest(item, tick)} <!-- ${ITEM_MARKER} ${item.id} -->`;
}

function auditRow(e: AuditEvent): string {
  const what: Record<AuditEvent["kind"], string> = {
    tick: "ticked",
    untick: "unticked",
    refused: "refused",
    reset: "reset",
    recreated: "recreated",
    restored: "restored",
    evaluated: "evaluated",
  };
  const item = e.item ? ` \`${e.item}\`` : "";
  const note = e.note ? ` ${inlineText(e.note, 200)}` : "";
  return `| ${when(e.at)} | ${e.by ? `@${e.by}` : "App"} | ${what[e.kind]}${item}${note} | ${shortSha(e.sha)} |`;
}

export function renderComment(state: GateState, key: Buffer): string {
  const out: string[] = [CHECKLIST_MARKER];
  const p = progress(state);
  const tickOf = new Map(state.ticks.map((t) => [t.item, t]));
  if (!state.required) {
    out.push("## ✅ AI Review Gate: not required", "", `${inlineText(state.reason)}.`);
  } else {
    const status = p.satisfied
      ? `**Approved** by ${p.approvers.map((a) => `@${a}`).join(", ")}.`
      : `**Blocking.** ${p.missingItems.length} item${p.missingItems.length === 1 ? "" : "s"} unticked; ${p.moreApprovers} more approver${p.moreApprovers === 1 ? "" : "s"} needed (${state.approvals} distinct in total).`;
    out.push(
      `## ${p.satisfied ? "✅" : "🔒"} AI Review Gate: human review required`,
      "",
      `${inlineText(state.reason)}. ${status}`,
      "",
      `Tick an item only after reviewing it at \`${shortSha(state.head)}\`. Ticks by bots, the PR author, authors or co-authors of its commits, whoever asked the agent for the change, or anyone without write access are reverted. A new push resets the ticks.`,
      "",
    );
    for (const item of state.items) out.push(itemLine(item, tickOf.get(item.id)));
    const signoffs = signoffItems(state);
    if (signoffs.length > 0) {
      out.push("", `**Sign-offs** (${state.approvals} distinct approver${state.approvals === 1 ? "" : "s"}):`, "");
      for (const item of signoffs) out.push(itemLine(item, tickOf.get(item.id)));
    }
  }
  if (state.notes.length > 0) {
    out.push("", "> [!WARNING]");
    for (const n of state.notes) out.push(`> ${inlineText(n, 400)}`);
  }
  if (state.audit.length > 0) {
    out.push("", "<details><summary>Audit trail</summary>", "", "| when | who | what | head |", "|---|---|---|---|");
    for (const e of state.audit.slice(-20)) out.push(auditRow(e));
    out.push("", "</details>");
  }
  out.push("", encodeState(state, key));
  return out.join("\n");
}

export interface ParsedItem {
  checked: boolean;
  rest: string;
  /** Times the id occurs as an item line; anything but 1 is a forgery or a mangled body. */
  count: number;
}

export interface ParsedBody {
  items: Map<string, ParsedItem>;
  /** Lines outside fences and comments that carry (or imitate) the state marker. */
  stateLines: string[];
  /** Lines carrying an item marker that are not valid item lines (mangled, indented, look-alike box). */
  malformedItemMarkers: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function parseBody(body: string): ParsedBody {
  const items = new Map<string, ParsedItem>();
  const stateLines: string[] = [];
  let malformedItemMarkers = 0;
  let fence: string | null = null;
  let inComment = false;
  for (const line of body.split(/\r?\n/)) {
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
      continue;
    }
    if (inComment) {
      if (line.includes("-->")) inComment = false;
      continue;
    }
    const f = FENCE.exec(line);
    if (f) {
      fence = f[1]!;
      continue;
    }
    const m = ITEM_LINE.exec(line);
    if (m) {
      const id = m[3]!;
      const prev = items.get(id);
      if (prev) prev.count++;
      else items.set(id, { checked: m[1] !== " ", rest: m[2]!, count: 1 });
    } else if (line.includes(ITEM_MARKER)) {
      malformedItemMarkers++;
    } else if (isStateLine(line)) {
      stateLines.push(line);
    }
    // A comment opened and not closed on this line hides the following lines from rendering.
    if (line.replace(/<!--[\s\S]*?-->/g, "").includes("<!--")) inComment = true;
  }
  return { items, stateLines, malformedItemMarkers };
}

/** The single state line of a body, or null when there is none or more than one. */
export function soleStateLine(parsed: ParsedBody): string | null {
  return parsed.stateLines.length === 1 ? parsed.stateLines[0]! : null;
}

/** Whether a comment body claims to be the checklist (the author must still be checked). */
export function looksLikeChecklist(body: string | null | undefined): boolean {
  return typeof body === "string" && body.startsWith(CHECKLIST_MARKER);
}

export function looksLikeAudit(body: string | null | undefined): boolean {
  return typeof body === "string" && body.startsWith(AUDIT_MARKER);
}
