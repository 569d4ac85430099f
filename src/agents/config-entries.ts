import { parse as parseToml } from "smol-toml";
import { walkToml } from "../deps/manifests/toml.js";
import { unquote } from "../diff/line-syntax.js";
import type { ChangedFile } from "../diff/model.js";
import { MAX_PARSE_CHARS, type Side, type SideLine, sideOf, wholeSideText } from "../diff/side.js";
import { parseYamlValue } from "../util/yaml.js";
import { parseKeyLine, scalarValue } from "../workflows/yaml-keys.js";
import type { ConfigSyntax } from "./catalogue.js";

/**
 * The settings a side of an agent configuration file holds, as leaf entries (key path, scalar value,
 * line): the common ground on which the rules compare the old side with the new one.
 *
 * When the diff holds a whole side (an added or deleted file), it is parsed with a real parser
 * (`smol-toml`, `yaml`, and a JSON-with-comments parser below). A modified file is only seen through
 * its hunks, so the same JSON parser runs tolerantly on each hunk: a hunk that starts inside an object
 * yields paths without their unseen ancestors (`rooted: false`), and a list whose key is not visible
 * takes the name of the sibling that follows it (`after`), which is how `"allow": [ … ]` is told from
 * `"deny": [ … ]` when only its end is shown. TOML hunks are read with the engine's TOML line walker,
 * YAML hunks by indentation.
 */

export type Scalar = string | number | boolean | null;

export interface ConfigEntry {
  /** Keys from the root (or from the first visible ancestor when `rooted` is false). Array items add no key. */
  keys: string[];
  rooted: boolean;
  /** For an entry whose own container key is unseen: the key of the sibling that follows that container. */
  after?: string;
  value: Scalar;
  /** Line on this side (the line of the value). */
  line: number;
  /** The line is an added (new side) or removed (old side) line. */
  changed: boolean;
}

// ---------------------------------------------------------------------------------------------------
// JSON (with comments and trailing commas): a tokenizer-driven parser that tolerates starting mid-way.

interface Frame {
  type: "obj" | "arr";
  /** The key this container sits under in its parent (null for array items and the unseen root). */
  key: string | null;
}

interface JsonLine {
  text: string;
  line: number;
  changed: boolean;
}

function parseJsonLines(lines: readonly JsonLine[], rooted: boolean, out: ConfigEntry[]): void {
  const stack: Frame[] = [];
  let pendingKey: string | null = null;
  /** Entries emitted inside containers whose opening is not visible, waiting for a sibling key. */
  let orphans: ConfigEntry[] = [];
  let closedOrphans: ConfigEntry[] = [];
  let inBlockComment = false;
  let lastString = null as { value: string; line: JsonLine } | null;

  const keysHere = (): string[] => {
    const keys: string[] = [];
    for (const f of stack) if (f.key !== null) keys.push(f.key);
    return keys;
  };
  const emit = (value: Scalar, at: JsonLine) => {
    const top = stack[stack.length - 1];
    const keys = keysHere();
    if (top?.type === "obj" || (top === undefined && pendingKey !== null)) {
      if (pendingKey === null) return;
      keys.push(pendingKey);
    } else if (top === undefined && rooted) return;
    const entry: ConfigEntry = { keys, rooted, value, line: at.line, changed: at.changed };
    out.push(entry);
    // An item of a list whose opening is not visible: named later by the sibling that follows it.
    if (top === undefined && pendingKey === null) orphans.push(entry);
    pendingKey = null;
  };
  const open = (type: Frame["type"]) => {
    stack.push({ type, key: pendingKey });
    pendingKey = null;
  };
  const close = () => {
    if (stack.length > 0) stack.pop();
    else {
      // Leaving a container whose opening was not shown: its entries wait for the next sibling key.
      closedOrphans = orphans;
      orphans = [];
    }
    pendingKey = null;
  };

  for (const at of lines) {
    const t = at.text;
    let i = 0;
    while (i < t.length) {
      if (inBlockComment) {
        const end = t.indexOf("*/", i);
        if (end < 0) break;
        inBlockComment = false;
        i = end + 2;
        continue;
      }
      const c = t[i]!;
      if (c === " " || c === "\t" || c === "\r" || c === ",") {
        i++;
        continue;
      }
      if (c === "/" && t[i + 1] === "/") break;
      if (c === "/" && t[i + 1] === "*") {
        inBlockComment = true;
        i += 2;
        continue;
      }
      if (c === '"') {
        let j = i + 1;
        let s = "";
        while (j < t.length && t[j] !== '"') {
          if (t[j] === "\\" && j + 1 < t.length) {
            const e = t[j + 1]!;
            s += e === "n" ? "\n" : e === "t" ? "\t" : e === "u" ? "" : e;
            j += e === "u" ? 6 : 2;
          } else s += t[j++];
        }
        i = j + 1;
        lastString = { value: s, line: at };
        // A key when a colon follows on this line.
        let k = i;
        while (k < t.length && (t[k] === " " || t[k] === "\t")) k++;
        if (t[k] === ":") {
          pendingKey = s;
          lastString = null;
          i = k + 1;
          if (stack.length === 0 && closedOrphans.length > 0) {
            for (const o of closedOrphans) o.after = s;
            closedOrphans = [];
          }
          continue;
        }
        emit(s, at);
        lastString = null;
        continue;
      }
      if (c === "{" || c === "[") {
        open(c === "{" ? "obj" : "arr");
        i++;
        continue;
      }
      if (c === "}" || c === "]") {
        close();
        i++;
        continue;
      }
      if (c === ":") {
        // A key whose colon sits on the next line.
        if (lastString) {
          pendingKey = lastString.value;
          out.pop();
        }
        i++;
        continue;
      }
      const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(t.slice(i, i + 40));
      if (m) {
        const w = m[0];
        emit(w === "true" ? true : w === "false" ? false : w === "null" ? null : Number(w), at);
        i += w.length;
        continue;
      }
      i++;
    }
  }
}

