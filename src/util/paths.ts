import picomatch from "picomatch";
import type { Config } from "../config/schema.js";

/**
 * How the engine classifies repository paths. Built-in globs cover the common layouts of the
 * major ecosystems; config adds to them (never replaces them, so a config cannot hide tests).
 */

export const BUILTIN_TEST_GLOBS = [
  "**/test/**",
  "**/tests/**",
  "**/__tests__/**",
  "**/spec/**",
  "**/specs/**",
  "**/e2e/**",
  "**/testing/**",
  "**/testdata/**",
  "**/fixtures/**",
  "**/*.test.*",
  "**/*.spec.*",
  "**/*_test.*",
  "**/*_spec.rb",
  "**/test_*.py",
  "**/*Test.java",
  "**/*Tests.java",
  "**/*Test.kt",
  "**/*Tests.cs",
  "**/*Test.php",
  "**/*.stories.*",
  "**/conftest.py",
];

export const BUILTIN_DOC_GLOBS = [
  "**/*.md",
  "**/*.mdx",
  "**/*.rst",
  "**/*.adoc",
  "**/*.txt",
  "docs/**",
  "doc/**",
  "**/LICENSE*",
  "**/CHANGELOG*",
  "**/AUTHORS*",
  "**/.github/ISSUE_TEMPLATE/**",
  "**/*.png",
  "**/*.jpg",
  "**/*.jpeg",
  "**/*.gif",
  "**/*.svg",
  "**/*.webp",
];

export const BUILTIN_PRODUCTION_GLOBS = [
  "**/prod/**",
  "**/production/**",
  "**/prd/**",
  "**/.env.production",
  "**/.env.prod",
  "**/*.prod.*",
  "**/*.production.*",
  "**/*-prod.*",
  "**/*_prod.*",
  "**/*-production.*",
  "**/*_production.*",
  "**/environments/prod*/**",
  "**/environments/prod*",
  "**/envs/prod*/**",
  "**/env/prod*/**",
  "**/prod.tfvars",
  "**/production.tfvars",
  "**/prod*.tfvars",
  "**/values-prod*.y*ml",
  "**/values.prod*.y*ml",
  "**/overlays/prod*/**",
  "**/config/environments/production.rb",
  "**/settings/production.py",
];

export const SOURCE_EXTENSIONS = new Set([
  "ts",
  "tsx",
  "js",
  "jsx",
  "mjs",
  "cjs",
  "mts",
  "cts",
  "py",
  "rb",
  "go",
  "rs",
  "java",
  "kt",
  "kts",
  "scala",
  "cs",
  "fs",
  "php",
  "swift",
  "m",
  "mm",
  "c",
  "cc",
  "cpp",
  "cxx",
  "h",
  "hpp",
  "ex",
  "exs",
  "erl",
  "clj",
  "dart",
  "lua",
  "vue",
  "svelte",
  "sol",
  "zig",
  "hs",
  "ml",
  "r",
  "jl",
  "groovy",
]);

const GLOB_OPTIONS = { dot: true, nocase: false } as const;

export type PathMatcher = (path: string) => boolean;

/** Characters with a meaning in picomatch's globs: a literal run of a glob stops at each. */
const GLOB_SPECIAL = new Set([..."*?!+@|^$,\"'/"]);
const GLOB_OPEN = new Set(["[", "{", "("]);
const GLOB_CLOSE = new Set(["]", "}", ")"]);

/**
 * The longest run of plain characters every path the glob matches contains ("" when none is sure):
 * outside brackets, braces and parentheses, between wildcards and slashes (`**` also matches no folder,
 * so a slash is never required). Negations and "./" (which picomatch rewrites) give "".
 */
export function requiredLiteral(glob: string): string {
  if (glob.startsWith("!") || glob.includes("./")) return "";
  let best = "";
  let run = "";
  let depth = 0;
  const end = () => {
    if (run.length > best.length) best = run;
    run = "";
  };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "\\") i++;
    else if (GLOB_OPEN.has(c)) depth++;
    else if (GLOB_CLOSE.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && !GLOB_SPECIAL.has(c)) {
      run += c;
      continue;
    }
    end();
  }
  end();
  return best;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * False only for paths none of the globs can match (true means "maybe"): a search for the literal text
 * each glob requires. Most paths match none of a set's globs, and this answers them before picomatch's
 * RegExp, whose lazy `**` parts are tried at every slash. A glob without a required literal lets every
 * path through. A path equal to a glob passes too: the glob's text holds its own literal.
 */
