import { parse as parseYaml } from "yaml";
import type { ChangedFile } from "../diff/model.js";
import { RemovedTally, type Side, sideOf } from "../diff/side.js";
import type { Severity } from "../types.js";
import { compileGlobs, globsMayMatch } from "../util/paths.js";
import {
  AGENT_CONFIG_FORMATS,
  type AgentConfigFormat,
  FRONT_MATTER_TOOL_FILES,
  FRONT_MATTER_TOOL_KEYS,
  type ListSpec,
} from "./catalogue.js";
import { splitToolList } from "./cli-args.js";
import { type ConfigEntry, configEntries, entryAt } from "./config-entries.js";

/**
 * What a change does to an agent's settings files: list entries added or removed (allow, deny, ask),
 * switches set to a looser value or protections taken away, and tools granted by the front matter of
 * commands, subagents and skills. Only changed lines count, and an entry that a removed line already
 * had (moved, re-indented, reformatted) is no change.
 */

const formatMatchers = AGENT_CONFIG_FORMATS.map((f) => ({ format: f, match: compileGlobs(f.paths) }));
// Several rules ask this of every changed file, and almost none is an agent's settings file.
const mayBeAgentFormat = globsMayMatch(AGENT_CONFIG_FORMATS.flatMap((f) => f.paths));
const frontMatterFile = compileGlobs(FRONT_MATTER_TOOL_FILES);

/** The agent configuration format of a path, or null. */
export function agentFormatOf(path: string): AgentConfigFormat | null {
  if (!mayBeAgentFormat(path)) return null;
  for (const { format, match } of formatMatchers) if (match(path)) return format;
  return null;
}

export interface ListChange {
  spec: ListSpec;
  /** The entry as written (for a map list: its key). */
  text: string;
  line: number;
  side: Side;
}

/** The list siblings an unseen list can be told apart by: the other lists of the same parent. */
function siblingsOf(format: AgentConfigFormat, spec: ListSpec): string[] {
  if (spec.effect !== "allow") return [];
  const parent = spec.path.split(".").slice(0, -1).join(".");
  return (format.lists ?? [])
    .filter((l) => l !== spec && l.effect !== "allow" && l.path.split(".").slice(0, -1).join(".") === parent)
    .map((l) => l.path.split(".").pop()!);
}

/** A list's entries on one side's changed lines: the entry text, or a map entry's key when its value says so. */
function listEntries(
  entries: readonly ConfigEntry[],
  format: AgentConfigFormat,
  spec: ListSpec,
): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const siblings = siblingsOf(format, spec);
  for (const e of entries) {
    if (!e.changed) continue;
    if (spec.map) {
      // `"npm test": true` or `"npm test": {"approve": true}`: allow when true, deny when false.
      const wanted = spec.effect === "allow";
      if (e.value !== wanted) continue;
      // The map key is a command or glob (dots and all): match the path above it.
      const above = (n: number) => entryAt({ ...e, keys: e.keys.slice(0, -n) }, spec.path);
      const onKey = e.keys.length > 1 && above(1) ? e.keys[e.keys.length - 1] : undefined;
      const onApprove =
        e.keys[e.keys.length - 1] === "approve" && e.keys.length > 2 && above(2)
          ? e.keys[e.keys.length - 2]
          : undefined;
      const key = onKey ?? onApprove;
      if (key !== undefined) out.push({ text: key, line: e.line });
      continue;
    }
    if (typeof e.value !== "string") continue;
    if (entryAt(e, spec.path, siblings)) out.push({ text: e.value, line: e.line });
  }
  return out;
}

const listCache = new WeakMap<ChangedFile, ListChange[]>();

