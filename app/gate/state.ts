import { z } from "zod";
import { CATEGORIES, LEVELS } from "../../src/types.js";

/**
 * The gate's record of one pull request. It lives in the App's own check run (see record.ts), where
 * only this App can write: the checklist comment is a view of it and an input device, never the
 * authority. Identities are numeric GitHub user ids; logins are kept for display only.
 */

export const STATE_VERSION = 2;
export const MAX_AUDIT = 40;
export const MAX_FILES_PER_ITEM = 30;

const who = z.object({ id: z.number().int(), login: z.string() });
export type Who = z.infer<typeof who>;

const tick = z.object({
  item: z.string(),
  by: who,
  at: z.string(),
  /** Head SHA and base branch the reviewer ticked at. */
  head: z.string(),
  base: z.string(),
});
export type Tick = z.infer<typeof tick>;

const auditEvent = z.object({
  at: z.string(),
  head: z.string(),
  kind: z.enum(["tick", "untick", "refused", "reset", "recreated", "restored", "evaluated", "retarget"]),
  by: who.optional(),
  item: z.string().optional(),
  note: z.string().optional(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

const itemRoute = z.object({
  /** `org/team-slug`: only its members may tick. */
  team: z.string().optional(),
  /** CODEOWNERS owners (`@user`, `@org/team`) of the item's files, from the base branch. */
  owners: z.array(z.string()).optional(),
  /** Why nobody can tick this item: the route could not be resolved (fail closed). */
  unresolved: z.string().optional(),
});
export type ItemRoute = z.infer<typeof itemRoute>;

const gateItem = z.object({
  /**
   * Stable id: `category:<name>` (one per finding category), `extra:<id>` (the config's
   * `checklist.extra`), `limit:<what>` (what GitHub did not list) or `rollback:plan` (the PR description
   * must say how to undo the change, `gate.rollback`; ROLLBACK_ITEM_ID in src/engine/gate-decision.ts).
   * Sign-off slots are not items (`signoff:<n>`, below).
   */
  id: z.string(),
  text: z.string(),
  category: z.enum(CATEGORIES).nullable(),
  /** The top finding's message, so the check title can say what is at stake. */
  detail: z.string(),
  /** Files with findings in this category (capped; `filesTruncated` then). */
  files: z.array(z.string()),
  filesTruncated: z.boolean().optional(),
  route: itemRoute.optional(),
  /**
   * What a tick attests besides the item's text, as a digest: for `rollback:plan`, the plan's text. A
   * tick stays only while the subject is the one it was given on (an edited plan needs a new tick).
   */
  subject: z.string().optional(),
  /** Where the item's most severe findings are (up to 3): the comment and the check link to them. */
  at: z
    .array(z.object({ file: z.string(), line: z.number().int().nullable(), side: z.enum(["new", "old"]) }))
    .max(3)
    .optional(),
});
export type GateItem = z.infer<typeof gateItem>;

/** Rollback readiness as the engine reported it (`gate.rollback`), re-read from the PR description on every evaluation. */
const rollback = z.object({
  required: z.boolean(),
  /** The description has a section under the heading, with a plan in it (not empty, a comment or "N/A"). */
  present: z.boolean(),
  /** The configured heading (from the base branch's config). */
  heading: z.string(),
  /** The section's text from the PR description: secrets masked, at most 2,000 characters; hostile, escaped on output. */
  text: z.string().nullable(),
  reason: z.string(),
  /** Destructive migrations without a down migration (capped). */
  related: z.array(z.object({ ruleId: z.string(), file: z.string(), line: z.number().int().nullable() })),
});
export type RollbackState = z.infer<typeof rollback>;

const exclusions = z.object({
  ids: z.array(z.number().int()),
  /** Lower-cased logins whose account id could not be resolved. */
  logins: z.array(z.string()),
  /** Lower-cased emails and names of commit authors and co-authors that map to no account. */
  emails: z.array(z.string()),
  names: z.array(z.string()),
  /** More people were seen than one record holds: nobody can approve this PR any more (fail closed). */
  overflow: z.boolean(),
});
export type Exclusions = z.infer<typeof exclusions>;

export const gateStateSchema = z.object({
  v: z.literal(STATE_VERSION),
  pr: z.number().int(),
  /** Incremented on every decision-relevant change, across heads: an older record never wins over a newer one. */
  seq: z.number().int(),
  head: z.string(),
  base: z.object({ ref: z.string(), sha: z.string() }),
  status: z.enum(["open", "closed", "merged"]),
  /** The PR's page (`https://github.com/o/r/pull/7`): findings link into its "Files changed" view. */
  url: z.string().optional(),
  /** The head this PR moved on to: this record is history, the chain continues on that commit. */
  next: z.string().nullable(),
  required: z.boolean(),
  reason: z.string(),
  level: z.enum(LEVELS),
  approvals: z.number().int(),
  items: z.array(gateItem),
  /** Sign-off slots (`signoff:<n>`), one per required approver. */
  signoffs: z.array(z.string()),
  /** null: no analysis to take it from (an invalid config before any evaluation). Records without it decode as null. */
  rollback: rollback.nullable().default(null),
  ticks: z.array(tick),
  /** People who may never approve this PR, captured once and only ever growing. */
  excluded: exclusions,
  /** Accounts the base branch's config names as machines (never approvers). */
  machines: z.object({ ids: z.array(z.number().int()), logins: z.array(z.string()) }),
  /** Why no tick can count at all right now (e.g. commits past GitHub's listing limit), else null. */
  locked: z.string().nullable(),
  /** Why the gate cannot be evaluated (an invalid config on the base branch), else null. */
  error: z.string().nullable(),
  /** Files the App could not analyse, with the reason (shown in the checklist). */
  notAnalyzed: z.array(z.object({ file: z.string(), reason: z.string() })),
  /** AI detection is sticky: once detected on this PR, editing the body or labels cannot lift the gate. */
  ai: z.object({ detected: z.boolean(), agents: z.array(z.string()) }),
  author: who.nullable(),
  commentId: z.number().int().nullable(),
  audit: z.array(auditEvent),
  /** Visible notes from the last handled event (refusals and resets). */
  notes: z.array(z.string()),
});
export type GateState = z.infer<typeof gateStateSchema>;

export function appendAudit(state: GateState, events: readonly AuditEvent[]): void {
  state.audit.push(...events);
  if (state.audit.length > MAX_AUDIT) state.audit.splice(0, state.audit.length - MAX_AUDIT);
}

/** One sign-off slot per required approver: each is one person saying they reviewed the whole change. */
export function signoffIds(approvals: number): string[] {
  return Array.from({ length: Math.max(1, approvals) }, (_, i) => `signoff:${i + 1}`);
}

export function isSignoff(id: string): boolean {
  return id.startsWith("signoff:");
}

export interface GateProgress {
  satisfied: boolean;
  /** A rollback plan is required and the PR description has none: blocking whatever is ticked. */
  rollbackMissing: boolean;
  /** Items (not sign-offs) still unticked. */
  missingItems: GateItem[];
  /** People who signed off the whole change (distinct by account id). */
  approvers: Who[];
  /** Distinct sign-offs still needed. */
  moreApprovers: number;
}

export function progress(state: GateState): GateProgress {
  const ticked = new Set(state.ticks.map((t) => t.item));
  const missingItems = state.items.filter((i) => !ticked.has(i.id));
  const approvers: Who[] = [];
  for (const t of state.ticks) if (isSignoff(t.item) && !approvers.some((a) => a.id === t.by.id)) approvers.push(t.by);
  const moreApprovers = Math.max(0, state.approvals - approvers.length);
  const rollbackMissing = state.required && !!state.rollback?.required && !state.rollback.present;
  const satisfied =
    state.error === null &&
    (!state.required ||
      (state.locked === null && missingItems.length === 0 && moreApprovers === 0 && !rollbackMissing));
  return { satisfied, rollbackMissing, missingItems, approvers, moreApprovers };
}

/**
 * What a decision depends on: everything but the sequence number, the audit trail, the notes and where
 * the view is (the comment id). The
 * sequence number moves only when this changes, so a refused edit (a new note) never invalidates the
 * view another reviewer is ticking on.
 */
export function decisionKey(state: GateState): string {
  const { seq: _seq, audit: _audit, notes: _notes, commentId: _comment, ...rest } = state;
  return JSON.stringify(rest);
}
