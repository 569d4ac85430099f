import { indentOf } from "../diff/line-syntax.js";
import type { SideLine } from "../diff/side.js";
import type { DependencyFile, Ecosystem } from "./files.js";
import { classifyUrl, findUrl, hostOf, type SourceRef } from "./sources.js";

/**
 * Lockfile parsers. Each walks one side of a changed lockfile and lists the package entries the
 * diff shows (name, resolved version, whether a changed line belongs to it) and, on changed lines,
 * resolved sources that are not the ecosystem's public registry.
 */

export interface LockEntry {
  name: string;
  version: string;
  line: number;
  /** A changed line belongs to this entry (its header or its version). */
  changed: boolean;
}

export interface LockSide {
  entries: LockEntry[];
  sources: SourceRef[];
}

function urlSource(ecosystem: Ecosystem, text: string, line: number, name?: string): SourceRef | null {
  const url = findUrl(text);
  if (url !== null) {
    const kind = classifyUrl(ecosystem, url);
    return kind ? { line, kind, target: url, name, severity: "high" } : null;
  }
  const short = /\b(github|gitlab|bitbucket):([\w.-]{1,100}\/[\w.-]{1,100})/.exec(text);
  return short ? { line, kind: "git", target: `${short[1]}:${short[2]}`, name, severity: "high" } : null;
}

/** `node_modules/a/node_modules/@s/b` → `@s/b`. */
function npmLockName(key: string): string {
  const i = key.lastIndexOf("node_modules/");
  return i >= 0 ? key.slice(i + "node_modules/".length) : key;
}

const JSON_LOCK_KEYS = /"(?:version|resolved|name|url|git|file)"/;

/** package-lock.json / npm-shrinkwrap.json (v1–v3), packages.lock.json (NuGet), composer.lock, Pipfile.lock. */
function parseJsonLock(lines: readonly SideLine[], dep: DependencyFile): LockSide {
  const out: LockSide = { entries: [], sources: [] };
  let key: string | null = null;
  let keyChanged = false;
  let keyLine = 0;
  let keyIndent = -1;
  let composerName: string | null = null;
  for (const l of lines) {
    if (l.hunkStart) {
      key = null;
      composerName = null;
    }
    const t = l.text;
    const last = t.charCodeAt(t.length - 1);
    // Cheap prefilter: only object openers (`… {`) and the few keys read below need a regex.
    const open = last === 123 /* { */ ? /^(\s*)"((?:[^"\\]|\\.){1,500})"\s*:\s*\{\s*$/.exec(t) : null;
    if (open) {
      key = open[2]!;
      keyIndent = open[1]!.length;
      keyChanged = l.changed;
      keyLine = l.line;
      continue;
    }
    if (key !== null && indentOf(t) <= keyIndent && t.trim().startsWith("}")) key = null;
    if (!JSON_LOCK_KEYS.test(t)) continue;
    const pair = /^\s*"((?:[^"\\]|\\.){1,100})"\s*:\s*"((?:[^"\\]|\\.){0,3000})"/.exec(t);
    if (!pair) continue;
    const [, k, v] = pair as unknown as [string, string, string];
    if (dep.format === "composer-lock") {
      if (k === "name") composerName = v;
      else if (k === "version" && composerName)
        out.entries.push({ name: composerName, version: v, line: l.line, changed: l.changed });
      continue;
    }
    const versionKey = dep.format === "nuget-lock" ? "resolved" : "version";
    if (k === versionKey && key !== null && key !== "" && key !== "packages") {
      out.entries.push({
        name: npmLockName(key),
        version: v,
        line: keyChanged ? keyLine : l.line,
        changed: l.changed || keyChanged,
      });
    }
    if (l.changed && dep.format === "package-lock" && k === "resolved") {
      const s = urlSource("npm", v, l.line, key ? npmLockName(key) : undefined);
      if (s) out.sources.push(s);
    }
    if (l.changed && dep.format === "pipfile-lock" && (k === "url" || k === "git" || k === "file")) {
      const s = urlSource("python", v, l.line, key ?? undefined);
      if (s) out.sources.push(s);
    }
  }
  return out;
}

/** Name of a yarn.lock entry header: `"@s/a@^1.0.0", "@s/a@^1.1.0":` → `@s/a`. */
function yarnHeaderName(header: string): string | null {
  const first = header.replace(/:$/, "").split(",")[0]!.trim().replace(/^"|"$/g, "");
  const at = first.indexOf("@", 1);
  return at > 0 ? first.slice(0, at) : null;
}

/** yarn.lock, classic (v1) and berry. */
function parseYarnLock(lines: readonly SideLine[]): LockSide {
  const out: LockSide = { entries: [], sources: [] };
  let name: string | null = null;
  let headerChanged = false;
  let headerLine = 0;
  for (const l of lines) {
    if (l.hunkStart) name = null;
    const t = l.text;
    if (t === "" || t.startsWith("#")) continue;
    if (!t.startsWith(" ") && t.endsWith(":")) {
      name = yarnHeaderName(t);
      headerChanged = l.changed;
      headerLine = l.line;
      continue;
    }
    const version = /^\s{2}version:?\s+"?([^"\s]{1,200})"?\s*$/.exec(t);
    if (version && name) {
      const line = headerChanged ? headerLine : l.line;
      out.entries.push({ name, version: version[1]!, line, changed: l.changed || headerChanged });
      continue;
    }
    if (l.changed && /^\s{2}(?:resolved|resolution):?\s/.test(t)) {
      const s = urlSource("npm", t, l.line, name ?? undefined);
      if (s) out.sources.push(s);
    }
  }
  return out;
}

