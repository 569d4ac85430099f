import type { Rule } from "../types.js";
/** Pulumi resource options that let a resource be deleted: `protect: false` (or removed), `deleteBeforeReplace`. */
export declare const pulumiProtectionRule: Rule;
