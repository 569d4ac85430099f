import { DEFAULT_CONFIG_PATH } from "../../config/paths.js";
import { basenameOf } from "../../util/paths.js";
import type { Rule, RuleFinding } from "../types.js";

/** What a repository-governance file controls, or null when the path is not one. */
export function governanceKind(path: string): string | null {
  const base = basenameOf(path);
  if (path === DEFAULT_CONFIG_PATH || path === ".github/ai-review-gate.yaml")
    return "this repository's ai-review-gate configuration (the gate reviewing this PR)";
  if (
    base === "CODEOWNERS" &&
    (path === base || path.startsWith(".github/") || path.startsWith("docs/") || path.startsWith(".gitlab/"))
  )
    return "CODEOWNERS (who must review which paths)";
  if (path.startsWith(".github/rulesets/")) return "a repository ruleset";
  if (/^\.github\/(?:settings|repository)\.ya?ml$/.test(path)) return "repository settings (branch protection as code)";
  if (
    /^\.github\/branch[-_]protection/.test(path) ||
    /(?:^|\/)branch[-_]protection[^/]*\.(?:ya?ml|json|tf)$/.test(path)
  )
    return "branch protection rules";
  return null;
}

export const governanceFileChangedRule: Rule = {
  id: "ci-workflow/governance-file-changed",
  category: "ci-workflow",
  description:
    "CODEOWNERS, repository rulesets or branch-protection files, or this project's own gate config (.github/ai-review-gate.yml) changed.",
  severity: "high",
  remediation:
    "Have a repository admin review the change: it alters who must approve, which checks are required, or how this gate scores PRs.",
  docs: {
    severity: "high",
    detects:
      "`CODEOWNERS`, `.github/rulesets/**`, `.github/settings.yml` (branch protection as code), branch-protection files, and this project's own config `.github/ai-review-gate.yml` (an agent weakening its own gate). Checked on every file, including paths the config ignores.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    // allFiles: a config that ignores its own path must not hide the change.
    for (const file of ctx.allFiles) {
      const kind = governanceKind(file.path) ?? (file.oldPath ? governanceKind(file.oldPath) : null);
      if (!kind) continue;
      const verb = file.status === "added" ? "added" : file.status === "deleted" ? "deleted" : "changed";
      const first = file.added[0] ?? null;
      const firstRemoved = file.removed[0] ?? null;
      out.push({
        file: file.path,
        line: file.status === "deleted" ? null : (first?.line ?? firstRemoved?.line ?? null),
        side: file.status === "deleted" || (!first && firstRemoved) ? "old" : "new",
        message: `${file.path} ${verb}: ${kind}`,
      });
    }
    return out;
  },
};
