import { ROLLBACK_ITEM_ID } from "../../src/engine/gate-decision.js";
import type { Actor } from "../../src/github/port.js";
import {
  type ParsedBody,
  parseBody,
  renderComment,
  sameItems,
  signoffItems,
  soleMarkerLine,
} from "./checklist-comment.js";
import { personVerdict, routeVerdict, type SenderFacts } from "./eligibility.js";
import { isViewOf, parseViewMarker } from "./record.js";
import { type AuditEvent, appendAudit, type GateItem, type GateState, isSignoff, type Tick } from "./state.js";

/**
 * The tick state machine. Only the checkbox flips of one edit (`changes.body.from` → the new body) are
 * attributed to its sender, and only when the edit was made on the view of the record in force: the
 * old body must carry the record's marker (same head, sequence and digest) and show exactly its items.
 * A tick made on an outdated page (before a push, a retarget or another tick was handled), a replayed
 * edit, or an edit on a body someone had tampered with counts for nothing and says so. Everything the
 * edit changed besides authorized flips is reverted by re-rendering the record.
 */

export interface Flip {
  item: GateItem;
  tick: boolean;
}

export interface EditReading {
  /** Why the edit cannot count at all (made on an outdated or altered view), or null. */
  stale: string | null;
  flips: Flip[];
  /** Items whose line was removed, duplicated or reworded. */
  altered: GateItem[];
  /** The hidden marker line was changed, duplicated or removed: the whole edit is refused. */
  tampered: boolean;
}

function staleReason(state: GateState, from: ParsedBody): string | null {
  const line = soleMarkerLine(from);
  const marker = line ? parseViewMarker(line) : null;
  if (marker && marker.head !== state.head)
    return `the edit was made on the checklist for ${marker.head.slice(0, 7)}, but the PR is now at ${state.head.slice(0, 7)}: review the new head and tick again`;
  if (!isViewOf(marker, state))
    return "the edit was made on an outdated view of the checklist (the gate changed since it was loaded): tick again on the current checklist";
  if (!sameItems(from, parseBody(renderComment(state))))
    return "the checklist had been altered by someone else when this edit was made: tick again on the restored checklist";
  return null;
}

/** What an edit did, item by item (pure). */
export function readEdit(state: GateState, fromBody: string, toBody: string): EditReading {
  const from = parseBody(fromBody);
  const to = parseBody(toBody);
  const stale = staleReason(state, from);
  const flips: Flip[] = [];
  const altered: GateItem[] = [];
  for (const item of [...state.items, ...signoffItems(state)]) {
    const f = from.items.get(item.id);
    const n = to.items.get(item.id);
    if (n?.count !== 1 || (f && f.count === 1 && n.rest !== f.rest)) {
      altered.push(item);
      continue;
    }
    const was = f?.count === 1 ? f.checked : state.ticks.some((t) => t.item === item.id);
    if (n.checked !== was) flips.push({ item, tick: n.checked });
  }
  const toMarker = soleMarkerLine(to);
  const tampered = toMarker !== soleMarkerLine(from) || to.markerLines.length !== 1;
  // A whole page saved from an older view (a stale browser tab) carries that view's genuine marker.
  const older = tampered && toMarker ? parseViewMarker(toMarker) : null;
  if (older && older.pr === state.pr && !isViewOf(older, state))
    return {
      stale:
        stale ??
        `the edit was made on an outdated view of the checklist (for ${older.head.slice(0, 7)}, sequence ${older.seq}): tick again on the current checklist`,
      flips,
      altered,
      tampered,
    };
  return { stale, flips, altered, tampered };
}

function quote(item: GateItem): string {
  return `"${item.text.length > 70 ? `${item.text.slice(0, 69)}…` : item.text}"`;
}

/** Why an item cannot be ticked yet whoever ticks it (a plan to approve that is not written), or null. */
function nothingToAttest(state: GateState, item: GateItem): string | null {
  if (item.id !== ROLLBACK_ITEM_ID || state.rollback?.present) return null;
  const heading = state.rollback?.heading ?? "Rollback";
  return `the PR description has no "${heading}" section with a plan in it yet; once it has, review the plan and tick`;
}

export interface EditInput {
  state: GateState;
  sender: Actor;
  reading: EditReading;
  facts: SenderFacts;
  at: string;
  /** The PR is closed: nothing can be ticked. */
  closed: boolean;
}

/**
 * The record after an edit. The sequence number moves only when a tick or untick counted; refusals add
 * notes and audit rows but leave the decision (and the views other reviewers hold) as they were.
 */
export function applyEdit(input: EditInput): GateState {
  const { state, sender, reading, at } = input;
  const by = { id: sender.id, login: sender.login };
  const next: GateState = structuredClone(state);
  const notes: string[] = [];
  const events: AuditEvent[] = [];
  const refuse = (item: GateItem | null, reason: string) => {
    notes.push(`@${sender.login}: ${item ? `${quote(item)}: ` : ""}${reason}`);
    events.push({ at, head: state.head, kind: "refused", by, ...(item ? { item: item.id } : {}), note: reason });
  };

  let attempts = reading.flips;
  if (input.closed) {
    if (attempts.length > 0) refuse(null, "the PR is closed; the edit was not counted");
    attempts = [];
  } else if (reading.stale) {
    refuse(null, `not counted: ${reading.stale}`);
    attempts = [];
  } else if (reading.tampered) {
    refuse(
      null,
      "the hidden marker of the checklist was modified; the whole edit was refused and the checklist restored",
    );
    attempts = [];
  }
  for (const item of reading.altered)
    refuse(item, "removing, duplicating or rewording a checklist item is not allowed; restored");

  const ticks: Tick[] = [...state.ticks];
  let counted = 0;
  if (attempts.length > 0) {
    const person = personVerdict(sender, state, input.facts);
    for (const a of attempts) {
      const verb = a.tick ? "tick" : "untick";
      if (!person.ok) {
        refuse(a.item, `${verb} refused: ${person.reason}`);
        continue;
      }
      const route = routeVerdict(sender, a.item, input.facts);
      if (!route.ok) {
        refuse(a.item, `${verb} refused: ${route.reason}`);
        continue;
      }
      const existing = ticks.findIndex((t) => t.item === a.item.id);
      if (a.tick) {
        if (existing !== -1) continue;
        const nothing = nothingToAttest(state, a.item);
        if (nothing) {
          refuse(a.item, `tick refused: ${nothing}`);
          continue;
        }
        if (isSignoff(a.item.id) && ticks.some((t) => isSignoff(t.item) && t.by.id === sender.id)) {
          refuse(a.item, "each sign-off needs a different person; you already signed off");
          continue;
        }
        ticks.push({ item: a.item.id, by, at, head: state.head, base: state.base.ref });
        events.push({ at, head: state.head, kind: "tick", by, item: a.item.id });
      } else {
        if (existing === -1) continue;
        ticks.splice(existing, 1);
        events.push({ at, head: state.head, kind: "untick", by, item: a.item.id });
      }
      counted++;
    }
  }
  if (events.length === 0 && reading.flips.length === 0)
    notes.push(`@${sender.login}: only the checkboxes of this comment can be changed; other edits are not kept.`);
  if (counted > 0) {
    next.ticks = ticks;
    next.seq = state.seq + 1;
  }
  next.notes = notes;
  appendAudit(next, events);
  return next;
}
