import type { Rule } from "../types.js";
/** Rules of the `secrets` category, one file each. They share one scan of the diff (src/secrets/findings.ts). */
export declare const secretsRules: Rule[];
