import type { Rule } from "../types.js";
/** Rules of the `destructive-command` category, one file each. */
export declare const destructiveCommandRules: Rule[];
