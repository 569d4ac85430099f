import { findingHref } from "../../src/format/links.js";
import { markdownBlock, markdownCode } from "../../src/text/markdown.js";
import { truncate } from "../../src/text/quote.js";
import { viewMarker } from "./record.js";
import { type AuditEvent, type GateItem, type GateState, progress, type Tick } from "./state.js";

/**
 * The sticky checklist comment: a view of the gate's record, rendered only from it, parsed strictly. A
 * line counts as an item only when it is exactly `- [ ]`/`- [x]` + text + the item's hidden id marker,
 * at column 0, outside code fences and multi-line HTML comments. Look-alike characters, indentation,
 * quoting or a fence make a line not match, which the edit handling treats as the item being altered.
 * The body always fits GitHub's 65,536-character limit: lists shorten until it does.
 */

export const CHECKLIST_MARKER = "<!-- ai-review-gate:checklist -->";
export const AUDIT_MARKER = "<!-- ai-review-gate:audit -->";
const ITEM_MARKER = "ai-review-gate:item";
const ITEM_LINE = /^- \[([ xX])\] (.*) <!-- ai-review-gate:item ([a-z0-9][a-z0-9:_-]{0,80}) -->$/;
/** Markers of this App's hidden state, current or past, genuine or imitated. */
const HIDDEN_MARKERS = ["ai-review-gate:view", "ai-review-gate:state", "ai-review-gate:record"];
/** GitHub's limit, counted here in UTF-8 bytes (never more than characters). */
export const MAX_COMMENT = 65536;

/** Bidirectional and invisible formatting characters: they can make quoted text read as something else. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The App's marker words, broken by a zero-width space wherever quoted text would repeat them. */
const MARKER_WORD = /ai-review-gate:/gi;

/**
 * Neutralise markdown/HTML in text that reaches the comment or the check (config extras, finding
 * messages, the PR description's rollback plan), and break the App's marker words, so that no quoted
 * text can read as an item or a hidden marker to the parser below (which would make every edit count
 * as tampering).
 */
