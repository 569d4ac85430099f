import { dependencyFiles, listNames } from "../../deps/analyze.js";
import type { DepRef } from "../../deps/manifests/index.js";
import { bareName, formatDep } from "../../deps/pairing.js";
import type { Rule, RuleFinding } from "../types.js";

/** More new dependencies than this in one manifest are reported as one grouped finding. */
const MAX_INDIVIDUAL = 5;

/**
 * New dependencies declared in a manifest, named with their version. A dependency that replaces a
 * removed one with the same bare name from another publisher (`skia-canvas` → `@someone/skia-canvas`,
 * `github.com/a/x` → `github.com/b/x`) is raised to medium: swapping in a fork moves trust.
 */
export const newDependencyRule: Rule = {
  id: "dependency/new-dependency",
  category: "dependency",
  description: "A manifest declares a new dependency (or swaps one for a same-named package from another publisher).",
  severity: "low",
  remediation:
    "Check that each new package is the intended, maintained project (name, publisher, licence, install scripts) and that the lockfile pins it.",
  docs: {
    severity:
      "low; **medium** when it replaces a removed dependency with the same bare name from another publisher (`skia-canvas` → `@someone/skia-canvas`, `github.com/a/x` → `github.com/b/x`): a swap to a fork",
    detects:
      "A dependency declared in a manifest that was not there: `package.json: adds dependency left-pad@^1.3.0`. Up to 5 per manifest are reported one by one, more as one grouped finding.",
  },
  run(ctx) {
    const analyses = dependencyFiles(ctx.files).filter((a) => a.dep.kind === "manifest");
    // Removed dependencies anywhere in the PR, by ecosystem and bare name, to spot swaps to forks.
    const removedByBare = new Map<string, string>();
    for (const a of analyses)
      for (const r of a.removed) removedByBare.set(`${a.dep.ecosystem}\u0000${bareName(r.name)}`, r.name);
    const findings: RuleFinding[] = [];
    for (const a of analyses) {
      if (a.added.length === 0) continue;
      const eco = a.dep.ecosystem;
      const plain: DepRef[] = [];
      for (const d of a.added) {
        const replaced = d.name.startsWith("@types/")
          ? undefined
          : removedByBare.get(`${eco}\u0000${bareName(d.name)}`);
        if (replaced && replaced !== d.name) {
          findings.push({
            file: a.file.path,
            line: d.line,
            severity: "medium",
            message: `${a.file.path}: replaces ${replaced} with ${formatDep(eco, d.name, d.spec)}, a same-named package from another publisher (a fork?)`,
            remediation:
              "Confirm who publishes the replacement, why the original is not used, and diff the fork against upstream before merging.",
          });
        } else plain.push(d);
      }
      if (plain.length === 0) continue;
      if (plain.length <= MAX_INDIVIDUAL) {
        for (const d of plain)
          findings.push({
            file: a.file.path,
            line: d.line,
            message: `${a.file.path}: adds dependency ${formatDep(eco, d.name, d.spec)}`,
          });
      } else {
        findings.push({
          file: a.file.path,
          line: plain[0]!.line,
          message: `${a.file.path}: adds ${plain.length} dependencies: ${listNames(
            plain.map((d) => formatDep(eco, d.name, d.spec)),
          )}`,
        });
      }
    }
    return findings;
  },
};