/** Entries added to (new side) or removed from (old side) the lists of a settings file. */
export function listChanges(file: ChangedFile, format: AgentConfigFormat): ListChange[] {
  const cached = listCache.get(file);
  if (cached) return cached;
  const out: ListChange[] = [];
  const specs = format.lists ?? [];
  const oldEntries = configEntries(file, "old", format.syntax);
  const newEntries = configEntries(file, "new", format.syntax);
  for (const spec of specs) {
    const removed = listEntries(oldEntries, format, spec);
    const added = listEntries(newEntries, format, spec);
    const wasThere = new RemovedTally();
    for (const r of removed) wasThere.add(r.text);
    const isStill = new RemovedTally();
    for (const a of added) isStill.add(a.text);
    for (const a of added) if (!wasThere.take(a.text)) out.push({ spec, text: a.text, line: a.line, side: "new" });
    for (const r of removed) if (!isStill.take(r.text)) out.push({ spec, text: r.text, line: r.line, side: "old" });
  }
  listCache.set(file, out);
  return out;
}

export interface SwitchChange {
  path: string;
  value: string | boolean;
  severity: Severity;
  means: string;
  line: number;
  /** "set": a loosening value was written; "removed": a protecting value was taken away. */
  kind: "set" | "removed";
}

function sameValue(a: unknown, b: string | boolean): boolean {
  return a === b || (typeof b === "boolean" && a === String(b));
}

/** Switches set to a looser value, and protections switched off, in a settings file. */
export function switchChanges(file: ChangedFile, format: AgentConfigFormat): SwitchChange[] {
  const out: SwitchChange[] = [];
  const oldEntries = configEntries(file, "old", format.syntax);
  const newEntries = configEntries(file, "new", format.syntax);
  for (const sw of format.switches ?? []) {
    const added = newEntries.filter((e) => e.changed && entryAt(e, sw.path));
    const removed = oldEntries.filter((e) => e.changed && entryAt(e, sw.path));
    for (const l of sw.loosens) {
      const now = added.find((e) => sameValue(e.value, l.value));
      if (now && !removed.some((e) => sameValue(e.value, l.value)))
        out.push({ path: sw.path, value: l.value, severity: l.severity, means: l.means, line: now.line, kind: "set" });
    }
    for (const p of sw.protects ?? []) {
      const before = removed.find((e) => sameValue(e.value, p.value));
      if (before && !added.some((e) => sameValue(e.value, p.value)))
        out.push({
          path: sw.path,
          value: p.value,
          severity: p.severity,
          means: p.means,
          line: before.line,
          kind: "removed",
        });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Front matter of commands, subagents and skills: `allowed-tools: Bash(gh api:*), Read`.

export function isFrontMatterToolFile(path: string): boolean {
  return frontMatterFile(path);
}

export interface FrontMatterTool {
  text: string;
  line: number;
  changed: boolean;
}

function splitTools(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string").map((v) => v.trim());
  return typeof value === "string" ? splitToolList(value) : [];
}

/** Tools a side's front matter grants (only when the diff shows the front matter from line 1). */
export function frontMatterTools(file: ChangedFile, side: Side): FrontMatterTool[] {
  const lines = sideOf(file, side).lines;
  if (lines[0]?.line !== 1 || lines[0].text.trim() !== "---") return [];
  const body: string[] = [];
  for (let i = 1; i < lines.length && i < 200; i++) {
    const l = lines[i]!;
    if (l.line !== i + 1) return [];
    if (l.text.trim() === "---") {
      let doc: unknown;
      try {
        doc = parseYaml(body.join("\n"), { maxAliasCount: 10 });
      } catch {
        return [];
      }
      if (!doc || typeof doc !== "object") return [];
      const out: FrontMatterTool[] = [];
      for (const key of FRONT_MATTER_TOOL_KEYS) {
        const tools = splitTools((doc as Record<string, unknown>)[key]);
        for (const t of tools) {
          const at =
            lines.slice(1, i).find((x) => x.text.includes(t)) ?? lines.slice(1, i).find((x) => x.text.includes(key));
          out.push({ text: t, line: at?.line ?? 1, changed: at?.changed ?? false });
        }
      }
      return out;
    }
    body.push(l.text);
  }
  return [];
}

/** Tools the front matter grants on the new side that the old side did not. */
export function frontMatterToolsAdded(file: ChangedFile): FrontMatterTool[] {
  const before = new Set(frontMatterTools(file, "old").map((t) => t.text));
  return frontMatterTools(file, "new").filter((t) => t.changed && !before.has(t.text));
}