export function inlineText(text: string, max = 300): string {
  let s = text
    .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, " ")
    .replace(INVISIBLE, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}]`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|~])/g, "\\$1")
    .replace(/\s+/g, " ")
    .trim();
  if (s.length > max) s = `${s.slice(0, max - 1)}…`;
  return s.replace(MARKER_WORD, (w) => `${w.slice(0, -1)}\u200b:`);
}

/** Text quoted from the diff (finding details, file names) must not mention, and so notify, people or teams. */
export function quotedText(text: string, max: number): string {
  return inlineText(text, max).replace(/@(?=[A-Za-z0-9])/g, "@\u200b");
}

function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

function when(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

/** How much of the optional detail a rendering keeps; higher levels are shorter. */
interface Detail {
  itemText: number;
  itemDetail: number;
  owners: number;
  notes: number;
  audit: number;
  notAnalyzed: number;
  /** Characters of the rollback plan quoted. */
  plan: number;
}

const LEVELS: Detail[] = [
  { itemText: 300, itemDetail: 200, owners: 5, notes: 400, audit: 20, notAnalyzed: 30, plan: 2000 },
  { itemText: 200, itemDetail: 120, owners: 3, notes: 200, audit: 5, notAnalyzed: 10, plan: 800 },
  { itemText: 120, itemDetail: 0, owners: 2, notes: 120, audit: 0, notAnalyzed: 3, plan: 200 },
  { itemText: 60, itemDetail: 0, owners: 0, notes: 0, audit: 0, notAnalyzed: 0, plan: 0 },
];

function routeText(item: GateItem, d: Detail): string {
  const r = item.route;
  if (!r) return "";
  if (r.unresolved) return ` (nobody can tick this item: ${inlineText(r.unresolved, 160)})`;
  if (r.team) return ` (only @${r.team.replace(/^@/, "")} may tick)`;
  if (r.owners && r.owners.length > 0)
    return d.owners > 0 ? ` (only code owners may tick: ${r.owners.slice(0, d.owners).join(", ")})` : " (code owners)";
  return "";
}

/**
 * Links to where the item's findings are, in the PR's "Files changed" view: the most severe one with its
 * path and line as the label, then the others as numbers. Nothing when the record predates locations.
 */
export function itemLinks(item: GateItem, url: string | undefined, max = 3): string {
  const links: string[] = [];
  for (const [i, at] of (item.at ?? []).slice(0, max).entries()) {
    const href = url ? findingHref(at, { pullUrl: url }) : null;
    const label = i === 0 ? markdownCode(at.line === null ? at.file : `${at.file}:${at.line}`) : `${i + 1}`;
    links.push(href ? `[${label}](${href})` : label);
  }
  return links.length > 0 ? ` → ${links.join(", ")}` : "";
}

function itemLine(item: GateItem, tick: Tick | undefined, d: Detail, url?: string): string {
  const detail = item.detail && d.itemDetail > 0 ? ` — _${quotedText(item.detail, d.itemDetail)}_` : "";
  const links = d.itemDetail > 0 ? itemLinks(item, url) : itemLinks(item, url, 1);
  const by = tick ? ` ✅ ticked by @${tick.by.login}, ${when(tick.at)}, at ${shortSha(tick.head)}` : "";
  return `- [${tick ? "x" : " "}] **${inlineText(item.text, d.itemText)}**${detail}${links}${routeText(item, d)}${by} <!-- ${ITEM_MARKER} ${item.id} -->`;
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

/**
 * Rollback readiness, when required: what the description must have (the configured heading) while it
 * has none, else the plan quoted from it (masked by the engine) so reviewers tick what they read.
 */
export function rollbackLines(state: GateState, planChars: number): string[] {
  const r = state.rollback;
  if (!r?.required) return [];
  const heading = inlineText(r.heading, 80);
  const migrations =
    r.related.length > 0
      ? [
          `It is required by ${r.related.length === 1 ? "a destructive migration" : `${r.related.length} destructive migrations`} without a down migration: ${r.related
            .slice(0, 5)
            .map((m) => markdownCode(truncate(`${m.file}${m.line ? `:${m.line}` : ""}`, 160)))
            .join(", ")}.`,
        ]
      : [];
  if (!r.present)
    return [
      `**Rollback plan: missing.** Add a section headed "## ${heading}" to the PR description saying how to undo this change (revert, down migration, restore from a backup)${r.text !== null ? ` (the "${heading}" section there says nothing yet)` : ""}. The gate blocks until it is there, even with every box ticked.`,
      ...migrations,
    ];
  // A code block shows the plan verbatim and inert: no Markdown, HTML, mention or marker inside it acts,
  // and the parser skips fenced lines (its fence is longer than any backtick run in the text).
  const quoted = planChars > 0 && r.text ? ["", markdownBlock(truncate(r.text, planChars))] : [];
  return [
    `**Rollback plan: present** (the "${heading}" section of the PR description, quoted with secrets masked; editing it resets the tick on the plan):`,
    ...quoted,
    ...(migrations.length > 0 ? ["", ...migrations] : []),
  ];
}

const AUDIT_WORDS: Record<AuditEvent["kind"], string> = {
  tick: "ticked",
  untick: "unticked",
  refused: "refused",
  reset: "reset",
  recreated: "recreated",
  restored: "restored",
  evaluated: "evaluated",
  retarget: "retargeted",
};

function auditRow(e: AuditEvent): string {
  const item = e.item ? ` \`${inlineText(e.item, 80)}\`` : "";
  const note = e.note ? ` ${inlineText(e.note, 200)}` : "";
  return `| ${when(e.at)} | ${e.by ? `@${e.by.login}` : "App"} | ${AUDIT_WORDS[e.kind]}${item}${note} | ${shortSha(e.head)} |`;
}

