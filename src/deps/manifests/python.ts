import { indentOf, unquote } from "../../diff/line-syntax.js";
import { classifyUrl, findUrl, isArchivePath, isPublicRegistryUrl, sourceSeverity } from "../sources.js";
import { parseRegistryConfig } from "./registry-config.js";
import { inlineTable, tomlDep, walkToml } from "./toml.js";
import { emptySide, isVersionLike, type ManifestParser, type ManifestSide } from "./types.js";

/** Python (pip, Poetry, uv, PDM, Pipenv): requirements files, pyproject.toml, Pipfile, setup.py, setup.cfg, pip.conf. */

const PEP508 = /^([A-Za-z0-9][A-Za-z0-9._-]{0,200})\s{0,5}(\[[^\]]{0,200}\])?\s{0,5}(.*)$/;
const PY_INDEX_OPTION = /^(?:-i|--index-url|--extra-index-url|-f|--find-links|--trusted-host)(?:\s+|=)(\S{1,2000})/;

/** One requirement string (PEP 508 or a pip requirements line). */
export function parseRequirement(raw: string, line: number, out: ManifestSide): void {
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

export const parseRequirements: ManifestParser = (lines) => {
  const out = emptySide();
  for (const l of lines) if (l.changed) parseRequirement(l.text, l.line, out);
  return out;
};

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
export const parsePyToml: ManifestParser = (lines) => {
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
};

/** setup.py: quoted requirement strings on changed lines; `cmdclass` overriding install is a hook. */
export const parseSetupPy: ManifestParser = (lines) => {
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
};

/** setup.cfg: `install_requires =` followed by indented requirement lines. */
export const parseSetupCfg: ManifestParser = (lines) => {
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
};

const PIP_INDEX_KEY = /^(?:index-url|extra-index-url|index|find-links)\b/i;

export const parsePipConf: ManifestParser = (lines) => parseRegistryConfig(lines, "python", PIP_INDEX_KEY);
