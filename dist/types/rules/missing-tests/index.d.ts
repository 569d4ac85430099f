import type { Rule } from "../types.js";
/** Rules of the `missing-tests` category, one file each. */
export declare const missingTestsRules: Rule[];
