import type { Rule } from "../types.js";
/** Rules of the `safety-bypass` category, one file each. */
export declare const safetyBypassRules: Rule[];