// ---------------------------------------------------------------------------------------------------

/** Leaves of a parsed value: the same entries a line reader gives, lines found by the value's text. */
function flatten(
  value: unknown,
  keys: string[],
  lines: readonly SideLine[],
  out: ConfigEntry[],
  cursor: { i: number },
) {
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, keys, lines, out, cursor);
    return;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, [...keys, k], lines, out, cursor);
    return;
  }
  const scalar: Scalar =
    typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null
      ? value
      : String(value);
  // The line that shows this value, searched forward from the previous one (values appear in order).
  const needle = typeof scalar === "string" ? scalar.slice(0, 60) : String(scalar);
  let found = -1;
  for (let i = cursor.i; i < lines.length; i++) {
    if (lines[i]!.text.includes(needle)) {
      found = i;
      break;
    }
  }
  const at = lines[found >= 0 ? found : Math.min(cursor.i, lines.length - 1)];
  if (found >= 0) cursor.i = found;
  out.push({ keys, rooted: true, value: scalar, line: at?.line ?? 0, changed: at?.changed ?? true });
}

function parseWhole(syntax: ConfigSyntax, text: string): unknown {
  if (syntax === "toml") return parseToml(text);
  if (syntax === "yaml") return parseYamlValue(text, 100);
  return undefined;
}

function tomlScalar(raw: string): Scalar | Record<string, unknown> | unknown[] {
  try {
    return (parseToml(`v = ${raw}`) as { v: Scalar }).v;
  } catch {
    return unquote(raw);
  }
}

function readToml(lines: readonly SideLine[], out: ConfigEntry[]): void {
  walkToml(lines, {
    pair(st, key, value, l) {
      const keys = [...(st.table ? st.table.split(".").map(unquote) : []), ...key.split(".").map(unquote)];
      const v = tomlScalar(value);
      const rooted = st.table !== null || l.hunkStart || l.line === 1;
      if (v !== null && typeof v === "object") {
        const sub: ConfigEntry[] = [];
        flatten(v, keys, [l], sub, { i: 0 });
        for (const e of sub) out.push({ ...e, rooted });
      } else out.push({ keys, rooted, value: v, line: l.line, changed: l.changed });
    },
    element(st, value, l) {
      const keys = [...(st.table ? st.table.split(".").map(unquote) : []), ...(st.arrayKey ? [st.arrayKey] : [])];
      out.push({ keys, rooted: st.table !== null, value, line: l.line, changed: l.changed });
    },
  });
}

