import type { Rule } from "../types.js";

/** Rules of the `production-config` category, one file each. */
export const productionConfigRules: Rule[] = [];
