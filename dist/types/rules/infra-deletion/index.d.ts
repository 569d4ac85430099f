import type { Rule } from "../types.js";
/** Rules of the `infra-deletion` category, one file each. */
export declare const infraDeletionRules: Rule[];
