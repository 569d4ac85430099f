import type { Severity } from "../../types.js";
import { commandFinding, linePatternRule } from "../line-pattern.js";

const GIT_PUSH = /\bgit\s+(?:-[Cc]\s+\S+\s+)*push\b([^\n;&|]{0,300})/;
const GIT_RESET_HARD = /\bgit\s+(?:-[Cc]\s+\S+\s+)*reset\s+(?:[^\n;&|]{0,100}\s)?--hard\b/;
const GIT_CLEAN = /\bgit\s+(?:-[Cc]\s+\S+\s+)*clean\s+(-[a-zA-Z]*[fF][a-zA-Z]*)/;

/**
 * A push of tags: `refs/tags/…`, `--tags`, a version-like ref (`v1`, `v2.3`), or a ref held in a
 * variable named for a tag or version (`"$major"`, `${TAG}`, `${{ steps.v.outputs.tag }}`).
 */
const TAG_REF =
  /\s["']?\+?refs\/tags\/|\s--tags\b|\s["']?\+?v?\d+(?:\.\d+){0,2}["']?(?=\s)|\s["']?\+?(?:\$\{\{[^}]{0,80}(?:tag|major|minor|version)[^}]{0,40}\}\}|\$\{?\w*(?:tag|major|minor|version)\w*\}?)["']?(?=\s)/i;

interface GitRewrite {
  what: string;
  severity: Severity;
}

/** The history-rewriting or work-discarding git command on a line, or null. */
export function gitRewriteOf(text: string): GitRewrite | null {
  if (text.includes("push")) {
    const p = GIT_PUSH.exec(text);
    if (p) {
      const args = ` ${p[1]!} `;
      if (/\s--force-with-lease\b|\s--force-if-includes\b/.test(args))
        return { what: "git push --force-with-lease (rewrites the remote branch)", severity: "medium" };
      if (/\s(?:--force|-f|-[a-zA-Z]*f[a-zA-Z]*)\s/.test(args) || /\s\+[\w/${}.-]*:?[\w/${}.-]+\s/.test(args)) {
        // Moving a release tag (`v1` to the new release) repoints one ref; no branch history is lost.
        if (TAG_REF.test(args))
          return { what: "git push --force of a tag (moves the tag to another commit)", severity: "low" };
        const target = /\s([\w.-]+(?::[\w/.-]+)?)\s*$/.exec(p[1]!.trim() ? ` ${p[1]!.trim()}` : "")?.[1];
        return {
          what: `git push --force${target ? ` to ${target}` : ""} (overwrites remote history)`,
          severity: "high",
        };
      }
    }
  }
  if (text.includes("reset") && GIT_RESET_HARD.test(text))
    return { what: "git reset --hard (discards commits and local changes)", severity: "medium" };
  if (text.includes("clean")) {
    const c = GIT_CLEAN.exec(text);
    if (c && /[dx]/.test(c[1]!))
      return { what: `git clean ${c[1]} (deletes untracked and ignored files)`, severity: "medium" };
  }
  return null;
}

export const gitHistoryRewriteRule = linePatternRule({
  id: "destructive-command/git-history-rewrite",
  category: "destructive-command",
  description:
    "Automation that force-pushes (rewrites remote history) or discards work: git push --force, git reset --hard, git clean -fdx.",
  severity: "high",
  remediation:
    "Push to a dedicated branch without --force (or with --force-with-lease on a bot-owned branch); never force-push shared branches.",
  docs: {
    severity: "high / medium",
    detects:
      '`git push --force`/`-f`/`+ref` (high); `--force-with-lease`, `git reset --hard`, `git clean -fdx` (medium); a forced push that moves a tag (`refs/tags/…`, `--tags`, `v1`, `"$major"`) is low: a release workflow moving its major tag loses no history.',
  },
  scope: "commands",
  lines: "commands",
  hint: /\bgit\b[^\n]{0,300}\b(?:push|reset|clean)\b/,
  patterns: [
    {
      keyword: "git",
      detect(text) {
        const g = gitRewriteOf(text);
        return g ? [{ label: g.what, severity: g.severity }] : [];
      },
    },
  ],
  message: commandFinding,
  samples: {
    path: ".github/workflows/release.yml",
    match: [
      "      - run: git push --force origin main",
      "      - run: git push -f",
      "      - run: git push origin +HEAD:main",
      "      - run: git push --force-with-lease origin bot/update",
      "      - run: git reset --hard origin/main",
      "      - run: git clean -fdx",
    ],
    noMatch: ["      - run: git push origin main", "      - run: git reset --soft HEAD~1", "      - run: git clean -n"],
  },
});