export function globsMayMatch(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  const required = globs.map(requiredLiteral);
  if (required.includes("")) return () => true;
  const hint = new RegExp([...new Set(required)].map(escapeRegExp).join("|"));
  return (path) => hint.test(path);
}

/**
 * One RegExp for all the globs (picomatch's own matcher tests them one by one and builds a result
 * object per call), behind globsMayMatch. Same answers as picomatch(globs): an empty path never matches,
 * a path equal to a glob always does, otherwise the glob's RegExp decides.
 */
export function compileGlobs(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  const literal = new Set(globs);
  const any = new RegExp(globs.map((g) => `(?:${picomatch.makeRe(g, GLOB_OPTIONS).source})`).join("|"));
  const mayMatch = globsMayMatch(globs);
  return (path) => path !== "" && (literal.has(path) || (mayMatch(path) && any.test(path)));
}

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1).toLowerCase();
}

export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The folder part of a path ("" at the root). */
export function dirnameOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

export interface PathClassifier {
  isIgnored: PathMatcher;
  isTest: PathMatcher;
  isDoc: PathMatcher;
  isProductionPath: PathMatcher;
  /** Program source a test should cover (not tests, docs, config, generated or vendored code). */
  isSource: PathMatcher;
  isSafe: PathMatcher;
}

const VENDORED = compileGlobs([
  "**/node_modules/**",
  "**/vendor/**",
  "**/third_party/**",
  "**/dist/**",
  "**/build/**",
  "**/*.min.js",
  "**/*.generated.*",
  "**/*.pb.go",
  "**/*_pb2.py",
  "**/generated/**",
  "**/migrations/**",
  "**/db/migrate/**",
  "**/*.d.ts",
]);

/**
 * A `prod/` folder inside a migrations folder names the released set of schema scripts (beside `dev/`),
 * which every installation runs: it is no deployment environment. Configured globs still apply.
 */
const MIGRATION_CHANNEL =
  /(?:^|\/)(?:migrations?|migrate|db_migrations|changelogs?|flyway|liquibase)\/(?:[^/]+\/)*(?:prod|production|prd)\//i;

/** Many rules ask the same question about the same path: answer each once per analysis. */
function memoize(matcher: PathMatcher): PathMatcher {
  const cache = new Map<string, boolean>();
  return (path) => {
    let hit = cache.get(path);
    if (hit === undefined) {
      hit = matcher(path);
      cache.set(path, hit);
    }
    return hit;
  };
}

/** Build the classifier once per analysis: picomatch compiles every glob to a RegExp. */
export function createPathClassifier(config: Config): PathClassifier {
  const isIgnored = memoize(compileGlobs(config.paths.ignore));
  const isTest = memoize(compileGlobs([...BUILTIN_TEST_GLOBS, ...config.paths.tests]));
  const isDoc = memoize(compileGlobs(BUILTIN_DOC_GLOBS));
  const builtinProduction = compileGlobs(BUILTIN_PRODUCTION_GLOBS);
  const configuredProduction = compileGlobs(config.paths.production);
  const isProductionPath = memoize(
    (path) => (builtinProduction(path) && !MIGRATION_CHANNEL.test(path)) || configuredProduction(path),
  );
  const extraSource = compileGlobs(config.paths.source);
  const isSafe = memoize(compileGlobs(config.gate.safe_paths));
  const isSource: PathMatcher = memoize((path) => {
    if (isTest(path) || isDoc(path)) return false;
    if (extraSource(path)) return true;
    if (VENDORED(path)) return false;
    return SOURCE_EXTENSIONS.has(extensionOf(path));
  });
  return { isIgnored, isTest, isDoc, isProductionPath, isSource, isSafe };
}
