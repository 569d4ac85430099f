import type { ChangedFile } from "../diff/model.js";
import { type Side } from "../diff/side.js";
import { type AgentAction } from "./catalogue.js";
/**
 * Coding agents in GitHub workflows: the steps that run one (an agent's action, or its CLI in a `run:`
 * script), and the inputs those steps are given (tool lists, CLI arguments, settings, who may drive
 * the agent). A modified workflow is seen through its hunks, so each line is placed in its job by
 * indentation (src/workflows/yaml-keys.ts) and an input is tied to its step's `uses:` when the hunk
 * shows it, else recognised by an input name only that action has.
 */
export interface AgentStep {
    job: string | null;
    line: number;
    changed: boolean;
    agent: string;
    /** The action (`owner/repo`) or the CLI command that runs the agent. */
    via: string;
}
export interface AgentInput {
    job: string | null;
    action: AgentAction;
    input: string;
    /** The value (a block scalar's lines joined with newlines). */
    value: string;
    line: number;
    changed: boolean;
}
export declare function agentActionOf(uses: string): AgentAction | null;
/** Agent steps on one side of a workflow. */
export declare function agentSteps(file: ChangedFile, side: Side): readonly AgentStep[];
/** Inputs given to agent steps on one side of a workflow. */
export declare function agentInputs(file: ChangedFile, side: Side): readonly AgentInput[];
/** The Copilot coding agent's setup job (it runs before the agent, with the agent's environment). */
export declare function isCopilotSetupSteps(path: string): boolean;
/** Jobs of a workflow that run an agent (on either side), null standing for "a job the hunk does not name". */
export declare function agentJobs(file: ChangedFile): Set<string | null>;
