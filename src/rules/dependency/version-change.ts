import { dependencyFiles, listNames } from "../../deps/analyze.js";
import { bareName, formatDep, isDowngrade } from "../../deps/pairing.js";
import type { Rule, RuleFinding } from "../types.js";

/**
 * Dependency versions changed or dependencies removed in a manifest, grouped into ONE finding per
 * manifest (a Dependabot bump or a 40-package upgrade reads as one line, not forty). Lockfile
 * churn that accompanies its manifest is not reported again.
 */
export const versionChangeRule: Rule = {
  id: "dependency/version-change",
  category: "dependency",
  description: "Dependency versions changed or dependencies removed in a manifest (one finding per manifest).",
  severity: "low",
  remediation:
    "Read the changelogs of the changed packages for breaking changes, especially across major versions and for downgrades.",
  docs: {
    severity: "low",
    detects:
      "Versions changed and dependencies removed, **one finding per manifest** (`package.json: changes 3 versions: eslint ^8.57.0 → ^9.1.0, …; removes moment@^2.29.4`). Downgrades are marked. A Dependabot/Renovate bump is one low finding; the matching lockfile churn is not reported again.",
  },
  run(ctx) {
    const findings: RuleFinding[] = [];
    const analyses = dependencyFiles(ctx.files).filter((a) => a.dep.kind === "manifest");
    // Names added anywhere (to leave out removals that are one half of a swap the new-dependency rule reports).
    const addedBare = new Set<string>();
    for (const a of analyses) for (const d of a.added) addedBare.add(`${a.dep.ecosystem}\u0000${bareName(d.name)}`);
    for (const a of analyses) {
      const eco = a.dep.ecosystem;
      const removed = a.removed.filter((r) => !addedBare.has(`${eco}\u0000${bareName(r.name)}`));
      if (a.changed.length === 0 && removed.length === 0) continue;
      const parts: string[] = [];
      if (a.changed.length > 0) {
        const downgrades = a.changed.filter((c) => isDowngrade(c.from, c.to));
        const items = a.changed.map(
          (c) => `${c.name} ${c.from} → ${c.to}${isDowngrade(c.from, c.to) ? " (downgrade)" : ""}`,
        );
        const verb =
          a.changed.length === 1
            ? downgrades.length
              ? "downgrades"
              : "changes"
            : `changes ${a.changed.length} versions:`;
        parts.push(`${verb} ${listNames(items)}`);
      }
      if (removed.length > 0) parts.push(`removes ${listNames(removed.map((r) => formatDep(eco, r.name, r.spec)))}`);
      const first = a.changed[0];
      findings.push({
        file: a.file.path,
        line: first ? first.line : removed[0]!.line,
        side: first ? "new" : "old",
        message: `${a.file.path}: ${parts.join("; ")}`,
      });
    }
    return findings;
  },
};
