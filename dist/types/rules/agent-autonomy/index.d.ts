import type { Rule } from "../types.js";
/** Rules of the `agent-autonomy` category, one file each: what a change does to a coding agent's leash. */
export declare const agentAutonomyRules: Rule[];
