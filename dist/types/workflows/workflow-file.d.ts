import type { ChangedFile } from "../diff/model.js";
import { type YamlKey } from "./yaml-keys.js";
/**
 * Facts of a GitHub Actions workflow file: its name, triggers and jobs (a whole added or deleted file
 * is parsed with the `yaml` package), the privileged triggers it runs on, and lines that check out
 * the pull request's own code.
 */
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
/** Triggers that run with the base repository's secrets and a write token on events from forks. */
export declare const PRIVILEGED_TRIGGERS: readonly ["pull_request_target", "workflow_run"];
/** The privileged trigger a line declares, or null. */
export declare function privilegedTriggerOf(content: string): string | null;
/** Privileged triggers visible on the new side of a workflow (whole-file parse, else lines). */
export declare function visiblePrivilegedTriggers(file: ChangedFile): Set<string>;
/** True when a line checks out (or fetches) the pull request's head code. `chainOf` is called only when needed. */
export declare function isPrHeadCheckoutLine(content: string, chainOf: () => readonly YamlKey[]): boolean;
/** New-side lines (context or added) that check out the PR head, with their enclosing keys. */
export declare function prHeadCheckouts(file: ChangedFile): {
    line: number;
    added: boolean;
    keys: YamlKey[];
}[];
