import type { DependencyFile } from "./files.js";
import { indentOf, type SideLine } from "./side.js";
import {
  classifyNpmSpec,
  classifyUrl,
  findUrl,
  isArchivePath,
  isPublicRegistryUrl,
  type SourceRef,
  sourceSeverity,
} from "./sources.js";

/**
 * Line parsers for dependency manifests and registry configs. Each walks ONE side of a changed
 * file (see side.ts) and reports what its changed lines declare: dependencies, non-registry
 * sources and install hooks. Context lines only carry structure (enclosing section). Diffs show
 * partial files, so every parser tolerates starting in the middle of a section: it then falls
 * back to the shape of the value (a semver range is a dependency, a shell command is not).
 */

export interface DepRef {
  name: string;
  spec: string;
  line: number;
}

export interface ScriptRef {
  line: number;
  /** The lifecycle hook, e.g. `postinstall`, `post-install-cmd`, `cmdclass`. */
  hook: string;
  command: string;
  /** The hook's command before the change, when the diff shows it was replaced. */
  previous?: string;
}

export interface ManifestSide {
  deps: DepRef[];
  sources: SourceRef[];
  scripts: ScriptRef[];
}

function emptySide(): ManifestSide {
  return { deps: [], sources: [], scripts: [] };
}

/** Values that look like a version requirement rather than a command or a path. */
const VERSION_LIKE =
  /^(?:[\^~<>=!]{0,3}\s{0,3}v?\d[\w.+\-*]{0,100}(?:\s{0,3}(?:\|\||,|-|\s)\s{0,3}[\^~<>=!]{0,3}\s{0,3}v?\d[\w.+\-*]{0,100}){0,8}|\*|x|latest|next|beta|canary|workspace:[^\s]{0,100}|catalog:[^\s]{0,100})$/;

export function isVersionLike(value: string): boolean {
  return VERSION_LIKE.test(value.trim());
}

// ---------------------------------------------------------------------------------------------
// JSON manifests: package.json, composer.json

const NPM_DEP_SECTIONS = new Set([
  "dependencies",
  "devDependencies",
  "peerDependencies",
  "optionalDependencies",
  "resolutions",
  "overrides",
  "catalog",
  "catalogs",
]);
const COMPOSER_DEP_SECTIONS = new Set(["require", "require-dev"]);
/** npm runs these on `npm install` (prepare also on git installs; prepublish on old npm). */
export const NPM_INSTALL_HOOKS = new Set(["preinstall", "install", "postinstall", "prepare", "prepublish"]);
/** Composer runs these on `composer install` / `update` of the root package. */
const COMPOSER_INSTALL_HOOKS = new Set([
  "pre-install-cmd",
  "post-install-cmd",
  "pre-update-cmd",
  "post-update-cmd",
  "post-autoload-dump",
  "pre-autoload-dump",
  "post-package-install",
  "post-package-update",
]);
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

const JSON_PAIR = /^(\s*)"((?:[^"\\]|\\.){1,300})"\s*:\s*(.*?)\s*,?\s*$/;
const JSON_STRING = /^"((?:[^"\\]|\\.){0,3000})"$/;

interface JsonFrame {
  indent: number;
  key: string;
}

/**
 * package.json / composer.json. Tracks the enclosing keys by indentation; at a hunk start the
 * stack is empty (unknown) and the value's shape decides.
 */
