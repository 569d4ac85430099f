import { compileGlobs, type PathMatcher } from "../../src/util/paths.js";

/** CODEOWNERS, read from the base branch (a PR cannot make its author an owner of what it changes). */

export const CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

interface Rule {
  match: PathMatcher;
  owners: string[];
}

export interface Codeowners {
  /** Owners (`@user`, `@org/team`, emails) of a path: the last matching rule wins, as on GitHub. */
  ownersOf(path: string): string[];
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
    if (!pattern || pattern.startsWith("!") || pattern.includes("[")) continue;
    try {
      rules.push({ match: compileGlobs(toGlobs(pattern)), owners: owners.filter((o) => o.startsWith("@")) });
    } catch {
      // GitHub ignores lines it cannot parse; so do we.
    }
  }
  return {
    ownersOf(path) {
      for (let i = rules.length - 1; i >= 0; i--) if (rules[i]!.match(path)) return rules[i]!.owners;
      return [];
    },
  };
}
