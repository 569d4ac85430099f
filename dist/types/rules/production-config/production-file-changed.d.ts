import type { Rule } from "../types.js";
/**
 * Every changed file that reaches production is a finding of its own (the environment-isolation
 * safeguard): medium, high when it deletes things or touches secrets, replica counts or protections.
 */
export declare const productionFileChangedRule: Rule;