export function parseJsonManifest(lines: readonly SideLine[], composer: boolean): ManifestSide {
  const out = emptySide();
  const depSections = composer ? COMPOSER_DEP_SECTIONS : NPM_DEP_SECTIONS;
  const hooks = composer ? COMPOSER_INSTALL_HOOKS : NPM_INSTALL_HOOKS;
  let stack: JsonFrame[] = [];
  for (const l of lines) {
    if (l.hunkStart) stack = [];
    const indent = indentOf(l.text);
    const trimmed = l.text.trim();
    if (trimmed === "") continue;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const m = JSON_PAIR.exec(l.text);
    const known = stack.length > 0;
    const inDeps = stack.some((fr) => depSections.has(fr.key));
    const inner = stack[stack.length - 1]?.key;
    if (!m) {
      // Array element: composer hook lists, bundledDependencies.
      const s = JSON_STRING.exec(trimmed.replace(/,$/, ""));
      if (l.changed && s && inner && hooks.has(inner) && stack.some((fr) => fr.key === "scripts"))
        out.scripts.push({ line: l.line, hook: inner, command: s[1]! });
      continue;
    }
    const key = m[2]!;
    const rest = m[3]!;
    if (rest.startsWith("{") || rest.startsWith("[")) {
      const closes = rest.endsWith("}") || rest.endsWith("]");
      if (!closes) stack.push({ indent, key });
      if (l.changed && hooks.has(key) && inner === "scripts" && rest.startsWith("["))
        out.scripts.push({ line: l.line, hook: key, command: "(command list)" });
      continue;
    }
    if (!l.changed) continue;
    // Tolerate an inline object closing on the same line: `"url": "…" }`.
    const str = JSON_STRING.exec(rest.replace(/"\s*[}\]]+$/, '"'));
    if (!str) continue;
    const value = str[1]!;
    // Install hooks: in "scripts", or (unknown section) a hook key whose value is not a version.
    if (hooks.has(key) && (inner === "scripts" || (!known && !isVersionLike(value)))) {
      out.scripts.push({ line: l.line, hook: key, command: value });
      continue;
    }
    if (composer && key === "url" && stack.some((fr) => fr.key === "repositories")) {
      const kind = /^(?:https?|git|ssh):|^git@/.test(value) ? classifyUrl("composer", value) && "registry" : "path";
      if (kind) out.sources.push({ line: l.line, kind, target: value, severity: sourceSeverity(kind) });
      continue;
    }
    let isDep = false;
    if (known) isDep = inDeps;
    else if (composer) isDep = (key.includes("/") || key === "php" || key.startsWith("ext-")) && isVersionLike(value);
    else isDep = indent > 2 && !NPM_NOT_DEPS.has(key) && looksLikeNpmName(key) && isVersionLike(value);
    // Outside a known section, only an explicit git/tarball spec under a package-like key counts
    // ("repository"/"bugs"/"exports" values are URLs and paths too).
    if (
      !isDep &&
      !known &&
      !composer &&
      indent > 2 &&
      looksLikeNpmName(key) &&
      !NPM_METADATA_KEYS.has(key) &&
      EXPLICIT_REMOTE_SPEC.test(value)
    )
      isDep = true;
    if (!isDep) continue;
    out.deps.push({ name: key, spec: value, line: l.line });
    if (!composer) {
      const c = classifyNpmSpec(key, value);
      if (c)
        out.sources.push({ line: l.line, kind: c.kind, target: c.target, name: key, severity: sourceSeverity(c.kind) });
    }
  }
  return out;
}

function looksLikeNpmName(key: string): boolean {
  return /^(?:@[a-z0-9][\w.-]{0,213}\/)?[a-z0-9][\w.-]{0,213}$/i.test(key);
}

// ---------------------------------------------------------------------------------------------
// Python: requirements files, pyproject.toml, Pipfile, setup.py, setup.cfg

const PEP508 = /^([A-Za-z0-9][A-Za-z0-9._-]{0,200})\s{0,5}(\[[^\]]{0,200}\])?\s{0,5}(.*)$/;
const PY_INDEX_OPTION = /^(?:-i|--index-url|--extra-index-url|-f|--find-links|--trusted-host)(?:\s+|=)(\S{1,2000})/;

/** One requirement string (PEP 508 or a pip requirements line). */
function parseRequirement(raw: string, line: number, out: ManifestSide): void {
  // Drop comments, line continuations and per-requirement options (`--hash=…`).
  let s = raw
    .replace(/\s#.*$/, "")
    .replace(/\s\\$/, "")
    .replace(/\s--hash[=\s]\S{0,300}/g, "")
    .trim();
  if (s === "" || s.startsWith("#") || s === "\\") return;
  const opt = PY_INDEX_OPTION.exec(s);
  if (opt) {
    const target = opt[1]!;
    if (s.startsWith("--trusted-host")) {
      out.sources.push({ line, kind: "tls", target, severity: "high" });
      return;
    }
    if (/^https?:/.test(target) && isPublicRegistryUrl("python", target)) return;
    const kind = /^https?:|^file:/.test(target) ? "registry" : "path";
    out.sources.push({ line, kind, target, severity: sourceSeverity(kind) });
    return;
  }
  if (s.startsWith("-r") || s.startsWith("-c") || s.startsWith("--")) return;
  let editable = false;
  if (s.startsWith("-e ") || s.startsWith("--editable")) {
    editable = true;
    s = s.replace(/^(?:-e|--editable)[\s=]+/, "");
  }
  const url = findUrl(s);
  if (/^(?:git\+|hg\+|svn\+|bzr\+|https?:|file:)/.test(s) && url !== null) {
    const egg = /#egg=([\w.-]{1,200})/.exec(s);
    const kind = classifyUrl("python", url) ?? "url";
    out.sources.push({ line, kind, target: url, name: egg?.[1], severity: sourceSeverity(kind) });
    if (egg) out.deps.push({ name: egg[1]!, spec: url, line });
    return;
  }
  if (editable || /^(?:\.{1,2}\/|\/|file:)/.test(s)) {
    if (s === "." || s === "./") return; // the project itself, editable: the usual dev setup
    const kind = isArchivePath(s) ? "archive" : "path";
    out.sources.push({ line, kind, target: s, severity: sourceSeverity(kind) });
    return;
  }
  const m = PEP508.exec(s);
  if (!m) return;
  const name = m[1]!;
  const rest = m[3]!.trim();
  if (rest.startsWith("@")) {
    const target = rest.slice(1).split(";")[0]!.trim();
    const u = findUrl(target);
    const kind = u ? (classifyUrl("python", u) ?? null) : isArchivePath(target) ? "archive" : "path";
    if (kind) out.sources.push({ line, kind, target, name, severity: sourceSeverity(kind) });
    out.deps.push({ name, spec: target, line });
    return;
  }
  // Anything that is neither a version clause nor markers is not a requirement (e.g. prose).
  if (rest !== "" && !/^(?:[=<>!~]=?|===|;|,)/.test(rest)) return;
  out.deps.push({ name, spec: rest.split(";")[0]!.trim() || "*", line });
}

export function parseRequirements(lines: readonly SideLine[]): ManifestSide {
  const out = emptySide();
  for (const l of lines) if (l.changed) parseRequirement(l.text, l.line, out);
  return out;
}

const TOML_TABLE = /^\s*\[\[?\s*([^\]]{1,300}?)\s*\]\]?\s*(?:#.*)?$/;
const TOML_PAIR = /^\s*("[^"]{1,300}"|'[^']{1,300}'|[A-Za-z0-9_.-]{1,300})\s*=\s*(.*?)\s*$/;
const TOML_STRING_ELEMENT = /^\s*(?:"((?:[^"\\]|\\.){1,2000})"|'([^']{1,2000})')\s*,?\s*(?:#.*)?$/;

