import { createHmac, timingSafeEqual } from "node:crypto";
import type { Category, Level } from "../../src/types.js";

/**
 * The gate's state lives in the checklist comment as a hidden, HMAC-signed blob: the App stays
 * stateless (any instance can handle any delivery), while a human or a workflow that edits the
 * comment cannot forge ticks, because the signature key never leaves the App.
 */

export const STATE_VERSION = 1;
export const MAX_AUDIT = 40;
export const MAX_FILES_PER_ITEM = 30;

/** People who must never approve: authors and co-authors of the PR's commits, the agent's requesters. */
export interface Disqualified {
  /** Lower-cased GitHub logins. */
  logins: string[];
  /** Lower-cased emails of commit authors/co-authors that could not be mapped to a login. */
  emails: string[];
  /** Lower-cased names of those same people (trailer names). */
  names: string[];
}

export interface ItemRoute {
  /** `org/team-slug`: only its members may tick. */
  team?: string;
  /** CODEOWNERS owners (`@user`, `@org/team`) of the item's files, resolved from the base branch. */
  owners?: string[];
}

export interface GateItem {
  /** Stable id: `category:<name>`, `extra:<id>` or `signoff:<n>`. */
  id: string;
  text: string;
  category: Category | null;
  /** The top finding's message, so the check title can say what is at stake. */
  detail: string;
  /** Files with findings in this category (capped; `filesTruncated` then). */
  files: string[];
  filesTruncated?: boolean;
  route?: ItemRoute;
}

export interface Tick {
  item: string;
  login: string;
  userId: number;
  at: string;
  /** Head SHA the reviewer ticked at. */
  sha: string;
}

export interface AuditEvent {
  at: string;
  sha: string;
  kind: "tick" | "untick" | "refused" | "reset" | "recreated" | "restored" | "evaluated";
  by?: string;
  item?: string;
  note?: string;
}

export interface GateState {
  v: typeof STATE_VERSION;
  /** Binding: a state copied from another repository or PR never verifies as this one's. */
  repo: number;
  pr: number;
  head: string;
  /** Incremented on every write; the newest verified state wins when two are seen. */
  seq: number;
  required: boolean;
  reason: string;
  level: Level;
  approvals: number;
  items: GateItem[];
  /** Sign-off slot ids (`signoff:<n>`), see signoffIds. */
  signoffs: string[];
  ticks: Tick[];
  disqualified: Disqualified;
  /** AI detection is sticky: once detected for this PR, editing the body or labels cannot lift the gate. */
  ai: { detected: boolean; agents: string[] };
  checkRunId?: number;
  audit: AuditEvent[];
  /** Visible notes from the last handled event (refusals and resets). */
  notes: string[];
}

const PREFIX = "ai-review-gate:state";

/** Derive the signing key from the App's own secret(s), with domain separation. */
export function deriveStateKey(secret: string): Buffer {
  if (!secret) throw new Error("the gate state needs a secret (WEBHOOK_SECRET, PRIVATE_KEY or GATE_STATE_SECRET)");
  return createHmac("sha256", secret).update("ai-review-gate/state-key/v1").digest();
}

function mac(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(`v${STATE_VERSION}.${payload}`).digest("base64url");
}

/** The hidden HTML comment that carries the signed state. */
export function encodeState(state: GateState, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(state), "utf8").toString("base64url");
  return `<!-- ${PREFIX} v${STATE_VERSION}.${payload}.${mac(key, payload)} -->`;
}

export type DecodeResult =
  | { ok: true; state: GateState }
  | { ok: false; reason: "missing" | "malformed" | "bad-signature" | "wrong-pr" };

const MARKER = /^<!-- ai-review-gate:state v(\d+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43}) -->$/;

/** True when the line is (or pretends to be) a state marker. */
export function isStateLine(line: string): boolean {
  return line.includes(`<!-- ${PREFIX}`);
}

/**
 * Verify a state marker line and decode it. Anything but an exact, correctly signed marker bound to
 * this repository and PR is rejected.
 */
export function decodeStateLine(line: string, key: Buffer, expect: { repo: number; pr: number }): DecodeResult {
  const m = MARKER.exec(line);
  if (!m) return { ok: false, reason: "malformed" };
  if (Number(m[1]) !== STATE_VERSION) return { ok: false, reason: "malformed" };
  const payload = m[2]!;
  const given = Buffer.from(m[3]!, "base64url");
  const want = Buffer.from(mac(key, payload), "base64url");
  if (given.length !== want.length || !timingSafeEqual(given, want)) return { ok: false, reason: "bad-signature" };
  let state: GateState;
  try {
    state = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as GateState;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (!state || state.v !== STATE_VERSION || !Array.isArray(state.items) || !Array.isArray(state.ticks))
    return { ok: false, reason: "malformed" };
  if (state.repo !== expect.repo || state.pr !== expect.pr) return { ok: false, reason: "wrong-pr" };
  return { ok: true, state };
}

/** Comparable form of a state: what would make a re-render differ (not the sequence number). */
export function stateFingerprint(state: GateState): string {
  const { seq: _seq, ...rest } = state;
  return JSON.stringify(rest);
}

export function appendAudit(state: GateState, events: AuditEvent[]): void {
  state.audit.push(...events);
  if (state.audit.length > MAX_AUDIT) state.audit.splice(0, state.audit.length - MAX_AUDIT);
}

export function signoffIds(approvals: number, itemCount: number): string[] {
  // With one approver the items themselves are the approval; from two up (or with no items), sign-off
  // slots let every required reviewer be counted even when there are fewer items than approvers.
  if (approvals < 2 && itemCount > 0) return [];
  return Array.from({ length: Math.max(1, approvals) }, (_, i) => `signoff:${i + 1}`);
}

export function isSignoff(id: string): boolean {
  return id.startsWith("signoff:");
}

export interface GateProgress {
  satisfied: boolean;
  /** Items (not sign-offs) still unticked. */
  missingItems: GateItem[];
  approvers: string[];
  /** Distinct approvers still needed. */
  moreApprovers: number;
}

export function progress(state: GateState): GateProgress {
  const ticked = new Set(state.ticks.map((t) => t.item));
  const missingItems = state.items.filter((i) => !ticked.has(i.id));
  const approvers: string[] = [];
  for (const t of state.ticks) if (!approvers.includes(t.login)) approvers.push(t.login);
  const moreApprovers = Math.max(0, state.approvals - approvers.length);
  const satisfied = !state.required || (missingItems.length === 0 && moreApprovers === 0);
  return { satisfied, missingItems, approvers, moreApprovers };
}
