import type { Rule } from "../types.js";
/** Rules of the `migration` category, one file each. */
export declare const migrationRules: Rule[];
