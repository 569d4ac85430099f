import type { Rule } from "../types.js";
/** Rules of the `dependency` category, one file each. */
export declare const dependencyRules: Rule[];
