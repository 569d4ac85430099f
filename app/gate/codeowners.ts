import { compileGlobs, type PathMatcher } from "../../src/util/paths.js";

/**
 * CODEOWNERS, read from the base branch (a PR cannot make its author an owner of what it changes).
 * Routing fails closed: an item whose files cannot all be given an owner the App can check (no file,
 * no matching rule, a rule naming only email addresses) gets an `unresolved` reason and nobody can
 * tick it until CODEOWNERS on the base branch covers those files.
 */

export const CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

interface Rule {
  pattern: string;
  match: PathMatcher;
  owners: string[];
}

export interface OwnersOf {
  /** The last matching rule's pattern, or null when none matches. */
  pattern: string | null;
  /** Its `@user` and `@org/team` owners (email owners cannot be checked and are dropped). */
  owners: string[];
}

export interface Codeowners {
  ownersOf(path: string): OwnersOf;
}

function toGlobs(pattern: string): string[] {
  let p = pattern;
  const anchored = p.startsWith("/");
  if (anchored) p = p.slice(1);
  const dir = p.endsWith("/");
  if (dir) p = p.slice(0, -1);
  // A pattern without an inner slash matches at any depth, like .gitignore.
  const base = anchored || p.includes("/") ? p : `**/${p}`;
  // A name can be a directory too: its whole subtree is owned.
  return dir ? [`${base}/**`] : [base, `${base}/**`];
}

export function parseCodeowners(text: string): Codeowners {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/).slice(0, 5000)) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) continue;
    const [pattern, ...owners] = line.split(/\s+/);
    // GitHub does not support `!` negation or `[...]` ranges and skips such lines; so do we.
    if (!pattern || pattern.startsWith("!") || pattern.includes("[")) continue;
    try {
      rules.push({ pattern, match: compileGlobs(toGlobs(pattern)), owners: owners.filter((o) => o.startsWith("@")) });
    } catch {
      // GitHub ignores lines it cannot parse; so do we.
    }
  }
  return {
    ownersOf(path) {
      for (let i = rules.length - 1; i >= 0; i--)
        if (rules[i]!.match(path)) return { pattern: rules[i]!.pattern, owners: rules[i]!.owners };
      return { pattern: null, owners: [] };
    },
  };
}

export type OwnerRoute = { owners: string[] } | { unresolved: string };

/** The owners who may tick an item covering `files`: any owner of its files, provided every file has one. */
export function routeByOwners(text: string | null, files: readonly string[]): OwnerRoute {
  if (text === null) return { unresolved: "the base branch has no CODEOWNERS file" };
  const co = parseCodeowners(text);
  const owners: string[] = [];
  for (const f of files) {
    const o = co.ownersOf(f);
    if (o.pattern === null) return { unresolved: `no CODEOWNERS rule on the base branch covers ${f}` };
    if (o.owners.length === 0)
      return { unresolved: `the CODEOWNERS rule for ${f} (${o.pattern}) names no GitHub user or team` };
    for (const x of o.owners) if (!owners.includes(x)) owners.push(x);
  }
  if (owners.length === 0) return { unresolved: "the item has no files to find code owners for" };
  return { owners: owners.slice(0, 20) };
}