/** pnpm-lock.yaml: package keys carry name and version (`/a@1.0.0:`, `a@1.0.0(peer):`, v5 `/a/1.0.0:`). */
function parsePnpmLock(lines: readonly SideLine[]): LockSide {
  const out: LockSide = { entries: [], sources: [] };
  let name: string | undefined;
  for (const l of lines) {
    const t = l.text;
    const key = /^ {2}['"]?\/?((?:@[^@/\s'"]{1,100}\/)?[^@/\s'"]{1,200})[@/](\d[^:'"(\s]{0,100})/.exec(t);
    if (key && t.trimEnd().endsWith(":")) {
      name = key[1]!;
      out.entries.push({ name, version: key[2]!, line: l.line, changed: l.changed });
      continue;
    }
    if (l.changed && /\b(?:tarball|repo|resolution)\b|github:|codeload\.github\.com|git\+/.test(t)) {
      const s = urlSource("npm", t, l.line, name);
      if (s) out.sources.push(s);
    }
  }
  return out;
}

/** bun.lock (JSONC): `"name": ["name@version", "registry-or-url", {…}, "sha512-…"]`. */
function parseBunLock(lines: readonly SideLine[]): LockSide {
  const out: LockSide = { entries: [], sources: [] };
  for (const l of lines) {
    const m =
      /^\s*"[^"]{1,300}"\s*:\s*\["((?:@[^@"/]{1,100}\/)?[^@"]{1,200})@([^"]{1,2000})"(?:\s*,\s*"([^"]{0,2000})")?/.exec(
        l.text,
      );
    if (!m) continue;
    const name = m[1]!;
    const version = m[2]!;
    out.entries.push({ name, version, line: l.line, changed: l.changed });
    if (l.changed) {
      const s = urlSource("npm", `${version} ${m[3] ?? ""}`, l.line, name);
      if (s) out.sources.push(s);
    }
  }
  return out;
}

/** poetry.lock, uv.lock, pdm.lock, Cargo.lock: `[[package]]` tables with `name`, `version`, `source`. */
function parseTomlLock(lines: readonly SideLine[], ecosystem: Ecosystem): LockSide {
  const out: LockSide = { entries: [], sources: [] };
  let name: string | null = null;
  let nameChanged = false;
  let nameLine = 0;
  for (const l of lines) {
    const t = l.text;
    if (l.hunkStart) name = null;
    if (/^\[\[package\]\]\s*$/.test(t)) {
      name = null;
      continue;
    }
    const n = /^name\s*=\s*"([^"]{1,300})"/.exec(t);
    if (n) {
      name = n[1]!;
      nameChanged = l.changed;
      nameLine = l.line;
      continue;
    }
    const v = /^version\s*=\s*"([^"]{1,200})"/.exec(t);
    if (v && name) {
      const line = nameChanged ? nameLine : l.line;
      out.entries.push({ name, version: v[1]!, line, changed: l.changed || nameChanged });
      continue;
    }
    if (l.changed && /\b(?:source|url|registry|git|sdist|wheels)\b/.test(t)) {
      const s = urlSource(ecosystem, t, l.line, name ?? undefined);
      if (s) out.sources.push(s);
    }
  }
  return out;
}

