import { dependencyFiles, listNames } from "../../deps/analyze.js";
import { hostOf, pinnedRevision, type SourceKind, type SourceRef } from "../../deps/sources.js";
import { quote } from "../../text/quote.js";
import { type Severity, severityRank } from "../../types.js";
import type { Rule, RuleFinding } from "../types.js";

const MAX_TARGET = 160;

function short(s: string): string {
  return quote(s, MAX_TARGET);
}

function describe(s: SourceRef): string {
  const who = s.name ? `${s.name} ` : "";
  const t = short(s.target);
  const what: Record<SourceKind, string> = {
    git: `${who}installs from git (${t}) instead of the registry`,
    url: `${who}installs from a URL (${t}) instead of the registry`,
    registry: `adds a package source outside the public registry: ${t}`,
    path: `${who}installs from a local path (${t})`,
    archive: `${who}installs from a local archive (${t})`,
    alias: `${who}is an alias for a differently named package (${t})`,
    fork: `replaces ${who}with ${t}`,
    tls: `weakens TLS for package downloads (${t})`,
  };
  return what[s.kind];
}

/**
 * A source the project already installed from, re-pointed (a module's `?ref=` bumped, `git://` moved to
 * `https://`): low while it stays pinned to a commit or version tag, medium when it now follows a branch.
 */
function updatedSeverity(s: SourceRef): Severity {
  return pinnedRevision(s.target) || !pinnedRevision(s.previous ?? "") ? "low" : "medium";
}

function describeUpdate(s: SourceRef): string {
  const who = s.name ? `${s.name} ` : "";
  return `${who}still installs from the same repository as before (${short(s.target)}, was ${short(s.previous ?? "")})${pinnedRevision(s.target) ? "" : ": not pinned to a commit or version tag"}`;
}

/**
 * Dependencies that bypass the ecosystem's public registry: git and URL specs, GitHub shorthands,
 * extra package indexes and registries (dependency-confusion risk), go `replace` to another
 * module, npm aliases, local archives, TLS verification switched off for installs, and lockfile
 * entries resolved from a host other than the public registry (grouped per lockfile and host).
 */
export const nonRegistrySourceRule: Rule = {
  id: "dependency/non-registry-source",
  category: "dependency",
  description:
    "A dependency or lockfile entry comes from git, a URL, another registry or a fork instead of the public registry.",
  severity: "high",
  remediation:
    "Pin registry releases where possible; if the source is intended, pin it to an immutable commit or checksum and record why.",
  docs: {
    severity:
      '**high**; a source the project already used, re-pointed (ref bumped, `git://` → `https://`) low, medium when it no longer pins a commit or version tag; npm alias to a differently named package (`"lodash": "npm:other@1"`) medium; local directory paths (`file:../ui`, go `replace => ../lib`, Cargo `path =`) low; local archives (`file:x.tgz`) high',
    detects:
      "Sources other than the ecosystem's public registry: git specs (`git+https://`, `github:owner/repo`, `owner/repo#ref`, Cargo/Poetry/uv `git =`, Gemfile `git:`/`github:`), tarball URLs, pip `--index-url`/`--extra-index-url`/`--find-links`, Poetry/uv/PDM sources, Gemfile `source` changes, Maven `<repository>`, Gradle `maven { url }`, Composer `repositories`, NuGet `packageSources`, `.npmrc`/`.yarnrc` registries, Cargo source replacement, go `replace` to another module, Terraform modules from git; lockfile entries resolved from another host (`resolved`, `resolution`, `tarball`, `source`, `remote:`), grouped per lockfile and host; TLS verification switched off for installs (`strict-ssl=false`, `--trusted-host`).",
  },
  run(ctx) {
    const findings: RuleFinding[] = [];
    for (const a of dependencyFiles(ctx.files)) {
      if (a.sources.length === 0) continue;
      if (a.dep.kind !== "lockfile") {
        for (const s of a.sources)
          findings.push({
            file: a.file.path,
            line: s.line,
            severity: s.previous ? updatedSeverity(s) : s.severity,
            message: `${a.file.path}: ${s.previous ? describeUpdate(s) : describe(s)}`,
          });
        continue;
      }
      // Lockfiles: one finding per (kind, host) with the packages it resolves.
      const groups = new Map<string, SourceRef[]>();
      for (const s of a.sources) {
        const key = `${s.kind}\u0000${s.kind === "git" ? s.target : hostOf(s.target)}`;
        const g = groups.get(key);
        if (g) g.push(s);
        else groups.set(key, [s]);
      }
      for (const g of groups.values()) {
        const first = g[0]!;
        const names = [...new Set(g.map((s) => s.name).filter((n): n is string => !!n))];
        const where = first.kind === "git" ? `git (${short(first.target)})` : `host ${hostOf(first.target)}`;
        const pkgs = names.length > 0 ? `: ${listNames(names)}` : "";
        const severityOf = (s: SourceRef) => (s.previous ? updatedSeverity(s) : s.severity);
        const severity = g.reduce(
          (m, s) => (severityRank(severityOf(s)) > severityRank(m) ? severityOf(s) : m),
          severityOf(first),
        );
        const updated = g.every((s) => s.previous);
        findings.push({
          file: a.file.path,
          line: first.line,
          severity,
          message: updated
            ? `${a.file.path} still resolves ${g.length === 1 ? "a package" : `${g.length} entries`} from ${where}, as before (ref or transport changed)${pkgs}`
            : `${a.file.path} resolves ${g.length === 1 ? "a package" : `${g.length} entries`} from ${where}, not the public registry${pkgs}`,
        });
      }
    }
    return findings;
  },
};
