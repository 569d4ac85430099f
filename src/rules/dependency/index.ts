import type { Rule } from "../types.js";

/** Rules of the `dependency` category, one file each. */
export const dependencyRules: Rule[] = [];