function readYaml(lines: readonly SideLine[], out: ConfigEntry[]): void {
  // Flat and shallow files (Aider's): the key path by indentation within the hunk.
  const stack: { col: number; key: string }[] = [];
  let hunk = -1;
  for (const l of lines) {
    if (l.hunk !== hunk) {
      hunk = l.hunk;
      stack.length = 0;
    }
    const k = parseKeyLine(l.text, l.line);
    if (!k) {
      const item = /^(\s*)-\s+(.+)$/.exec(l.text);
      if (item && stack.length > 0)
        out.push({
          keys: stack.map((s) => s.key),
          rooted: true,
          value: yamlScalar(item[2]!),
          line: l.line,
          changed: l.changed,
        });
      continue;
    }
    while (stack.length > 0 && stack[stack.length - 1]!.col >= k.col) stack.pop();
    if (k.value === "") stack.push({ col: k.col, key: k.key });
    else
      out.push({
        keys: [...stack.map((s) => s.key), k.key],
        rooted: true,
        value: yamlScalar(k.value),
        line: l.line,
        changed: l.changed,
      });
  }
}

function yamlScalar(raw: string): Scalar {
  const v = scalarValue(raw);
  if (v === "true" || v === "false") return v === "true";
  return v;
}

const cache = { old: new WeakMap<ChangedFile, ConfigEntry[]>(), new: new WeakMap<ChangedFile, ConfigEntry[]>() };

/** The entries of one side of an agent configuration file (empty for a side the file does not have). */
export function configEntries(file: ChangedFile, side: Side, syntax: ConfigSyntax): ConfigEntry[] {
  let entries = cache[side].get(file);
  if (entries) return entries;
  entries = [];
  const view = sideOf(file, side);
  const whole = wholeSideText(file, side);
  if (whole !== null && syntax !== "json") {
    try {
      flatten(parseWhole(syntax, whole), [], view.lines, entries, { i: 0 });
      cache[side].set(file, entries);
      return entries;
    } catch {
      entries = [];
    }
  }
  if (syntax === "json") {
    for (const hunk of view.hunks) {
      if (hunk.length === 0) continue;
      // A bounded read: lines past MAX_PARSE_CHARS of one hunk are not parsed.
      const lines: SideLine[] = [];
      let size = 0;
      for (const l of hunk) {
        size += l.text.length;
        if (size >= MAX_PARSE_CHARS) break;
        lines.push(l);
      }
      // Rooted only when the hunk starts the file with its top-level brace.
      parseJsonLines(lines, hunk[0]!.line === 1 && /^\s*[[{]/.test(hunk[0]!.text), entries);
    }
  } else if (syntax === "toml") readToml(view.lines, entries);
  else readYaml(view.lines, entries);
  cache[side].set(file, entries);
  return entries;
}

/** JSON text (a workflow input, a CLI argument) as entries at `line`; [] when it is not JSON. */
export function jsonTextEntries(text: string, line: number, changed: boolean): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  parseJsonLines(
    text.split("\n").map((t) => ({ text: t, line, changed })),
    true,
    out,
  );
  return out;
}

/**
 * Does an entry sit at `pattern` (dotted, `*` for any one key)? An entry whose ancestors are unseen
 * matches when its visible keys end the pattern; one whose own key is unseen, by the sibling that
 * follows its list (`after`) when the pattern names a list next to it in `siblings`.
 */
export function entryAt(entry: ConfigEntry, pattern: string, siblings?: readonly string[]): boolean {
  const want = pattern.split(".");
  // Dotted keys (VS Code's `"chat.tools.autoApprove": true`) are paths too.
  const keys = entry.keys.some((k) => k.includes(".")) ? entry.keys.flatMap((k) => k.split(".")) : entry.keys;
  if (entry.rooted) return keys.length === want.length && want.every((w, i) => w === "*" || w === keys[i]);
  if (keys.length === 0)
    return entry.after !== undefined && !!siblings?.includes(entry.after) && entry.after !== want[want.length - 1];
  if (keys.length > want.length) return false;
  const offset = want.length - keys.length;
  return keys.every((k, i) => want[offset + i] === "*" || want[offset + i] === k);
}
