import type { Rule } from "../types.js";
/** Rules of the `infra-change` category, one file each. */
export declare const infraChangeRules: Rule[];
