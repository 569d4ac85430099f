import type { Rule } from "../types.js";
/**
 * DeletionPolicy / UpdateReplacePolicy of an existing resource set to Delete, or a protective policy
 * (Retain, Snapshot) removed so the default (Delete for most types) applies.
 */
export declare const cloudformationDeletionPolicyRule: Rule;
