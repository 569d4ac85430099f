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
export declare function findUrl(text: string): string | null;
/** Host plus path of a URL, lower-cased host, without scheme, credentials, port or query. */
export declare function urlHostPath(url: string): {
    host: string;
    path: string;
} | null;
export declare function hostOf(url: string): string;
/** True when the URL is the ecosystem's public registry (host match, or host+path prefix). */
export declare function isPublicRegistryUrl(ecosystem: Ecosystem, url: string): boolean;
/**
 * Classify a URL found where a dependency source is expected: a git transport or repository is
 * `git`, the public registry is null (fine), anything else is `url`.
 */
export declare function classifyUrl(ecosystem: Ecosystem, url: string): SourceKind | null;
/**
 * An npm dependency spec that does not come from the registry: git, tarball URL, GitHub shorthand,
 * local path or an alias to a differently named package. Null for ordinary semver ranges and tags.
 */
export declare function classifyNpmSpec(name: string, spec: string): {
    kind: SourceKind;
    target: string;
} | null;
/** Severity of a non-registry source: local directories are low, archives and aliases medium-or-high. */
export declare function sourceSeverity(kind: SourceKind): "low" | "medium" | "high";
export declare function isArchivePath(path: string): boolean;
/**
 * The repository a git or URL source points at, whatever the transport and ref: `git::https://`,
 * `git://`, `git@host:owner/repo.git`, `github.com/owner/repo//sub?ref=v1` and `owner/repo#ref` all
 * name `host/owner/repo`. Null for other kinds of target.
 */
export declare function sourceRepository(target: string): string | null;
/** True when a source target names an immutable revision: a commit hash or a version tag. */
export declare function pinnedRevision(target: string): boolean;
