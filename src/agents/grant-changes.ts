import type { ChangedFile } from "../diff/model.js";
import type { Side } from "../diff/side.js";
import { isGithubWorkflow } from "../workflows/ci-paths.js";
import { AGENT_CONFIG_FORMATS, type AgentConfigFormat, type EntryForm, type ListEffect } from "./catalogue.js";
import { parseAgentArgs, splitToolList } from "./cli-args.js";
import { type ConfigEntry, entryAt, jsonTextEntries } from "./config-entries.js";
import { agentFormatOf, frontMatterToolsAdded, isFrontMatterToolFile, listChanges } from "./settings-changes.js";
import { type AgentInput, agentInputs } from "./workflow-agents.js";

/**
 * Every tool rule a change adds to an agent's allow-lists, and every deny or ask rule it takes away,
 * wherever the agent reads them: settings files, the front matter of commands and skills, and the
 * inputs of agent steps in workflows (tool inputs, `--allowedTools` in CLI arguments, settings JSON).
 */

export interface GrantChange {
  /** "allow" entries were added; "deny"/"ask" entries were removed. */
  effect: ListEffect;
  text: string;
  form: EntryForm;
  line: number;
  side: Side;
  /** Where, for the message: "Claude Code settings", "the claude-code-action step of job review". */
  where: string;
}

/** The tool lists one agent step's inputs hold, by effect. */
function inputLists(input: AgentInput): { effect: ListEffect; tools: string[] }[] {
  const a = input.action;
  if (a.allowInputs?.includes(input.input)) return [{ effect: "allow", tools: splitToolList(input.value) }];
  if (a.denyInputs?.includes(input.input)) return [{ effect: "deny", tools: splitToolList(input.value) }];
  if (a.argInputs?.includes(input.input)) {
    const args = parseAgentArgs(input.value);
    return [
      { effect: "allow", tools: args.allowedTools },
      { effect: "deny", tools: args.disallowedTools },
    ];
  }
  if (a.settingsInputs?.includes(input.input)) {
    const format = AGENT_CONFIG_FORMATS.find((f) => f.id === a.settingsFormat);
    if (!format) return [];
    const entries = jsonTextEntries(input.value, input.line, true);
    return (format.lists ?? []).map((spec) => ({
      effect: spec.effect,
      tools: entries.filter((e) => typeof e.value === "string" && entryAt(e, spec.path)).map((e) => e.value as string),
    }));
  }
  return [];
}

function workflowGrantChanges(file: ChangedFile): GrantChange[] {
  const out: GrantChange[] = [];
  type Key = string;
  const collect = (side: Side) => {
    const byKey = new Map<Key, { effect: ListEffect; tools: Set<string>; line: number; where: string }>();
    for (const input of agentInputs(file, side)) {
      if (!input.changed) continue;
      for (const list of inputLists(input)) {
        const key = `${input.job ?? ""}\u0000${list.effect}`;
        let e = byKey.get(key);
        if (!e) {
          const where = `the ${input.action.uses.split("/")[1]} step${input.job ? ` of job ${input.job}` : ""}`;
          e = { effect: list.effect, tools: new Set(), line: input.line, where };
          byKey.set(key, e);
        }
        for (const t of list.tools) e.tools.add(t);
      }
    }
    return byKey;
  };
  const before = collect("old");
  const after = collect("new");
  for (const [key, now] of after) {
    if (now.effect !== "allow") continue;
    const was = before.get(key)?.tools ?? new Set<string>();
    for (const t of now.tools)
      if (!was.has(t))
        out.push({ effect: "allow", text: t, form: "tool-rule", line: now.line, side: "new", where: now.where });
  }
  for (const [key, was] of before) {
    if (was.effect === "allow") continue;
    const now = after.get(key)?.tools ?? new Set<string>();
    for (const t of was.tools)
      if (!now.has(t))
        out.push({ effect: was.effect, text: t, form: "tool-rule", line: was.line, side: "old", where: was.where });
  }
  return out;
}

function settingsGrantChanges(file: ChangedFile, format: AgentConfigFormat): GrantChange[] {
  return listChanges(file, format)
    .filter((c) => (c.spec.effect === "allow") === (c.side === "new"))
    .map((c) => ({
      effect: c.spec.effect,
      text: c.text,
      form: c.spec.form,
      line: c.line,
      side: c.side,
      where: format.name,
    }));
}

const cache = new WeakMap<ChangedFile, GrantChange[]>();
const NO_GRANTS: readonly GrantChange[] = [];

/** Allow-list entries added and deny/ask entries removed by the change to one file. */
export function grantChanges(file: ChangedFile): readonly GrantChange[] {
  const format = agentFormatOf(file.path);
  const frontMatter = isFrontMatterToolFile(file.path);
  // Settings files, front matter and workflows (agent steps' inputs) grant tools: the rest need no cache entry.
  if (!format?.lists && !frontMatter && !isGithubWorkflow(file.path)) return NO_GRANTS;
  let out = cache.get(file);
  if (out) return out;
  out = [];
  if (format?.lists) out.push(...settingsGrantChanges(file, format));
  if (frontMatter)
    for (const t of frontMatterToolsAdded(file))
      out.push({
        effect: "allow",
        text: t.text,
        form: "tool-rule",
        line: t.line,
        side: "new",
        where: "its front matter (allowed-tools)",
      });
  out.push(...workflowGrantChanges(file));
  cache.set(file, out);
  return out;
}

/** Entries of settings JSON given to agent steps (for the approval-mode and MCP rules). */
export function settingsInputEntries(
  file: ChangedFile,
  side: Side,
): { input: AgentInput; entries: ConfigEntry[]; format: AgentConfigFormat }[] {
  const out: { input: AgentInput; entries: ConfigEntry[]; format: AgentConfigFormat }[] = [];
  for (const input of agentInputs(file, side)) {
    if (!input.changed || !input.action.settingsInputs?.includes(input.input)) continue;
    const format = AGENT_CONFIG_FORMATS.find((f) => f.id === input.action.settingsFormat);
    if (format) out.push({ input, entries: jsonTextEntries(input.value, input.line, true), format });
  }
  return out;
}
