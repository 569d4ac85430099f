import type { ChangedFile } from "../diff/model.js";
import { type SideLine } from "./diff-lines.js";
/**
 * GitHub Actions workflow analysis on diffs. A modified workflow is only seen through its hunks, so
 * the enclosing job/step of a line is found from indentation (walking up to less-indented keys);
 * a whole file (added or deleted) is also parsed with the `yaml` package for its triggers and jobs.
 */
/** Parse whole workflow files only below this size; above it the line-based view is used alone. */
export declare const MAX_YAML_BYTES: number;
export declare function isGithubWorkflow(path: string): boolean;
export declare function isCompositeAction(path: string): boolean;
/** Workflow YAML or composite action: files whose `run:` steps execute in GitHub Actions. */
export declare function isGithubActionsYaml(path: string): boolean;
/** The CI system a path configures, or null. Covers GitHub Actions and the other common CI services. */
export declare function ciSystemOf(path: string): string | null;
/** True for any CI configuration file (workflow, composite action, other CI services). */
export declare function isCiFile(path: string): boolean;
export interface YamlKey {
    key: string;
    /** Inline value after the colon (trimmed, comments kept). */
    value: string;
    /** Column of the key (or of the `-` for a sequence item). */
    col: number;
    /** True when the key opens a sequence item (`- name: ...`). */
    item: boolean;
    line: number;
}
export declare function parseKeyLine(content: string, line?: number): YamlKey | null;
/**
 * The keys enclosing `view[index]`, innermost first, found by walking up to less-indented keys
 * within the same hunk. When the walk does not reach column 0, the hunk header (git puts the last
 * top-level key there, e.g. `jobs:`) supplies the top key.
 */
export declare function enclosingKeys(view: readonly SideLine[], index: number, header?: string): YamlKey[];
/** The job id a line belongs to (the key under top-level `jobs:`), or null. */
export declare function jobOfKeys(chain: readonly YamlKey[]): string | null;
/** The step a line belongs to: its `name:` or `uses:` when the item line carries one. */
export declare function stepOfKeys(chain: readonly YamlKey[]): string | null;
export declare function stripQuotes(s: string): string;
/** Hunk header text for a view line (used as the top key when the walk stops early). */
export declare function headerOf(file: ChangedFile, entry: SideLine): string;
/** "job build" / "step 'Run tests' in job build" for messages. */
export declare function describeLocation(chain: readonly YamlKey[]): string;
/** Cached per-file views: rules over the same file share them (one walk per file, linear). */
export interface WorkflowView {
    file: ChangedFile;
    newSide: SideLine[];
    oldSide: SideLine[];
    /** new-side line number -> index in newSide */
    newIndex: Map<number, number>;
    oldIndex: Map<number, number>;
}
export declare function workflowView(file: ChangedFile): WorkflowView;
/** Enclosing keys of a new-side (added/context) line by its line number. */
export declare function keysAtNew(view: WorkflowView, line: number): YamlKey[];
export declare function keysAtOld(view: WorkflowView, line: number): YamlKey[];
/** Triggers that run with the base repository's secrets and a write token on events from forks. */
export declare const PRIVILEGED_TRIGGERS: readonly ["pull_request_target", "workflow_run"];
/** The privileged trigger a line declares, or null. */
export declare function privilegedTriggerOf(content: string): string | null;
/**
 * Name and job ids of a whole workflow from its lines, without a YAML parse: enough to name the
 * workflow in a message (the low-severity "pipeline changed" finding runs on every CI file).
 */
export declare function outlineWorkflow(lines: readonly {
    content: string;
}[]): {
    name: string | null;
    jobs: string[];
};
/** Parsed facts of a whole workflow file. */
export interface WorkflowDoc {
    name: string | null;
    triggers: Set<string>;
    jobs: string[];
}
/** Parse a whole workflow with the `yaml` package; null when too big or not a mapping. Never throws. */
export declare function parseWorkflowText(text: string): WorkflowDoc | null;
/** The whole workflow when the diff holds it (added: new side; deleted: old side), else null. */
export declare function wholeWorkflow(file: ChangedFile): WorkflowDoc | null;
/** Privileged triggers visible on the new side of a workflow (whole-file parse, else lines). */
export declare function visiblePrivilegedTriggers(view: WorkflowView): Set<string>;
/** True when a line checks out (or fetches) the pull request's head code. `chainOf` is called only when needed. */
export declare function isPrHeadCheckoutLine(content: string, chainOf: () => readonly YamlKey[]): boolean;
/** Dependencies dropped from jobs' `needs:` (job -> jobs it no longer waits for), from removed vs added lines. */
export declare function droppedNeeds(file: ChangedFile): {
    job: string;
    line: number;
    dropped: string[];
}[];
/** Jobs whose key line was removed from a modified workflow and not re-added under the same id. */
export declare function removedJobs(file: ChangedFile): {
    job: string;
    line: number;
}[];
