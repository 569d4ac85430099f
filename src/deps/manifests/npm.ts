import type { SideLine } from "../../diff/side.js";
import { classifyNpmSpec, sourceSeverity } from "../sources.js";
import { type JsonDialect, parseJsonManifest } from "./json.js";
import { parseRegistryConfig } from "./registry-config.js";
import { isVersionLike, type ManifestParser, type ManifestSide } from "./types.js";

/** npm, Yarn, pnpm and Bun: package.json, and the registry settings of .npmrc / .yarnrc(.yml) / bunfig.toml. */

/** package.json fields that map package names to specs. */
const DEPENDENCY_FIELDS = [
  "dependencies",
  "devDependencies",
  "peerDependencies",
  "optionalDependencies",
  "resolutions",
  "overrides",
];
/** Sections a line walk treats as dependencies: the fields above and pnpm/Bun catalogs. */
const NPM_DEP_SECTIONS = new Set([...DEPENDENCY_FIELDS, "catalog", "catalogs"]);
/** npm runs these on `npm install` (prepare also on git installs; prepublish on old npm). */
const NPM_INSTALL_HOOKS = new Set(["preinstall", "install", "postinstall", "prepare", "prepublish"]);
/** package.json keys whose values are URLs or paths, never dependency specs. */
const NPM_METADATA_KEYS = new Set([
  "url",
  "homepage",
  "repository",
  "bugs",
  "email",
  "funding",
  "registry",
  "type",
  "directory",
  "author",
  "web",
  "main",
  "module",
  "types",
  "typings",
  "browser",
  "bin",
  "import",
  "require",
  "default",
  "source",
  "node",
]);
/** Specs that name a remote source explicitly: git transports, hosted-git prefixes, tarball URLs. */
const EXPLICIT_REMOTE_SPEC =
  /^(?:git\+|git:\/\/|git@|github:|gitlab:|bitbucket:|https?:\/\/\S{1,1000}\.(?:tgz|tar\.gz)(?:$|[?#]))/;
/** Keys that carry version-like values in package.json without being dependencies. */
const NPM_NOT_DEPS = new Set(["version", "node", "npm", "yarn", "pnpm", "bun", "deno", "vscode", "lockfileVersion"]);

function looksLikeNpmName(key: string): boolean {
  return /^(?:@[a-z0-9][\w.-]{0,213}\/)?[a-z0-9][\w.-]{0,213}$/i.test(key);
}

const PACKAGE_JSON: JsonDialect = {
  depSections: NPM_DEP_SECTIONS,
  hooks: NPM_INSTALL_HOOKS,
  looseDependency(key, value, indent) {
    if (indent <= 2 || !looksLikeNpmName(key)) return false;
    if (!NPM_NOT_DEPS.has(key) && isVersionLike(value)) return true;
    // Outside a known section, only an explicit git/tarball spec under a package-like key counts
    // ("repository"/"bugs"/"exports" values are URLs and paths too).
    return !NPM_METADATA_KEYS.has(key) && EXPLICIT_REMOTE_SPEC.test(value);
  },
  specSource: classifyNpmSpec,
};

/**
 * A whole package.json: JSON.parse it and take dependencies and install hooks from the parsed
 * document (robust to one-line objects and any formatting); the lines only give line numbers.
 * Invalid JSON keeps the line walk's result.
 */
function fromDocument(side: ManifestSide, lines: readonly SideLine[], text: string): ManifestSide {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return side;
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return side;
  // First line on which each quoted key appears.
  const keyLine = new Map<string, number>();
  for (const l of lines)
    for (const m of l.text.matchAll(/"((?:[^"\\]|\\.){1,300})"\s*:/g))
      if (!keyLine.has(m[1]!)) keyLine.set(m[1]!, l.line);
  const lineOf = (key: string) => keyLine.get(key) ?? 1;
  const obj = doc as Record<string, unknown>;
  const out: ManifestSide = { deps: [], sources: [], scripts: [] };
  for (const k of DEPENDENCY_FIELDS) {
    const section = obj[k];
    if (!section || typeof section !== "object") continue;
    for (const [name, spec] of Object.entries(section as Record<string, unknown>)) {
      if (typeof spec !== "string") continue;
      const line = lineOf(name);
      out.deps.push({ name, spec, line });
      const c = classifyNpmSpec(name, spec);
      if (c) out.sources.push({ line, kind: c.kind, target: c.target, name, severity: sourceSeverity(c.kind) });
    }
  }
  const scripts = obj["scripts"];
  if (scripts && typeof scripts === "object")
    for (const [hook, command] of Object.entries(scripts as Record<string, unknown>))
      if (NPM_INSTALL_HOOKS.has(hook) && typeof command === "string")
        out.scripts.push({ hook, command, line: lineOf(hook) });
  return out;
}

export const parsePackageJson: ManifestParser = (lines, whole) => {
  const side = parseJsonManifest(lines, PACKAGE_JSON);
  return whole === null ? side : fromDocument(side, lines, whole);
};

const NPM_REGISTRY_KEY =
  /^(?:(@[\w.-]{1,100}):)?(?:registry|npmRegistryServer)\b|^(?:registry|install\.registry)\s*=|^["']?registry["']?\s/i;

export const parseNpmRegistryConfig: ManifestParser = (lines) => parseRegistryConfig(lines, "npm", NPM_REGISTRY_KEY);
