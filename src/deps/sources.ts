import type { Ecosystem } from "./files.js";

/**
 * Where a dependency comes from. The public registry of each ecosystem is the expected source;
 * anything else (a git repository, a tarball URL, another registry, a local archive) bypasses the
 * registry's publishing trail and deserves a human look.
 */

export type SourceKind = "git" | "url" | "registry" | "path" | "archive" | "alias" | "fork" | "tls";

export interface SourceRef {
  line: number;
  kind: SourceKind;
  /** The URL, path, alias or fork target, as written (trimmed). */
  target: string;
  /** The dependency it applies to, when the line names one. */
  name?: string;
  severity: "low" | "medium" | "high";
  /** Set when the removed lines already installed from the same repository: its earlier target. */
  previous?: string;
}

/** Hosts (optionally with a path prefix) of each ecosystem's public registry. */
const PUBLIC_REGISTRIES: Record<Ecosystem, readonly string[]> = {
  npm: ["registry.npmjs.org", "registry.npmjs.com", "registry.yarnpkg.com"],
  python: ["pypi.org", "files.pythonhosted.org", "pypi.python.org"],
  go: ["proxy.golang.org", "sum.golang.org"],
  cargo: ["index.crates.io", "static.crates.io", "crates.io", "github.com/rust-lang/crates.io-index"],
  ruby: ["rubygems.org", "index.rubygems.org"],
  maven: [
    "repo.maven.apache.org",
    "repo1.maven.org",
    "central.sonatype.com",
    "plugins.gradle.org",
    "maven.google.com",
    "dl.google.com",
  ],
  gradle: [
    "repo.maven.apache.org",
    "repo1.maven.org",
    "central.sonatype.com",
    "plugins.gradle.org",
    "maven.google.com",
    "dl.google.com",
  ],
  composer: ["repo.packagist.org", "packagist.org"],
  nuget: ["api.nuget.org", "www.nuget.org", "nuget.org"],
  terraform: ["registry.terraform.io", "registry.opentofu.org"],
};

/** First URL on a line. Bounded character classes, no nested quantifiers. */
const URL_RE = /\b((?:git\+|registry\+|sparse\+)?(?:https?|ssh|git|svn):\/\/[^\s"'<>,;{}()[\]\\]{1,2000})/;

export function findUrl(text: string): string | null {
  const m = URL_RE.exec(text);
  return m ? m[1]! : null;
}

/** Host plus path of a URL, lower-cased host, without scheme, credentials, port or query. */
export function urlHostPath(url: string): { host: string; path: string } | null {
  const m = /^(?:[a-z]+\+)?[a-z]+:\/\/(?:[^@/\s]{1,300}@)?([^/:?#\s]{1,300})(?::\d{1,5})?([^?#\s]*)/i.exec(url);
  if (!m) return null;
  return { host: m[1]!.toLowerCase(), path: m[2] ?? "" };
}

export function hostOf(url: string): string {
  return urlHostPath(url)?.host ?? url;
}

/** True when the URL is the ecosystem's public registry (host match, or host+path prefix). */
export function isPublicRegistryUrl(ecosystem: Ecosystem, url: string): boolean {
  const hp = urlHostPath(url);
  if (!hp) return false;
  const full = hp.host + hp.path;
  return PUBLIC_REGISTRIES[ecosystem].some((r) =>
    r.includes("/") ? full === r || full.startsWith(`${r}/`) || full.startsWith(`${r}.git`) : hp.host === r,
  );
}

/**
 * Classify a URL found where a dependency source is expected: a git transport or repository is
 * `git`, the public registry is null (fine), anything else is `url`.
 */
export function classifyUrl(ecosystem: Ecosystem, url: string): SourceKind | null {
  if (/^git[+:]|^ssh:|\.git(?:$|[#?/])/.test(url)) return "git";
  if (isPublicRegistryUrl(ecosystem, url)) return null;
  return "url";
}

const ARCHIVE_RE = /\.(?:tgz|tar\.gz|tar|zip|whl|gem|jar|nupkg)$/i;

/**
 * An npm dependency spec that does not come from the registry: git, tarball URL, GitHub shorthand,
 * local path or an alias to a differently named package. Null for ordinary semver ranges and tags.
 */
export function classifyNpmSpec(name: string, spec: string): { kind: SourceKind; target: string } | null {
  const s = spec.trim();
  if (/^(?:git\+|git:|git@|github:|gitlab:|bitbucket:|gist:)/.test(s)) return { kind: "git", target: s };
  if (/^https?:\/\//.test(s)) return { kind: /\.git(?:#|$)/.test(s) ? "git" : "url", target: s };
  if (/^(?:file:|link:|portal:|\.{1,2}\/|\/|~\/)/.test(s)) {
    const path = s.replace(/^(?:file:|link:|portal:)/, "");
    return { kind: ARCHIVE_RE.test(path) ? "archive" : "path", target: s };
  }
  const alias = /^npm:((?:@[^@/\s]{1,214}\/)?[^@\s]{1,214})(?:@|$)/.exec(s);
  if (alias) return alias[1] !== name ? { kind: "alias", target: alias[1]! } : null;
  // GitHub shorthand "owner/repo" or "owner/repo#ref".
  if (/^[A-Za-z0-9][\w.-]{0,100}\/[\w.-]{1,100}(?:#[^\s]{0,200})?$/.test(s)) return { kind: "git", target: s };
  return null;
}

/** Severity of a non-registry source: local directories are low, archives and aliases medium-or-high. */
export function sourceSeverity(kind: SourceKind): "low" | "medium" | "high" {
  switch (kind) {
    case "path":
      return "low";
    case "alias":
      return "medium";
    default:
      return "high";
  }
}

export function isArchivePath(path: string): boolean {
  return ARCHIVE_RE.test(path);
}

/**
 * The repository a git or URL source points at, whatever the transport and ref: `git::https://`,
 * `git://`, `git@host:owner/repo.git`, `github.com/owner/repo//sub?ref=v1` and `owner/repo#ref` all
 * name `host/owner/repo`. Null for other kinds of target.
 */
export function sourceRepository(target: string): string | null {
  let t = target.trim().toLowerCase();
  t = t.replace(/^(?:git::|git\+|github:)/, "");
  t = t.replace(/^[a-z]+:\/\/(?:[^@/\s]{1,300}@)?/, "");
  t = t.replace(/^git@([^:/\s]{1,300}):/, "$1/");
  t = t.replace(/[?#].*$/, "").replace(/\/\/.*$/, "");
  const parts = t.split("/").filter(Boolean);
  if (parts.length < 2) return null;
  // `owner/repo` shorthands name GitHub.
  const [host, owner, repo] = parts.length === 2 || !parts[0]!.includes(".") ? ["github.com", ...parts] : parts;
  return repo ? `${host}/${owner}/${repo.replace(/\.git$/, "")}` : null;
}

/** True when a source target names an immutable revision: a commit hash or a version tag. */
export function pinnedRevision(target: string): boolean {
  const ref = /(?:[?&]ref=|#|@|:ref\s*=>\s*['"]|\bref\s*[:=]\s*['"]?)([\w./-]{1,100})/.exec(target)?.[1];
  return ref !== undefined && (/^[0-9a-f]{7,40}$/i.test(ref) || /^v?\d+(?:\.\d+){0,3}(?:[-+][\w.]+)?$/.test(ref));
}
