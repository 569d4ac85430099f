import { indentOf } from "../../diff/line-syntax.js";
import type { SideLine } from "../../diff/side.js";
import { type SourceKind, sourceSeverity } from "../sources.js";
import { emptySide, isVersionLike, type ManifestSide } from "./types.js";

/**
 * The line walker of JSON manifests (package.json, composer.json). It tracks the enclosing keys by
 * indentation; at a hunk start the stack is empty (unknown) and the dialect decides from the value's
 * shape. Each ecosystem file supplies its dialect.
 */

export interface JsonFrame {
  indent: number;
  key: string;
}

export interface JsonDialect {
  /** Sections whose pairs are dependencies (`dependencies`, `require`...). */
  depSections: ReadonlySet<string>;
  /** Install hooks under `scripts`. */
  hooks: ReadonlySet<string>;
  /** A changed `"key": "value"` outside any known section (the hunk starts below it): is it a dependency? */
  looseDependency(key: string, value: string, indent: number): boolean;
  /** A changed pair the dialect reads itself (true when it did), checked before dependencies. */
  readPair?(key: string, value: string, stack: readonly JsonFrame[], line: number, out: ManifestSide): boolean;
  /** Where a dependency spec installs from, when not the registry. */
  specSource?(name: string, spec: string): { kind: SourceKind; target: string } | null;
}

const JSON_PAIR = /^(\s*)"((?:[^"\\]|\\.){1,300})"\s*:\s*(.*?)\s*,?\s*$/;
const JSON_STRING = /^"((?:[^"\\]|\\.){0,3000})"$/;

export function parseJsonManifest(lines: readonly SideLine[], dialect: JsonDialect): ManifestSide {
  const out = emptySide();
  const { depSections, hooks } = dialect;
  let stack: JsonFrame[] = [];
  for (const l of lines) {
    if (l.hunkStart) stack = [];
    const indent = indentOf(l.text);
    const trimmed = l.text.trim();
    if (trimmed === "") continue;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const m = JSON_PAIR.exec(l.text);
    const known = stack.length > 0;
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
    if (dialect.readPair?.(key, value, stack, l.line, out)) continue;
    const isDep = known ? stack.some((fr) => depSections.has(fr.key)) : dialect.looseDependency(key, value, indent);
    if (!isDep) continue;
    out.deps.push({ name: key, spec: value, line: l.line });
    const c = dialect.specSource?.(key, value);
    if (c)
      out.sources.push({ line: l.line, kind: c.kind, target: c.target, name: key, severity: sourceSeverity(c.kind) });
  }
  return out;
}
