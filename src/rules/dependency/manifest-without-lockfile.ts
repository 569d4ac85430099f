import { dependencyFiles } from "../../deps/analyze.js";
import { lockfileBasenamesFor } from "../../deps/files.js";
import { buildPairing } from "../../deps/pairing.js";
import { dirnameOf } from "../../util/paths.js";
import type { Rule, RuleFinding } from "../types.js";

/**
 * A manifest's dependencies changed but no lockfile of its ecosystem changed in its directory or
 * above: the committed lock no longer matches, so CI and production install something different
 * from what was reviewed (or the lock update comes later, unreviewed). Only for manifests whose
 * ecosystem normally commits a lock (package.json, Pipfile, go.mod, Cargo.toml, Gemfile, composer.json).
 */
export const manifestWithoutLockfileRule: Rule = {
  id: "dependency/manifest-without-lockfile",
  category: "dependency",
  description: "A manifest's dependencies changed but its lockfile did not (the lock is out of date).",
  severity: "low",
  remediation: "Run the package manager so the lockfile matches the manifest and commit both together.",
  docs: {
    severity: "low",
    detects:
      "A manifest's dependencies were added or changed but no lockfile of its ecosystem changed in its directory or an ancestor (workspaces keep one lock at the root). Only for manifests whose ecosystem commits a lock: `package.json`, `Pipfile`, `go.mod`, `Cargo.toml`, `Gemfile`, `composer.json`.",
  },
  run(ctx) {
    const pairing = buildPairing(ctx.allFiles);
    const findings: RuleFinding[] = [];
    for (const a of dependencyFiles(ctx.files)) {
      if (a.dep.kind !== "manifest" || !a.dep.expectsLockfile) continue;
      if (a.added.length === 0 && a.changed.length === 0) continue;
      const locks = lockfileBasenamesFor(a.dep.ecosystem, a.dep.format);
      if (locks.length === 0 || pairing.lockChangedAtOrAbove(locks, dirnameOf(a.file.path))) continue;
      const n = a.added.length + a.changed.length;
      const first = a.changed[0]?.line ?? a.added[0]!.line;
      findings.push({
        file: a.file.path,
        line: first,
        message: `${a.file.path} changes ${n} dependenc${n === 1 ? "y" : "ies"} but no ${locks.slice(0, 4).join("/")} changed with it`,
      });
    }
    return findings;
  },
};
