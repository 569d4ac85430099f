import type { Rule } from "../types.js";
/** AWS CDK code that lets a resource and its data be destroyed: `RemovalPolicy.DESTROY`, `autoDeleteObjects`. */
export declare const cdkRemovalPolicyRule: Rule;
