import type { ChangedFile } from "../diff/model.js";
import { type Side } from "../diff/side.js";
import type { Severity } from "../types.js";
import { type AgentConfigFormat, type ListSpec } from "./catalogue.js";
/** The agent configuration format of a path, or null. */
export declare function agentFormatOf(path: string): AgentConfigFormat | null;
export interface ListChange {
    spec: ListSpec;
    /** The entry as written (for a map list: its key). */
    text: string;
    line: number;
    side: Side;
}
/** Entries added to (new side) or removed from (old side) the lists of a settings file. */
export declare function listChanges(file: ChangedFile, format: AgentConfigFormat): ListChange[];
export interface SwitchChange {
    path: string;
    value: string | boolean;
    severity: Severity;
    means: string;
    line: number;
    /** "set": a loosening value was written; "removed": a protecting value was taken away. */
    kind: "set" | "removed";
}
/** Switches set to a looser value, and protections switched off, in a settings file. */
export declare function switchChanges(file: ChangedFile, format: AgentConfigFormat): SwitchChange[];
export declare function isFrontMatterToolFile(path: string): boolean;
export interface FrontMatterTool {
    text: string;
    line: number;
    changed: boolean;
}
/** Tools a side's front matter grants (only when the diff shows the front matter from line 1). */
export declare function frontMatterTools(file: ChangedFile, side: Side): FrontMatterTool[];
/** Tools the front matter grants on the new side that the old side did not. */
export declare function frontMatterToolsAdded(file: ChangedFile): FrontMatterTool[];
