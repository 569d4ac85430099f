import type { Rule } from "../types.js";
/** Any other CloudFormation/SAM template change: resources added or modified. Low. */
export declare const cloudformationTemplateChangedRule: Rule;
