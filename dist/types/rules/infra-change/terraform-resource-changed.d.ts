import type { Rule } from "../types.js";
/**
 * Every other Terraform edit: resources added or modified, renames covered by `moved`, objects forgotten
 * with `removed { destroy = false }`, provider and module version changes, variables and outputs.
 * Low, or medium when a resource that holds data is modified in place.
 */
export declare const terraformResourceChangedRule: Rule;
