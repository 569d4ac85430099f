import type { Rule } from "../types.js";
/** Rules of the `ci-workflow` category, one file each. */
export declare const ciWorkflowRules: Rule[];
