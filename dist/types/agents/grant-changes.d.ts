import type { ChangedFile } from "../diff/model.js";
import type { Side } from "../diff/side.js";
import { type AgentConfigFormat, type EntryForm, type ListEffect } from "./catalogue.js";
import { type ConfigEntry } from "./config-entries.js";
import { type AgentInput } from "./workflow-agents.js";
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
/** Allow-list entries added and deny/ask entries removed by the change to one file. */
export declare function grantChanges(file: ChangedFile): readonly GrantChange[];
/** Entries of settings JSON given to agent steps (for the approval-mode and MCP rules). */
export declare function settingsInputEntries(file: ChangedFile, side: Side): {
    input: AgentInput;
    entries: ConfigEntry[];
    format: AgentConfigFormat;
}[];
