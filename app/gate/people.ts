import type { Actor, PullCommit } from "../../src/github/port.js";
import type { Exclusions } from "./state.js";

/**
 * Who may never approve a pull request: its author, the authors, committers and `Co-authored-by`
 * co-authors of its commits, and whoever asked the agent for it. Captured by numeric account id
 * wherever GitHub or a noreply address gives one (a rename then changes nothing), and remembered: the
 * record only ever grows, so unassigning oneself, deleting a "Requested by" line or force-pushing the
 * commits away never re-qualifies anyone.
 */

/** More identities than one record holds: past this, nobody can approve (fail closed). */
export const MAX_EXCLUDED = 1000;

const SERVICE_ADDRESS = /^(?:no-?reply|bot|agent)[^@]*@|\[bot\]@/i;
const NOREPLY = /^(?:(\d+)\+)?([a-z0-9](?:[a-z0-9-]{0,38}))@users\.noreply\.github\.com$/i;
const LOGIN = /^@?([a-z0-9](?:[a-z0-9-]{0,38}))$/i;
/** Service identities that appear as committers without being a person who wrote the change. */
const NON_PEOPLE = new Set(["web-flow", "github", "noreply@github.com"]);
const CO_AUTHOR = /^co-authored-by:\s*(.*?)\s*<([^<>\s]+)>\s*$/i;

const lower = (s: string) => s.trim().toLowerCase();

export function emptyExclusions(): Exclusions {
  return { ids: [], logins: [], emails: [], names: [], overflow: false };
}

interface Person {
  user?: Actor | null;
  name?: string | null;
  email?: string | null;
}

/** `Co-authored-by: Name <email>` trailers of a commit message (the last 50 lines, where trailers live). */
export function coAuthors(message: string): Person[] {
  const out: Person[] = [];
  for (const line of message.split(/\r?\n/).slice(-50)) {
    const m = CO_AUTHOR.exec(line.trim());
    if (m) out.push({ name: m[1] || null, email: m[2]! });
  }
  return out;
}

export interface CaptureInput {
  author: Actor | null;
  commits: readonly PullCommit[];
  /** AI detection's requesters: logins, emails or names. */
  requesters: readonly string[];
  /** Accounts the PR names (assignees), to map a requester's login to its id without a request. */
  known: readonly Actor[];
  /** Logins looked up by the loader (lower-cased login → account, null when GitHub has none). */
  resolved: ReadonlyMap<string, Actor | null>;
}

class Collector {
  readonly ids = new Set<number>();
  readonly logins = new Set<string>();
  readonly emails = new Set<string>();
  readonly names = new Set<string>();
  constructor(private readonly input: CaptureInput) {}

  login(raw: string, id?: number): void {
    const login = lower(raw).replace(/^@/, "");
    if (!login || NON_PEOPLE.has(login)) return;
    if (id !== undefined) {
      this.ids.add(id);
      return;
    }
    const known = this.input.known.find((a) => lower(a.login) === login) ?? this.input.resolved.get(login);
    // Keep the login as well as the id: the login may since have been renamed or reused.
    if (known) this.ids.add(known.id);
    this.logins.add(login);
  }

  person(p: Person): void {
    if (p.user && p.user.type !== "Bot") {
      if (!NON_PEOPLE.has(lower(p.user.login))) this.ids.add(p.user.id);
      return;
    }
    if (p.user) return; // a bot account (an agent) is not a person who could approve anyway
    const email = p.email ? lower(p.email) : "";
    const noreply = NOREPLY.exec(email);
    if (noreply) {
      this.login(noreply[2]!, noreply[1] ? Number(noreply[1]) : undefined);
      return;
    }
    // Service addresses (agents sign as noreply@vendor) belong to no human profile.
    if (SERVICE_ADDRESS.test(email) || (p.name && /\[bot\]$/i.test(p.name))) return;
    if (email && !NON_PEOPLE.has(email)) this.emails.add(email);
    if (p.name && !NON_PEOPLE.has(lower(p.name))) this.names.add(lower(p.name));
  }

  requester(raw: string): void {
    const s = raw.trim();
    if (!s) return;
    if (s.includes("@") && !s.startsWith("@")) this.person({ email: s });
    else if (LOGIN.test(s)) this.login(s);
    else this.names.add(lower(s));
  }

  result(): Exclusions {
    const sorted = <T>(set: Set<T>) => [...set].sort();
    return {
      ids: [...this.ids].sort((a, b) => a - b),
      logins: sorted(this.logins),
      emails: sorted(this.emails),
      names: sorted(this.names),
      overflow: false,
    };
  }
}

/** The people this PR as it is now excludes (the caller unions them with the remembered ones). */
export function capturePeople(input: CaptureInput): Exclusions {
  const c = new Collector(input);
  if (input.author) c.login(input.author.login, input.author.id);
  for (const commit of input.commits) {
    c.person(commit.author);
    c.person(commit.committer);
    for (const p of coAuthors(commit.message)) c.person(p);
  }
  for (const r of input.requesters) c.requester(r);
  return c.result();
}

/** Logins the capture could not map to an account id: the loader looks them up (bounded). */
export function loginsToResolve(input: Omit<CaptureInput, "resolved">, remembered: Exclusions | null): string[] {
  const captured = capturePeople({ ...input, resolved: new Map() });
  const mapped = new Set(input.known.map((a) => lower(a.login)));
  return captured.logins.filter((l) => !mapped.has(l) && !remembered?.logins.includes(l));
}

function exclusionCount(e: Exclusions): number {
  return e.ids.length + e.logins.length + e.emails.length + e.names.length;
}

/** Remembered ∪ seen now. Past MAX_EXCLUDED the record keeps what it has and marks itself overflowed for good. */
export function unionExclusions(remembered: Exclusions, seen: Exclusions): Exclusions {
  const merge = <T>(x: readonly T[], y: readonly T[]) => [...new Set([...x, ...y])].sort();
  const union: Exclusions = {
    ids: [...new Set([...remembered.ids, ...seen.ids])].sort((x, y) => x - y),
    logins: merge(remembered.logins, seen.logins),
    emails: merge(remembered.emails, seen.emails),
    names: merge(remembered.names, seen.names),
    overflow: remembered.overflow || seen.overflow,
  };
  if (exclusionCount(union) <= MAX_EXCLUDED) return union;
  return { ...remembered, overflow: true };
}
