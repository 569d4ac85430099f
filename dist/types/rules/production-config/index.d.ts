import type { Rule } from "../types.js";
/** Rules of the `production-config` category, one file each. */
export declare const productionConfigRules: Rule[];
