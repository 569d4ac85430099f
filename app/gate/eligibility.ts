import type { Actor, RepoPermission } from "../../src/github/port.js";
import type { GateItem, GateState } from "./state.js";

/**
 * Who may tick (pure: the loader fetches the facts first). A tick counts only when the sender is a
 * human account, not a machine account the config names, not the PR's author, not among the people
 * the record excludes (authors, co-authors, requesters: matched by account id, then login, email and
 * name), has write, maintain or admin permission, and, for a routed item, is in the team or among the
 * code owners. An item whose route could not be resolved can be ticked by nobody (fail closed).
 */

export interface SenderFacts {
  permission: RepoPermission | null;
  /** Team memberships asked for (`org/team` → member). */
  teams: Readonly<Record<string, boolean>>;
  /** The sender's public profile (only asked when the record excludes people by email or name). */
  profile: { name: string | null; email: string | null } | null;
}

export interface FactsNeeded {
  permission: boolean;
  profile: boolean;
  teams: string[];
}

export type Verdict = { ok: true } | { ok: false; reason: string };

const lower = (s: string) => s.trim().toLowerCase();
const WRITERS = new Set<RepoPermission>(["admin", "maintain", "write"]);

export function isBotAccount(a: Actor): boolean {
  return a.type !== "User" || /\[bot\]$/i.test(a.login);
}

/** Why the record rules this account out as an approver, or null. */
function identityRefusal(who: { id: number; login: string }, state: GateState): string | null {
  if (state.machines.ids.includes(who.id) || state.machines.logins.includes(lower(who.login)))
    return "machine accounts listed in gate.machine_accounts cannot approve";
  if (state.author && state.author.id === who.id) return "the PR author cannot approve their own PR";
  if (state.excluded.ids.includes(who.id) || state.excluded.logins.includes(lower(who.login)))
    return "authors and co-authors of the PR's commits, and whoever asked the agent for it, cannot approve it";
  return null;
}

/** Person-level checks that need no request; null when they pass. */
function refusalWithoutFacts(sender: Actor, state: GateState): string | null {
  if (isBotAccount(sender)) return "bots and apps cannot approve";
  return identityRefusal(sender, state) ?? state.locked;
}

export function personVerdict(sender: Actor, state: GateState, facts: SenderFacts): Verdict {
  const early = refusalWithoutFacts(sender, state);
  if (early) return { ok: false, reason: early };
  if (state.excluded.emails.length > 0 || state.excluded.names.length > 0) {
    // Trailers name people by name and email; compare with the sender's public profile (fail closed without it).
    if (!facts.profile) return { ok: false, reason: "the App could not read your profile to rule out co-authorship" };
    const email = facts.profile.email ? lower(facts.profile.email) : null;
    const name = facts.profile.name ? lower(facts.profile.name) : null;
    if (
      (email && state.excluded.emails.includes(email)) ||
      (name && state.excluded.names.includes(name)) ||
      state.excluded.names.includes(lower(sender.login))
    )
      return { ok: false, reason: "co-authors of the PR's commits cannot approve it" };
  }
  const permission = facts.permission ?? "none";
  if (!WRITERS.has(permission))
    return {
      ok: false,
      reason: `approvers need write, maintain or admin permission (@${sender.login} has ${permission})`,
    };
  return { ok: true };
}

function teamKey(spec: string): string | null {
  const m = /^@?([\w.-]+)\/([\w.-]+)$/.exec(spec.trim());
  return m ? `${lower(m[1]!)}/${lower(m[2]!)}` : null;
}

/** The teams whose membership decides a route (`org/team`, lower-cased). */
function routeTeams(item: GateItem): string[] {
  const route = item.route;
  if (!route || route.unresolved) return [];
  const out: string[] = [];
  if (route.team) {
    const t = teamKey(route.team);
    if (t) out.push(t);
  }
  for (const o of route.owners ?? []) {
    const t = teamKey(o);
    if (t) out.push(t);
  }
  return out;
}

export function routeVerdict(sender: Actor, item: GateItem, facts: SenderFacts): Verdict {
  const route = item.route;
  if (!route) return { ok: true };
  if (route.unresolved) return { ok: false, reason: `nobody can tick this item: ${route.unresolved}` };
  if (route.team) {
    const t = teamKey(route.team);
    if (!t || facts.teams[t] !== true)
      return { ok: false, reason: `only members of @${route.team.replace(/^@/, "")} may tick this item` };
  }
  if (route.owners && route.owners.length > 0) {
    const me = `@${lower(sender.login)}`;
    if (route.owners.some((o) => lower(o) === me)) return { ok: true };
    if (route.owners.some((o) => facts.teams[teamKey(o) ?? ""] === true)) return { ok: true };
    return {
      ok: false,
      reason: `only code owners of the affected files may tick this item (${route.owners.join(", ")})`,
    };
  }
  return { ok: true };
}

/** What the loader must ask GitHub before a sender's flips can be judged (nothing when refused anyway). */
export function factsNeeded(sender: Actor, state: GateState, items: readonly GateItem[]): FactsNeeded {
  if (items.length === 0 || refusalWithoutFacts(sender, state)) return { permission: false, profile: false, teams: [] };
  const me = `@${lower(sender.login)}`;
  const teams = new Set<string>();
  for (const item of items) {
    // A code owner named by login needs no membership check.
    if (item.route?.owners?.some((o) => lower(o) === me)) continue;
    for (const t of routeTeams(item)) teams.add(t);
  }
  return {
    permission: true,
    profile: state.excluded.emails.length > 0 || state.excluded.names.length > 0,
    teams: [...teams].sort(),
  };
}

/** Ticks by people the record now excludes (they became authors, or the config names them machines). */
export function ineligibleTicks(state: GateState): string[] {
  return state.ticks.filter((t) => identityRefusal(t.by, state) !== null).map((t) => t.item);
}
