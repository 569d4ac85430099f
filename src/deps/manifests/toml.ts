import { unquote } from "../../diff/line-syntax.js";
import type { SideLine } from "../../diff/side.js";
import { classifyUrl, isArchivePath, sourceSeverity } from "../sources.js";
import type { ManifestSide } from "./types.js";

/** A tolerant TOML line walker and the dependency value forms TOML manifests share (pyproject, Cargo, Gradle catalogs). */

const TOML_TABLE = /^\s*\[\[?\s*([^\]]{1,300}?)\s*\]\]?\s*(?:#.*)?$/;
const TOML_PAIR = /^\s*("[^"]{1,300}"|'[^']{1,300}'|[A-Za-z0-9_.-]{1,300})\s*=\s*(.*?)\s*$/;
const TOML_STRING_ELEMENT = /^\s*(?:"((?:[^"\\]|\\.){1,2000})"|'([^']{1,2000})')\s*,?\s*(?:#.*)?$/;

export interface TomlState {
  table: string | null;
  arrayKey: string | null;
}

/**
 * A TOML walker: calls `pair` for key = value lines and `element` for string elements of
 * multi-line arrays, with the current table (null when unknown: the hunk starts below it).
 */
export function walkToml(
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
export function inlineTable(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value.startsWith("{")) return out;
  for (const m of value.matchAll(/([A-Za-z0-9_.-]{1,100})\s*=\s*(?:"([^"]{0,2000})"|'([^']{0,2000})'|(true|false))/g))
    out[m[1]!] = m[2] ?? m[3] ?? m[4] ?? "";
  return out;
}

/** A dependency declared with a TOML value: "spec" or an inline table with version/git/path/url. */
export function tomlDep(
  ecosystem: "python" | "cargo",
  name: string,
  value: string,
  line: number,
  out: ManifestSide,
): void {
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