function unquote(s: string): string {
  return s.replace(/^["']|["']$/g, "");
}

interface TomlState {
  table: string | null;
  arrayKey: string | null;
}

/**
 * A TOML walker: calls `pair` for key = value lines and `element` for string elements of
 * multi-line arrays, with the current table (null when unknown: the hunk starts below it).
 */
function walkToml(
  lines: readonly SideLine[],
  visit: {
    pair?: (st: TomlState, key: string, value: string, l: SideLine) => void;
    element?: (st: TomlState, value: string, l: SideLine) => void;
    table?: (st: TomlState, l: SideLine) => void;
  },
): void {
  const st: TomlState = { table: null, arrayKey: null };
  for (const l of lines) {
    const t = l.text;
    const trimmed = t.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const header = TOML_TABLE.exec(t);
    if (header && !TOML_PAIR.test(t)) {
      st.table = header[1]!.replace(/\s+/g, "");
      st.arrayKey = null;
      visit.table?.(st, l);
      continue;
    }
    if (st.arrayKey !== null) {
      if (trimmed.startsWith("]")) {
        st.arrayKey = null;
        continue;
      }
      const el = TOML_STRING_ELEMENT.exec(t);
      if (el) visit.element?.(st, el[1] ?? el[2]!, l);
      continue;
    }
    const p = TOML_PAIR.exec(t);
    if (p) {
      const key = unquote(p[1]!);
      const value = p[2]!.replace(/\s#[^"']*$/, "");
      if (value === "[" || (value.startsWith("[") && !value.includes("]"))) {
        st.arrayKey = key;
        // Elements on the opening line.
        const inline = value.slice(1);
        for (const m of inline.matchAll(/"([^"]{1,2000})"|'([^']{1,2000})'/g)) visit.element?.(st, m[1] ?? m[2]!, l);
        continue;
      }
      visit.pair?.(st, key, value, l);
      continue;
    }
    // A hunk that starts inside a multi-line array: bare string elements.
    const el = TOML_STRING_ELEMENT.exec(t);
    if (el && st.table === null) visit.element?.({ table: null, arrayKey: null }, el[1] ?? el[2]!, l);
  }
}

/** `{ version = "1", git = "https://…", path = "../x" }` → its keys. */
function inlineTable(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value.startsWith("{")) return out;
  for (const m of value.matchAll(/([A-Za-z0-9_.-]{1,100})\s*=\s*(?:"([^"]{0,2000})"|'([^']{0,2000})'|(true|false))/g))
    out[m[1]!] = m[2] ?? m[3] ?? m[4] ?? "";
  return out;
}

/** A dependency declared with a TOML value: "spec" or an inline table with version/git/path/url. */
function tomlDep(ecosystem: "python" | "cargo", name: string, value: string, line: number, out: ManifestSide): void {
  if (value.startsWith('"') || value.startsWith("'")) {
    out.deps.push({ name, spec: unquote(value), line });
    return;
  }
  const t = inlineTable(value);
  if (Object.keys(t).length === 0) return;
  const git = t["git"] ?? t["github"];
  const ref = t["rev"] ?? t["tag"] ?? t["branch"];
  const spec = t["version"] ?? (git ? `${git}${ref ? `#${ref}` : ""}` : (t["url"] ?? t["path"] ?? ""));
  out.deps.push({ name: t["package"] ?? name, spec, line });
  if (git) out.sources.push({ line, kind: "git", target: git, name, severity: "high" });
  else if (t["url"]) {
    const kind = classifyUrl(ecosystem, t["url"]) ?? null;
    if (kind) out.sources.push({ line, kind, target: t["url"], name, severity: sourceSeverity(kind) });
  } else if (t["path"]) {
    const kind = isArchivePath(t["path"]) ? "archive" : "path";
    out.sources.push({ line, kind, target: t["path"], name, severity: sourceSeverity(kind) });
  } else if (t["registry"] || t["registry-index"]) {
    const r = t["registry"] ?? t["registry-index"]!;
    out.sources.push({ line, kind: "registry", target: r, name, severity: "high" });
  }
}

const PY_NOT_DEPS = new Set(["python", "version", "requires-python", "name", "description", "readme", "license"]);

function isPyDepTable(table: string | null): boolean {
  if (table === null) return false;
  return (
    /(?:^|\.)(?:dependencies|dev-dependencies|packages|dev-packages)$/.test(table) ||
    /^tool\.poetry\.group\.[^.]+\.dependencies$/.test(table) ||
    table === "tool.uv.sources"
  );
}

function isPySourceTable(table: string | null): boolean {
  return (
    table !== null && /^(?:tool\.poetry\.source|tool\.uv\.index|tool\.pdm\.source|source|tool\.hatch\..*)$/.test(table)
  );
}

/** pyproject.toml (PEP 621, Poetry, uv, PDM) and Pipfile. */
export function parsePyToml(lines: readonly SideLine[]): ManifestSide {
  const out = emptySide();
  walkToml(lines, {
    element(st, value, l) {
      if (!l.changed) return;
      // PEP 621 arrays: project.dependencies, optional-dependencies, dependency-groups, build-system.requires.
      const table = st.table;
      const depArray =
        table === null ||
        table === "project" ||
        table === "project.optional-dependencies" ||
        table === "dependency-groups" ||
        table === "build-system" ||
        /dev-dependencies$/.test(table);
      if (!depArray) return;
      if (table === "project" && st.arrayKey !== null && st.arrayKey !== "dependencies") return;
      if (table === null && !/[=<>~!@]/.test(value)) return; // bare words outside a known table: too vague
      parseRequirement(value, l.line, out);
    },
    pair(st, key, value, l) {
      if (!l.changed) return;
      if (isPySourceTable(st.table) && (key === "url" || key === "index-url")) {
        const u = unquote(value);
        if (!isPublicRegistryUrl("python", u))
          out.sources.push({ line: l.line, kind: "registry", target: u, severity: "high" });
        return;
      }
      if (PY_NOT_DEPS.has(key)) return;
      if (isPyDepTable(st.table)) {
        tomlDep("python", key, value, l.line, out);
        return;
      }
      if (st.table === null) {
        const inline = inlineTable(value);
        if (inline["git"] || inline["url"] || isVersionLike(unquote(value)) || inline["version"])
          tomlDep("python", key, value, l.line, out);
      }
    },
  });
  return out;
}

/** setup.py: quoted requirement strings on changed lines; `cmdclass` overriding install is a hook. */
export function parseSetupPy(lines: readonly SideLine[]): ManifestSide {
  const out = emptySide();
  let inRequires = false;
  for (const l of lines) {
    const t = l.text;
    if (l.hunkStart) inRequires = false;
    if (/\b(?:install_requires|extras_require|setup_requires|tests_require|requires)\s*=/.test(t)) inRequires = true;
    if (l.changed && /\bcmdclass\s*=/.test(t) && /["']?(?:install|develop|egg_info|build_py|build_ext)["']?/.test(t))
      out.scripts.push({ line: l.line, hook: "cmdclass", command: t.trim() });
    if (!l.changed) continue;
    for (const m of t.matchAll(/["']([^"'\n]{1,500})["']/g)) {
      const req = m[1]!;
      // Outside an install_requires-like list only strings with a version clause count.
      if (!inRequires && !/^[A-Za-z0-9][\w.-]*\s*(?:\[[^\]]*\])?\s*(?:[=<>!~]=|[<>]|@)/.test(req)) continue;
      if (!/^[A-Za-z0-9]/.test(req)) continue;
      parseRequirement(req, l.line, out);
    }
  }
  return out;
}

/** setup.cfg: `install_requires =` followed by indented requirement lines. */
export function parseSetupCfg(lines: readonly SideLine[]): ManifestSide {
  const out = emptySide();
  let inList = false;
  for (const l of lines) {
    const t = l.text;
    if (l.hunkStart) inList = false;
    if (/^\s*\[/.test(t)) {
      inList = false;
      continue;
    }
    const kv = /^(\S[^=]{0,200}?)\s*=\s*(.*)$/.exec(t);
    if (kv && indentOf(t) === 0) {
      inList =
        /^(?:install_requires|setup_requires|tests_require)$/.test(kv[1]!.trim()) || /extras_require/.test(kv[1]!);
      if (inList && l.changed && kv[2]!.trim()) parseRequirement(kv[2]!, l.line, out);
      continue;
    }
    if (l.changed && (inList || (indentOf(t) > 0 && /[=<>~]=|[<>]/.test(t)))) parseRequirement(t, l.line, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Go: go.mod

/** go.mod: `require` lines and blocks; `replace` directives pointing elsewhere are sources. */
export function parseGoMod(lines: readonly SideLine[]): ManifestSide {
  const out = emptySide();
  let block: string | null = null;
  for (const l of lines) {
    const t = l.text.replace(/(?:^|\s)\/\/.*$/, "").trim();
    if (l.hunkStart) block = /^\s*(require|replace)\s*\(/.exec(l.header)?.[1] ?? null;
    if (t === "") continue;
    const open = /^(require|replace|exclude|retract|tool|ignore|godebug)\s*\($/.exec(t);
    if (open) {
      block = open[1]!;
      continue;
    }
    if (t === ")") {
      block = null;
      continue;
    }
    let directive = block;
    let body = t;
    const single = /^(require|replace|exclude|retract|module|go|toolchain|tool)\s+(.*)$/.exec(t);
    if (single) {
      directive = single[1]!;
      body = single[2]!;
    }
    if (!l.changed) continue;
    if (directive === "require") {
      const m = /^(\S{1,500})\s+(v\S{1,200})$/.exec(body);
      if (m) out.deps.push({ name: m[1]!, spec: m[2]!, line: l.line });
    } else if (directive === "replace") {
      const m = /^(\S{1,500})(?:\s+v\S{1,200})?\s*=>\s*(\S{1,500})(?:\s+(v\S{1,200}))?$/.exec(body);
      if (!m) continue;
      const from = m[1]!;
      const to = m[2]!;
      if (/^(?:\.{1,2}\/|\/)/.test(to)) {
        out.sources.push({ line: l.line, kind: "path", target: to, name: from, severity: "low" });
      } else if (to !== from) {
        const target = m[3] ? `${to}@${m[3]}` : to;
        out.sources.push({ line: l.line, kind: "fork", target, name: from, severity: "high" });
      } else if (m[3]) {
        out.deps.push({ name: from, spec: m[3], line: l.line });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cargo: Cargo.toml, .cargo/config.toml

const CARGO_NOT_DEPS = new Set([
  "version",
  "edition",
  "rust-version",
  "name",
  "resolver",
  "license",
  "description",
  "readme",
  "authors",
]);

export function parseCargoToml(lines: readonly SideLine[]): ManifestSide {
  const out = emptySide();
  walkToml(lines, {
    table(st, l) {
      // `[dependencies.serde]` style: the table names the crate.
      const m = /^(?:.*\.)?(?:dependencies|dev-dependencies|build-dependencies)\.([\w-]{1,100})$/.exec(st.table ?? "");
      if (m && l.changed) out.deps.push({ name: m[1]!, spec: "", line: l.line });
    },
    pair(st, key, value, l) {
      if (!l.changed) return;
      const table = st.table;
      const sub = table
        ? /^(?:.*\.)?(?:dependencies|dev-dependencies|build-dependencies)\.([\w-]{1,100})$/.exec(table)
        : null;
      if (sub) {
        const crate = sub[1]!;
        if (key === "version") out.deps.push({ name: crate, spec: unquote(value), line: l.line });
        else if (key === "git")
          out.sources.push({ line: l.line, kind: "git", target: unquote(value), name: crate, severity: "high" });
        else if (key === "registry" || key === "registry-index")
          out.sources.push({ line: l.line, kind: "registry", target: unquote(value), name: crate, severity: "high" });
        return;
      }
      const depTable =
        table !== null &&
        (/(?:^|\.)(?:dependencies|dev-dependencies|build-dependencies)$/.test(table) || /^patch\./.test(table));
      if (
        depTable ||
        (table === null && !CARGO_NOT_DEPS.has(key) && (isVersionLike(unquote(value)) || value.startsWith("{")))
      ) {
        if (table === null && value.startsWith("{") && !/\b(?:version|git|path)\s*=/.test(value)) return;
        tomlDep("cargo", key, value, l.line, out);
      }
    },
  });
  return out;
}

/** .cargo/config.toml: source replacement and extra registries. */
export function parseCargoConfig(lines: readonly SideLine[]): ManifestSide {
  const out = emptySide();
  walkToml(lines, {
    pair(st, key, value, l) {
      if (!l.changed) return;
      const v = unquote(value);
      if ((key === "index" || key === "registry") && st.table && /^(?:registries|source|registry)\b/.test(st.table)) {
        const u = v.replace(/^sparse\+/, "");
        if (!isPublicRegistryUrl("cargo", u))
          out.sources.push({ line: l.line, kind: "registry", target: v, severity: "high" });
      } else if (key === "replace-with" && st.table?.startsWith("source")) {
        out.sources.push({ line: l.line, kind: "registry", target: `${st.table} → ${v}`, severity: "high" });
      }
    },
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Ruby: Gemfile, *.gemspec

const GEM_LINE = /^\s*gem\s*\(?\s*["']([^"']{1,200})["']\s*(.*)$/;
const GEM_SOURCE_OPTION = /(?::|\b)(git|github|gist|bitbucket|path|source)\s*(?::|=>)\s*["']([^"']{1,2000})["']/;

export function parseGemfile(lines: readonly SideLine[]): ManifestSide {
  const out = emptySide();
  for (const l of lines) {
    if (!l.changed) continue;
    const t = l.text.replace(/\s#.*$/, "");
    const gem = GEM_LINE.exec(t);
    if (gem) {
      const name = gem[1]!;
      const rest = gem[2]!;
      const versions: string[] = [];
      for (const m of rest.matchAll(/(?:^|,)\s*["']([~><=!\s]{0,4}\d[^"']{0,100})["']/g)) versions.push(m[1]!.trim());
      out.deps.push({ name, spec: versions.join(", ") || "*", line: l.line });
      const opt = GEM_SOURCE_OPTION.exec(rest);
      if (opt) {
        const key = opt[1]!;
        const target = opt[2]!;
        let kind: SourceRef["kind"] | null =
          key === "path"
            ? "path"
            : key === "source"
              ? isPublicRegistryUrl("ruby", target)
                ? null
                : "registry"
              : "git";
        if (kind === "path" && isArchivePath(target)) kind = "archive";
        if (kind) out.sources.push({ line: l.line, kind, target, name, severity: sourceSeverity(kind) });
      }
      continue;
    }
    const src = /^\s*source\s*\(?\s*["']([^"']{1,2000})["']/.exec(t);
    if (src) {
      if (!isPublicRegistryUrl("ruby", src[1]!))
        out.sources.push({ line: l.line, kind: "registry", target: src[1]!, severity: "high" });
      continue;
    }
    const gitBlock = /^\s*(git|path)\s*\(?\s*["']([^"']{1,2000})["']/.exec(t);
    if (gitBlock) {
      const kind = gitBlock[1] === "git" ? "git" : "path";
      out.sources.push({ line: l.line, kind, target: gitBlock[2]!, severity: sourceSeverity(kind) });
    }
  }
  return out;
}

export function parseGemspec(lines: readonly SideLine[]): ManifestSide {
  const out = emptySide();
  for (const l of lines) {
    if (!l.changed) continue;
    const m = /\.add_(?:runtime_|development_)?dependency\s*\(?\s*["']([^"']{1,200})["']\s*(.*)$/.exec(l.text);
    if (!m) continue;
    const versions = [...m[2]!.matchAll(/["']([^"']{1,100})["']/g)].map((v) => v[1]!.trim());
    out.deps.push({ name: m[1]!, spec: versions.join(", ") || "*", line: l.line });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// JVM: pom.xml, Gradle build scripts and version catalogs

interface PomBlock {
  kind: string;
  groupId?: string;
  artifactId?: string;
  version?: string;
  versionLine?: number;
  changedLine?: number;
  versionChanged: boolean;
}

const POM_DEP_BLOCKS = new Set(["dependency", "plugin", "parent", "extension"]);

export function parsePom(lines: readonly SideLine[]): ManifestSide {
  const out = emptySide();
  let stack: string[] = [];
  let block: PomBlock | null = null;
  const flush = () => {
    if (block?.changedLine !== undefined && block.artifactId) {
      const name = block.groupId ? `${block.groupId}:${block.artifactId}` : block.artifactId;
      out.deps.push({
        name,
        spec: block.version ?? "(managed)",
        line: block.versionChanged ? block.versionLine! : block.changedLine,
      });
    }
    block = null;
  };
  for (const l of lines) {
    if (l.hunkStart) {
      flush();
      stack = [];
    }
    const t = l.text.trim();
    if (t === "" || t.startsWith("<!--")) continue;
    const open = /^<([A-Za-z][\w.-]{0,100})(?:\s[^>]{0,500})?>$/.exec(t);
    const close = /^<\/([A-Za-z][\w.-]{0,100})>$/.exec(t);
    const leaf = /^<([A-Za-z][\w.-]{0,100})>([^<]{0,2000})<\/\1>$/.exec(t);
    if (open) {
      stack.push(open[1]!);
      if (POM_DEP_BLOCKS.has(open[1]!)) {
        flush();
        block = { kind: open[1]!, versionChanged: false, changedLine: l.changed ? l.line : undefined };
      }
      continue;
    }
    if (close) {
      const i = stack.lastIndexOf(close[1]!);
      if (i >= 0) stack = stack.slice(0, i);
      if (block && close[1] === block.kind) {
        if (l.changed && block.changedLine === undefined) block.changedLine = l.line;
        flush();
      }
      continue;
    }
    if (!leaf) continue;
    const tag = leaf[1]!;
    const value = leaf[2]!.trim();
    if (block) {
      if (tag === "groupId") block.groupId = value;
      else if (tag === "artifactId") block.artifactId = value;
      else if (tag === "version") {
        block.version = value;
        block.versionLine = l.line;
        if (l.changed) block.versionChanged = true;
      }
      if (l.changed && block.changedLine === undefined) block.changedLine = l.line;
      continue;
    }
    if (!l.changed) continue;
    // Version properties (`<spring.version>`), the usual way a Maven bump is written.
    if (/[.-]version$/i.test(tag) && stack[stack.length - 1] !== "project") {
      out.deps.push({ name: tag.replace(/[.-]version$/i, ""), spec: value, line: l.line });
      continue;
    }
    if (tag === "url" && (stack.includes("repository") || stack.includes("pluginRepository"))) {
      if (stack.includes("distributionManagement")) continue;
      const kind = classifyUrl("maven", value);
      if (kind) out.sources.push({ line: l.line, kind: "registry", target: value, severity: "high" });
    }
  }
  flush();
  return out;
}

const GRADLE_CONFIGS =
  /\b(?:implementation|api|compileOnly|runtimeOnly|testImplementation|testRuntimeOnly|testCompileOnly|androidTestImplementation|debugImplementation|releaseImplementation|kapt|ksp|annotationProcessor|classpath|compile|testCompile|developmentOnly|[a-z]{1,40}Implementation)\b/;
const GRADLE_COORD = /["']([\w.-]{1,200}):([\w.-]{1,200}):([^"'@:\s]{1,100})(?:@\w{1,20})?["']/;
const GRADLE_PLUGIN = /\bid\s*\(?\s*["']([\w.-]{1,200})["']\s*\)?\s*version\s*\(?\s*["']([^"']{1,100})["']/;

export function parseGradle(lines: readonly SideLine[]): ManifestSide {
  const out = emptySide();
  for (const l of lines) {
    if (!l.changed) continue;
    const t = l.text.replace(/(?:^|\s)\/\/.*$/, "");
    const plugin = GRADLE_PLUGIN.exec(t);
    if (plugin) {
      out.deps.push({ name: plugin[1]!, spec: plugin[2]!, line: l.line });
      continue;
    }
    if (GRADLE_CONFIGS.test(t) || /\bplatform\s*\(/.test(t)) {
      const c = GRADLE_COORD.exec(t);
      if (c) {
        out.deps.push({ name: `${c[1]}:${c[2]}`, spec: c[3]!, line: l.line });
        continue;
      }
      const map =
        /group\s*:\s*["']([^"']{1,200})["']\s*,\s*name\s*:\s*["']([^"']{1,200})["']\s*,\s*version\s*:\s*["']([^"']{1,100})["']/.exec(
          t,
        );
      if (map) out.deps.push({ name: `${map[1]}:${map[2]}`, spec: map[3]!, line: l.line });
      continue;
    }
    if (/\b(?:maven|url|ivy)\b/.test(t)) {
      const u = findUrl(t);
      if (u && classifyUrl("gradle", u))
        out.sources.push({ line: l.line, kind: "registry", target: u, severity: "high" });
    }
  }
  return out;
}

/** gradle/libs.versions.toml. */
export function parseGradleCatalog(lines: readonly SideLine[]): ManifestSide {
  const out = emptySide();
  walkToml(lines, {
    pair(st, key, value, l) {
      if (!l.changed) return;
      if (st.table === "versions") {
        out.deps.push({ name: key, spec: unquote(value), line: l.line });
        return;
      }
      if (value.startsWith('"')) {
        const parts = unquote(value).split(":");
        if (parts.length === 3) out.deps.push({ name: `${parts[0]}:${parts[1]}`, spec: parts[2]!, line: l.line });
        return;
      }
      const module = /\b(?:module|id)\s*=\s*"([^"]{1,300})"/.exec(value);
      const group = /\bgroup\s*=\s*"([^"]{1,200})"\s*,\s*name\s*=\s*"([^"]{1,200})"/.exec(value);
      const version = /\bversion(?:\.ref)?\s*=\s*"([^"]{1,100})"/.exec(value);
      const name = module ? module[1]! : group ? `${group[1]}:${group[2]}` : null;
      if (name) out.deps.push({ name, spec: version ? version[1]! : "(managed)", line: l.line });
    },
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// NuGet: *.csproj, Directory.Packages.props, packages.config, nuget.config

export function parseNuget(lines: readonly SideLine[], packagesConfig: boolean): ManifestSide {
  const out = emptySide();
  for (const l of lines) {
    if (!l.changed) continue;
    const t = l.text;
    if (packagesConfig) {
      const m = /<package\s[^>]{0,500}?\bid="([^"]{1,200})"[^>]{0,500}?\bversion="([^"]{1,100})"/i.exec(t);
      if (m) out.deps.push({ name: m[1]!, spec: m[2]!, line: l.line });
      continue;
    }
    const m =
      /<(?:PackageReference|PackageVersion|GlobalPackageReference)\s[^>]{0,500}?\b(?:Include|Update)="([^"]{1,200})"([^>]{0,500})/i.exec(
        t,
      );
    if (m) {
      const v = /\bVersion(?:Override)?="([^"]{1,100})"/i.exec(m[2]!);
      out.deps.push({ name: m[1]!, spec: v ? v[1]! : "(managed)", line: l.line });
      continue;
    }
    if (/<RestoreSources>|<RestoreAdditionalProjectSources>/i.test(t)) {
      const u = findUrl(t);
      if (u && classifyUrl("nuget", u))
        out.sources.push({ line: l.line, kind: "registry", target: u, severity: "high" });
    }
  }
  return out;
}

export function parseNugetConfig(lines: readonly SideLine[]): ManifestSide {
  const out = emptySide();
  for (const l of lines) {
    if (!l.changed) continue;
    const m = /<add\s[^>]{0,500}?\bvalue="([^"]{1,2000})"/i.exec(l.text);
    if (!m) continue;
    const u = findUrl(m[1]!);
    if (u && classifyUrl("nuget", u)) out.sources.push({ line: l.line, kind: "registry", target: u, severity: "high" });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Registry configs: .npmrc, .yarnrc(.yml), bunfig.toml, pip.conf

export function parseRegistryConfig(lines: readonly SideLine[], ecosystem: "npm" | "python"): ManifestSide {
  const out = emptySide();
  for (const l of lines) {
    if (!l.changed) continue;
    const t = l.text.trim();
    if (t.startsWith("#") || t.startsWith(";")) continue;
    if (/^(?:strict-ssl|enableStrictSsl|sslVerify|ssl_verify|verify_ssl)\s*[:=]?\s*["']?false\b/i.test(t)) {
      out.sources.push({ line: l.line, kind: "tls", target: t, severity: "high" });
      continue;
    }
    if (/^(?:trusted-host|unsafeHttpWhitelist)\b/i.test(t)) {
      out.sources.push({ line: l.line, kind: "tls", target: t, severity: "high" });
      continue;
    }
    const key =
      ecosystem === "npm"
        ? /^(?:(@[\w.-]{1,100}):)?(?:registry|npmRegistryServer)\b|^(?:registry|install\.registry)\s*=|^["']?registry["']?\s/i
        : /^(?:index-url|extra-index-url|index|find-links)\b/i;
    if (!key.test(t)) continue;
    const u = findUrl(t);
    if (!u) continue;
    if (!isPublicRegistryUrl(ecosystem, u))
      out.sources.push({ line: l.line, kind: "registry", target: u, severity: "high" });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Terraform: required_providers and module versions

export function parseTerraform(lines: readonly SideLine[]): ManifestSide {
  const out = emptySide();
  let stack: string[] = [];
  let lastSource: string | null = null;
  for (const l of lines) {
    if (l.hunkStart) {
      stack = [];
      lastSource = null;
      const h = l.header.trim();
      if (/^(?:terraform|module\s+"[^"]{1,200}"|provider\s+"[^"]{1,200}")\s*\{/.test(h))
        stack.push(h.replace(/\s*\{.*$/, ""));
    }
    const t = l.text.replace(/(?:^|\s)(?:#|\/\/).*$/, "").trim();
    if (t === "") continue;
    if (t.endsWith("{")) {
      const label = t.replace(/\s*=?\s*\{$/, "").trim();
      stack.push(label);
      if (/^(?:module|resource|data)\s/.test(label) || stack.length === 1) lastSource = null;
      continue;
    }
    if (t.startsWith("}")) {
      stack.pop();
      continue;
    }
    const kv = /^([\w-]{1,100})\s*=\s*"([^"]{0,2000})"$/.exec(t);
    if (!kv) continue;
    const [, key, value] = kv as unknown as [string, string, string];
    const inProviders = stack.includes("required_providers");
    const moduleLabel = stack.find((s) => s.startsWith("module "));
    // `module "vpc"` → `module.vpc`, the address Terraform itself prints.
    const module = moduleLabel ? `module.${moduleLabel.slice(7).replace(/"/g, "").trim()}` : undefined;
    const inProviderBlock = stack.find((s) => s.startsWith("provider "));
    if (key === "source") {
      lastSource = value;
      if (l.changed && module) {
        const u = findUrl(value) ?? (/^(?:git::|github\.com\/|bitbucket\.org\/|s3::|gcs::)/.test(value) ? value : null);
        if (u) {
          const kind = /^git::|github\.com\/|bitbucket\.org\/|\.git\b/.test(value) ? "git" : "url";
          out.sources.push({ line: l.line, kind, target: value, name: module, severity: "high" });
        }
      }
      continue;
    }
    if (!l.changed) continue;
    if (inProviders && stack[stack.length - 1] === "required_providers") {
      // Old-style `google = "~> 3.0"`.
      out.deps.push({ name: key, spec: value, line: l.line });
      continue;
    }
    if (key !== "version") continue;
    const entry = stack[stack.length - 1];
    if (inProviders && entry && entry !== "required_providers") {
      out.deps.push({ name: lastSource ?? entry, spec: value, line: l.line });
    } else if (module) {
      out.deps.push({ name: `${module} (${lastSource ?? "module"})`, spec: value, line: l.line });
    } else if (inProviderBlock) {
      out.deps.push({ name: inProviderBlock, spec: value, line: l.line });
    } else if (
      stack.length === 0 &&
      lastSource !== null &&
      /^(?:[\w.-]+\/)?[\w-]+\/[\w-]+(?:\/[\w-]+)?$/.test(lastSource)
    ) {
      // Hunk starts inside the block: a version right after a registry source is a provider/module pin.
      out.deps.push({ name: lastSource, spec: value, line: l.line });
    }
  }
  return out;
}

/** Dispatch a manifest or registry config to its parser. */
export function parseManifestSide(dep: DependencyFile, lines: readonly SideLine[]): ManifestSide {
  switch (dep.format) {
    case "package-json":
      return parseJsonManifest(lines, false);
    case "composer-json":
      return parseJsonManifest(lines, true);
    case "requirements":
      return parseRequirements(lines);
    case "pyproject":
    case "pipfile":
      return parsePyToml(lines);
    case "setup-py":
      return parseSetupPy(lines);
    case "setup-cfg":
      return parseSetupCfg(lines);
    case "go-mod":
      return parseGoMod(lines);
    case "cargo-toml":
      return parseCargoToml(lines);
    case "cargo-config":
      return parseCargoConfig(lines);
    case "gemfile":
      return parseGemfile(lines);
    case "gemspec":
      return parseGemspec(lines);
    case "pom":
      return parsePom(lines);
    case "gradle":
      return parseGradle(lines);
    case "gradle-catalog":
      return parseGradleCatalog(lines);
    case "msbuild":
      return parseNuget(lines, false);
    case "packages-config":
      return parseNuget(lines, true);
    case "nuget-config":
      return parseNugetConfig(lines);
    case "npmrc":
    case "yarnrc":
      return parseRegistryConfig(lines, "npm");
    case "pip-conf":
      return parseRegistryConfig(lines, "python");
    case "terraform":
      return parseTerraform(lines);
    default:
      return emptySide();
  }
}