/** Gemfile.lock: `GEM`/`GIT`/`PATH` sections, `remote:` lines, specs at four spaces. */
function parseGemfileLock(lines: readonly SideLine[]): LockSide {
  const out: LockSide = { entries: [], sources: [] };
  for (const l of lines) {
    const t = l.text;
    const spec = /^ {4}([A-Za-z0-9][\w.-]{0,200}) \(([^)]{1,100})\)$/.exec(t);
    if (spec) {
      out.entries.push({ name: spec[1]!, version: spec[2]!, line: l.line, changed: l.changed });
      continue;
    }
    if (l.changed && /^\s{2}remote:\s/.test(t)) {
      const s = urlSource("ruby", t, l.line);
      if (s) out.sources.push(s);
    }
  }
  return out;
}

/** go.sum: `module version[/go.mod] h1:hash`. */
function parseGoSum(lines: readonly SideLine[]): LockSide {
  const out: LockSide = { entries: [], sources: [] };
  for (const l of lines) {
    const m = /^(\S{1,500}) (v[^\s/]{1,200})(?:\/go\.mod)? h1:/.exec(l.text);
    if (m) out.entries.push({ name: m[1]!, version: m[2]!, line: l.line, changed: l.changed });
  }
  return out;
}

/** gradle.lockfile: `group:artifact:version=configurations`. */
function parseGradleLock(lines: readonly SideLine[]): LockSide {
  const out: LockSide = { entries: [], sources: [] };
  for (const l of lines) {
    const m = /^([\w.-]{1,200}:[\w.-]{1,200}):([^=\s]{1,100})=/.exec(l.text);
    if (m) out.entries.push({ name: m[1]!, version: m[2]!, line: l.line, changed: l.changed });
  }
  return out;
}

/** .terraform.lock.hcl: `provider "registry.terraform.io/ns/name" { version = "…" }`. */
function parseTerraformLock(lines: readonly SideLine[]): LockSide {
  const out: LockSide = { entries: [], sources: [] };
  let name: string | null = null;
  let nameChanged = false;
  for (const l of lines) {
    const p = /^provider\s+"([^"]{1,300})"/.exec(l.text);
    if (p) {
      name = p[1]!;
      nameChanged = l.changed;
      continue;
    }
    const v = /^\s+version\s*=\s*"([^"]{1,100})"/.exec(l.text);
    if (v && name) out.entries.push({ name, version: v[1]!, line: l.line, changed: l.changed || nameChanged });
  }
  return out;
}

export function parseLockSide(dep: DependencyFile, lines: readonly SideLine[]): LockSide {
  switch (dep.format) {
    case "package-lock":
    case "nuget-lock":
    case "composer-lock":
    case "pipfile-lock":
      return parseJsonLock(lines, dep);
    case "yarn-lock":
      return parseYarnLock(lines);
    case "pnpm-lock":
      return parsePnpmLock(lines);
    case "bun-lock":
      return parseBunLock(lines);
    case "poetry-lock":
    case "uv-lock":
      return parseTomlLock(lines, "python");
    case "cargo-lock":
      return parseTomlLock(lines, "cargo");
    case "gemfile-lock":
      return parseGemfileLock(lines);
    case "go-sum":
      return parseGoSum(lines);
    case "gradle-lock":
      return parseGradleLock(lines);
    case "terraform-lock":
      return parseTerraformLock(lines);
    default:
      return { entries: [], sources: [] };
  }
}

export { hostOf };
