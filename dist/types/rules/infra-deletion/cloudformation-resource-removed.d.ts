import type { Rule } from "../types.js";
/**
 * A CloudFormation/SAM logical resource removed from a template (or its logical id renamed, which
 * CloudFormation treats as delete + create). A resource with DeletionPolicy Retain is only orphaned.
 */
export declare const cloudformationResourceRemovedRule: Rule;
