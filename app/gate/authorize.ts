import type { Disqualified, GateItem } from "./state.js";

/**
 * Who may tick. A tick counts only when the sender is a human, not the PR author, not an author or
 * co-author of any commit in the PR, not whoever asked the agent for the change, has write, maintain or
 * admin permission, and (when the config routes the item) is in the team or among the code owners.
 * Every check fails closed: an API error refuses the tick rather than accepting it.
 */

export interface Sender {
  login: string;
  id: number;
  type: string;
}

export interface AuthorizeDeps {
  /** The legacy `permission` field of the collaborator permission API: admin, write, read or none. */
  permission(login: string): Promise<string>;
  teamMember(org: string, teamSlug: string, login: string): Promise<boolean>;
  /** Public profile, only asked when some co-author could not be mapped to a login. */
  profile(login: string): Promise<{ name: string | null; email: string | null }>;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

const lower = (s: string) => s.trim().toLowerCase();

export function isBotSender(sender: Sender): boolean {
  return sender.type !== "User" || /\[bot\]$/i.test(sender.login);
}

/** The person-level checks, cached per event: the same answer for every item the sender touched. */
export async function authorizePerson(
  sender: Sender,
  prAuthor: string | null,
  disqualified: Disqualified,
  deps: AuthorizeDeps,
): Promise<Verdict> {
  if (isBotSender(sender)) return { ok: false, reason: "bots and apps cannot approve" };
  const login = lower(sender.login);
  if (prAuthor && lower(prAuthor) === login) return { ok: false, reason: "the PR author cannot approve their own PR" };
  if (disqualified.logins.includes(login))
    return {
      ok: false,
      reason: "authors and co-authors of the PR's commits, and whoever asked the agent for it, cannot approve it",
    };
  if (disqualified.emails.length > 0 || disqualified.names.length > 0) {
    // Trailers name people by name and email; compare with the sender's public profile too.
    const p = await deps.profile(sender.login);
    const email = p.email ? lower(p.email) : null;
    const name = p.name ? lower(p.name) : null;
    if (
      (email && disqualified.emails.includes(email)) ||
      (name && disqualified.names.includes(name)) ||
      disqualified.names.includes(login)
    )
      return { ok: false, reason: "co-authors of the PR's commits cannot approve it" };
  }
  const permission = await deps.permission(sender.login);
  if (permission !== "admin" && permission !== "write" && permission !== "maintain")
    return {
      ok: false,
      reason: `approvers need write, maintain or admin permission (@${sender.login} has ${permission})`,
    };
  return { ok: true };
}

function splitTeam(team: string): [string, string] | null {
  const m = /^@?([\w.-]+)\/([\w.-]+)$/.exec(team.trim());
  return m ? [m[1]!, m[2]!] : null;
}

/** The item-level check: team or code-owner routing. */
export async function authorizeItem(sender: Sender, item: GateItem, deps: AuthorizeDeps): Promise<Verdict> {
  const route = item.route;
  if (!route) return { ok: true };
  if (route.team) {
    const t = splitTeam(route.team);
    if (!t || !(await deps.teamMember(t[0], t[1], sender.login)))
      return { ok: false, reason: `only members of @${route.team.replace(/^@/, "")} may tick this item` };
  }
  if (route.owners && route.owners.length > 0) {
    const login = `@${lower(sender.login)}`;
    if (route.owners.some((o) => lower(o) === login)) return { ok: true };
    for (const owner of route.owners) {
      const t = splitTeam(owner);
      if (t && (await deps.teamMember(t[0], t[1], sender.login))) return { ok: true };
    }
    return {
      ok: false,
      reason: `only code owners of the affected files may tick this item (${route.owners.join(", ")})`,
    };
  }
  return { ok: true };
}

const SERVICE_ADDRESS = /^(?:no-?reply|bot|agent)[^@]*@|\[bot\]@/i;
const NOREPLY = /^(?:(\d+)\+)?([a-z0-9-]+)@users\.noreply\.github\.com$/i;
/** Service identities that appear as committers without being a person who wrote the change. */
const NON_PEOPLE = new Set(["web-flow", "github", "noreply@github.com"]);

export interface PersonRef {
  login?: string | null;
  name?: string | null;
  email?: string | null;
}

/** Build the disqualified set from commit authors/committers, co-author trailers and requesters. */
export function buildDisqualified(people: readonly PersonRef[], requesters: readonly string[]): Disqualified {
  const logins = new Set<string>();
  const emails = new Set<string>();
  const names = new Set<string>();
  const add = (p: PersonRef) => {
    if (p.login && !NON_PEOPLE.has(lower(p.login))) {
      logins.add(lower(p.login).replace(/^@/, ""));
      return;
    }
    const email = p.email ? lower(p.email) : "";
    const nr = NOREPLY.exec(email);
    if (nr) {
      logins.add(lower(nr[2]!));
      return;
    }
    // Service addresses (agents sign as noreply@vendor) belong to no human profile: skip them, so the
    // common agent trailer does not cost a profile lookup on every tick.
    if (SERVICE_ADDRESS.test(email) || (p.name && /\[bot\]$/i.test(p.name))) return;
    if (email && !NON_PEOPLE.has(email)) emails.add(email);
    if (p.name && !NON_PEOPLE.has(lower(p.name))) names.add(lower(p.name));
  };
  for (const p of people) add(p);
  for (const r of requesters) {
    const s = r.trim();
    if (!s) continue;
    if (s.includes("@") && !s.startsWith("@")) add({ email: s });
    else if (/^@?[a-z0-9](?:[a-z0-9-]{0,38})$/i.test(s)) logins.add(lower(s).replace(/^@/, ""));
    else names.add(lower(s));
  }
  return { logins: [...logins].sort(), emails: [...emails].sort(), names: [...names].sort() };
}

const CO_AUTHOR = /^co-authored-by:\s*(.*?)\s*<([^<>\s]+)>\s*$/i;

/** `Co-authored-by: Name <email>` trailers of a commit message. */
export function coAuthors(message: string): PersonRef[] {
  const out: PersonRef[] = [];
  for (const line of message.split(/\r?\n/).slice(-50)) {
    const m = CO_AUTHOR.exec(line.trim());
    if (m) out.push({ name: m[1] || null, email: m[2]! });
  }
  return out;
}
