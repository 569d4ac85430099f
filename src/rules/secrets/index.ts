import type { Rule } from "../types.js";

/** Rules of the `secrets` category, one file each. */
export const secretsRules: Rule[] = [];