function renderAt(state: GateState, d: Detail): string {
  const out: string[] = [CHECKLIST_MARKER];
  const p = progress(state);
  const tickOf = new Map(state.ticks.map((t) => [t.item, t]));
  if (state.error) {
    out.push("## ⛔ AI Review Gate: cannot be evaluated", "", inlineText(state.error, 600));
  } else if (!state.required) {
    out.push("## ✅ AI Review Gate: not required", "", `${inlineText(state.reason)}.`);
  } else {
    const status = p.satisfied
      ? `**Approved** by ${p.approvers.map((a) => `@${a.login}`).join(", ")}.`
      : `**Blocking.** ${p.missingItems.length} item${p.missingItems.length === 1 ? "" : "s"} unticked; ${p.moreApprovers} more sign-off${p.moreApprovers === 1 ? "" : "s"} needed (${state.approvals} distinct ${state.approvals === 1 ? "person" : "people"} in total)${p.rollbackMissing ? "; a rollback plan in the PR description (below)" : ""}.`;
    out.push(
      `## ${p.satisfied ? "✅" : "🔒"} AI Review Gate: human review required`,
      "",
      `${inlineText(state.reason)}. ${status}`,
      "",
      `Tick an item only after reviewing it at \`${shortSha(state.head)}\` against \`${inlineText(state.base.ref, 100)}\`. Ticks by bots, machine accounts, the PR author, authors or co-authors of its commits, whoever asked the agent for the change, or anyone without write access are reverted. A push or a new base resets the ticks.`,
      "",
    );
    if (state.locked) out.push(`> [!CAUTION]\n> ${inlineText(state.locked, 400)}`, "");
    for (const item of state.items) out.push(itemLine(item, tickOf.get(item.id), d, state.url));
    const plan = rollbackLines(state, d.plan);
    if (plan.length > 0) out.push("", ...plan);
    out.push(
      "",
      `**Sign-offs** (${state.approvals} distinct ${state.approvals === 1 ? "person" : "people"}, each for the whole change):`,
      "",
    );
    for (const item of signoffItems(state)) out.push(itemLine(item, tickOf.get(item.id), d));
    if (state.notAnalyzed.length > 0) {
      out.push("", `**Not analysed** (${state.notAnalyzed.length}): review these by hand.`);
      for (const f of state.notAnalyzed.slice(0, d.notAnalyzed))
        out.push(`- \`${quotedText(f.file, 160)}\`: ${inlineText(f.reason, 160)}`);
      if (state.notAnalyzed.length > d.notAnalyzed)
        out.push(`- … and ${state.notAnalyzed.length - d.notAnalyzed} more`);
    }
  }
  if (state.notes.length > 0 && d.notes > 0) {
    out.push("", "> [!WARNING]");
    for (const n of state.notes.slice(-10)) out.push(`> ${inlineText(n, d.notes)}`);
  }
  if (state.audit.length > 0 && d.audit > 0) {
    out.push("", "<details><summary>Audit trail</summary>", "", "| when | who | what | head |", "|---|---|---|---|");
    for (const e of state.audit.slice(-d.audit)) out.push(auditRow(e));
    out.push("", "</details>");
  }
  out.push("", viewMarker(state));
  return out.join("\n");
}

/** Renderings already made: a delivery renders the same record several times (compare, then write). */
const rendered = new WeakMap<GateState, string>();

/** The comment body for a record: the fullest rendering that fits GitHub's limit. Records are not mutated once rendered. */
export function renderComment(state: GateState): string {
  const known = rendered.get(state);
  if (known !== undefined) return known;
  let body = "";
  for (const d of LEVELS) {
    body = renderAt(state, d);
    if (Buffer.byteLength(body, "utf8") <= MAX_COMMENT) break;
  }
  rendered.set(state, body);
  return body;
}

export interface ParsedItem {
  checked: boolean;
  rest: string;
  /** Times the id occurs as an item line; anything but 1 is a forgery or a mangled body. */
  count: number;
}

export interface ParsedBody {
  items: Map<string, ParsedItem>;
  /** Lines outside fences and comments that carry (or imitate) a hidden marker of this App. */
  markerLines: string[];
  /** Lines carrying an item marker that are not valid item lines (mangled, indented, look-alike box). */
  malformedItemMarkers: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function parseBody(body: string): ParsedBody {
  const items = new Map<string, ParsedItem>();
  const markerLines: string[] = [];
  let malformedItemMarkers = 0;
  let fence: string | null = null;
  let inComment = false;
  // CommonMark ends a line at LF, CR or CRLF: split the same way, so a lone CR cannot hide a line.
  for (const line of body.normalize("NFC").split(/\r\n|\r|\n/)) {
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
    } else if (HIDDEN_MARKERS.some((h) => line.includes(h))) {
      markerLines.push(line);
    }
    // A comment opened and not closed on this line hides the following lines from rendering.
    if (line.replace(/<!--[\s\S]*?-->/g, "").includes("<!--")) inComment = true;
  }
  return { items, markerLines, malformedItemMarkers };
}

/** The single hidden marker line of a body, or null when there is none or more than one. */
export function soleMarkerLine(parsed: ParsedBody): string | null {
  return parsed.markerLines.length === 1 ? parsed.markerLines[0]! : null;
}

/** Whether a comment body claims to be the checklist (the author must still be checked). */
export function looksLikeChecklist(body: string | null | undefined): boolean {
  return typeof body === "string" && body.startsWith(CHECKLIST_MARKER);
}

export function looksLikeAudit(body: string | null | undefined): boolean {
  return typeof body === "string" && body.startsWith(AUDIT_MARKER);
}

/** Same items, same boxes, same text, each once: the body shows exactly what `expected` shows. */
export function sameItems(body: ParsedBody, expected: ParsedBody): boolean {
  if (body.malformedItemMarkers > 0 || body.items.size !== expected.items.size) return false;
  for (const [id, want] of expected.items) {
    const got = body.items.get(id);
    if (got?.count !== 1 || got.checked !== want.checked || got.rest !== want.rest) return false;
  }
  return true;
}
