import type { Rule } from "../types.js";
export declare const agentWorkflowRule: Rule;
