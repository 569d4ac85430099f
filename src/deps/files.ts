import { basenameOf, dirnameOf } from "../util/paths.js";

/**
 * Recognition of dependency manifests, lockfiles and package-manager registry configs by path.
 * Pure path checks: cheap enough to run on every changed file before anything reads content.
 */

export type Ecosystem =
  | "npm"
  | "python"
  | "go"
  | "cargo"
  | "ruby"
  | "maven"
  | "gradle"
  | "composer"
  | "nuget"
  | "terraform";

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

export type DependencyFormat =
  | "package-json"
  | "package-lock"
  | "yarn-lock"
  | "pnpm-lock"
  | "bun-lock"
  | "npmrc"
  | "yarnrc"
  | "requirements"
  | "pyproject"
  | "pipfile"
  | "pipfile-lock"
  | "poetry-lock"
  | "uv-lock"
  | "setup-py"
  | "setup-cfg"
  | "pip-conf"
  | "go-mod"
  | "go-sum"
  | "cargo-toml"
  | "cargo-lock"
  | "cargo-config"
  | "gemfile"
  | "gemfile-lock"
  | "gemspec"
  | "pom"
  | "gradle"
  | "gradle-catalog"
  | "gradle-lock"
  | "composer-json"
  | "composer-lock"
  | "msbuild"
  | "packages-config"
  | "nuget-lock"
  | "nuget-config"
  | "terraform"
  | "terraform-lock";

function f(
  ecosystem: Ecosystem,
  kind: DependencyFileKind,
  format: DependencyFormat,
  expectsLockfile = false,
): DependencyFile {
  return { ecosystem, kind, format, expectsLockfile };
}

/**
 * Exact basenames. A Map: every changed path is looked up, and an object property lookup with a new string
 * key costs more (and would find "constructor" and other Object.prototype names).
 */
const BY_NAME = new Map<string, DependencyFile>(
  Object.entries({
    "package.json": f("npm", "manifest", "package-json", true),
    "package-lock.json": f("npm", "lockfile", "package-lock"),
    "npm-shrinkwrap.json": f("npm", "lockfile", "package-lock"),
    "yarn.lock": f("npm", "lockfile", "yarn-lock"),
    "pnpm-lock.yaml": f("npm", "lockfile", "pnpm-lock"),
    "bun.lock": f("npm", "lockfile", "bun-lock"),
    "bun.lockb": f("npm", "lockfile", "bun-lock"),
    ".npmrc": f("npm", "registry-config", "npmrc"),
    ".yarnrc": f("npm", "registry-config", "yarnrc"),
    ".yarnrc.yml": f("npm", "registry-config", "yarnrc"),
    "bunfig.toml": f("npm", "registry-config", "yarnrc"),
    "pyproject.toml": f("python", "manifest", "pyproject"),
    Pipfile: f("python", "manifest", "pipfile", true),
    "Pipfile.lock": f("python", "lockfile", "pipfile-lock"),
    "poetry.lock": f("python", "lockfile", "poetry-lock"),
    "uv.lock": f("python", "lockfile", "uv-lock"),
    "pdm.lock": f("python", "lockfile", "poetry-lock"),
    "setup.py": f("python", "manifest", "setup-py"),
    "setup.cfg": f("python", "manifest", "setup-cfg"),
    "pip.conf": f("python", "registry-config", "pip-conf"),
    "pip.ini": f("python", "registry-config", "pip-conf"),
    "go.mod": f("go", "manifest", "go-mod", true),
    "go.sum": f("go", "lockfile", "go-sum"),
    "Cargo.toml": f("cargo", "manifest", "cargo-toml", true),
    "Cargo.lock": f("cargo", "lockfile", "cargo-lock"),
    Gemfile: f("ruby", "manifest", "gemfile", true),
    "gems.rb": f("ruby", "manifest", "gemfile", true),
    "Gemfile.lock": f("ruby", "lockfile", "gemfile-lock"),
    "gems.locked": f("ruby", "lockfile", "gemfile-lock"),
    "pom.xml": f("maven", "manifest", "pom"),
    "build.gradle": f("gradle", "manifest", "gradle"),
    "build.gradle.kts": f("gradle", "manifest", "gradle"),
    "settings.gradle": f("gradle", "manifest", "gradle"),
    "settings.gradle.kts": f("gradle", "manifest", "gradle"),
    "gradle.lockfile": f("gradle", "lockfile", "gradle-lock"),
    "composer.json": f("composer", "manifest", "composer-json", true),
    "composer.lock": f("composer", "lockfile", "composer-lock"),
    "packages.config": f("nuget", "manifest", "packages-config"),
    "Directory.Packages.props": f("nuget", "manifest", "msbuild"),
    "Directory.Build.props": f("nuget", "manifest", "msbuild"),
    "packages.lock.json": f("nuget", "lockfile", "nuget-lock"),
    ".terraform.lock.hcl": f("terraform", "lockfile", "terraform-lock"),
  }),
);

const REQUIREMENTS_NAME = /^(?:[\w.-]*[-_.])?(?:requirements|constraints)(?:[-_.][\w.-]*)?\.(?:txt|in)$/i;

/** The dependency role of a path, or null for any other file. */
export function classifyDependencyFile(path: string): DependencyFile | null {
  const base = basenameOf(path);
  const exact = BY_NAME.get(base);
  if (exact) return exact;
  const lower = base.toLowerCase();
  if (lower === "nuget.config") return f("nuget", "registry-config", "nuget-config");
  if (REQUIREMENTS_NAME.test(base) || /(?:^|\/)requirements\/[\w.-]+\.(?:txt|in)$/i.test(path))
    return f("python", "manifest", "requirements");
  if (lower.endsWith(".gemspec")) return f("ruby", "manifest", "gemspec");
  if (/\.(?:cs|fs|vb)proj$/i.test(base)) return f("nuget", "manifest", "msbuild");
  if (/(?:^|\/)gradle\/[\w.-]+\.versions\.toml$/.test(path)) return f("gradle", "manifest", "gradle-catalog");
  if (/(?:^|\/)\.cargo\/config(?:\.toml)?$/.test(path)) return f("cargo", "registry-config", "cargo-config");
  if (lower.endsWith(".tf")) return f("terraform", "manifest", "terraform");
  return null;
}

/** Manifests whose change a lockfile of the same ecosystem normally accompanies. */
export function lockfileBasenamesFor(ecosystem: Ecosystem, manifestFormat: DependencyFormat): readonly string[] {
  switch (manifestFormat) {
    case "package-json":
      return ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"];
    case "pipfile":
      return ["Pipfile.lock"];
    case "go-mod":
      return ["go.sum"];
    case "cargo-toml":
      return ["Cargo.lock"];
    case "gemfile":
      return ["Gemfile.lock", "gems.locked"];
    case "composer-json":
      return ["composer.lock"];
    default:
      return ecosystem === "terraform" ? [".terraform.lock.hcl"] : [];
  }
}

/** `a/b/c` → ["a/b/c", "a/b", "a", ""]: a lockfile covers manifests in its directory and below (workspaces). */
export function selfAndAncestors(dir: string): string[] {
  const out = [dir];
  let d = dir;
  while (d !== "") {
    d = dirnameOf(d);
    out.push(d);
  }
  return out;
}
