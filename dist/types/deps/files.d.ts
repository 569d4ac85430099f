/**
 * Recognition of dependency manifests, lockfiles and package-manager registry configs by path.
 * Pure path checks: cheap enough to run on every changed file before anything reads content.
 */
export type Ecosystem = "npm" | "python" | "go" | "cargo" | "ruby" | "maven" | "gradle" | "composer" | "nuget" | "terraform";
export type DependencyFileKind = "manifest" | "lockfile" | "registry-config";
export interface DependencyFile {
    ecosystem: Ecosystem;
    kind: DependencyFileKind;
    /** Parser dialect: which line grammar the extractors apply. */
    format: DependencyFormat;
    /**
     * For manifests: a lockfile of the ecosystem is expected to change with the manifest's dependencies
     * (false where the lock is optional or unknowable from the diff, e.g. requirements.txt, pom.xml).
     */
    expectsLockfile: boolean;
}
export type DependencyFormat = "package-json" | "package-lock" | "yarn-lock" | "pnpm-lock" | "bun-lock" | "npmrc" | "yarnrc" | "requirements" | "pyproject" | "pipfile" | "pipfile-lock" | "poetry-lock" | "uv-lock" | "setup-py" | "setup-cfg" | "pip-conf" | "go-mod" | "go-sum" | "cargo-toml" | "cargo-lock" | "cargo-config" | "gemfile" | "gemfile-lock" | "gemspec" | "pom" | "gradle" | "gradle-catalog" | "gradle-lock" | "composer-json" | "composer-lock" | "msbuild" | "packages-config" | "nuget-lock" | "nuget-config" | "terraform" | "terraform-lock";
/** The dependency role of a path, or null for any other file. */
export declare function classifyDependencyFile(path: string): DependencyFile | null;
/** Manifests whose change a lockfile of the same ecosystem normally accompanies. */
export declare function lockfileBasenamesFor(ecosystem: Ecosystem, manifestFormat: DependencyFormat): readonly string[];
/** `a/b/c` → ["a/b/c", "a/b", "a", ""]: a lockfile covers manifests in its directory and below (workspaces). */
export declare function selfAndAncestors(dir: string): string[];
