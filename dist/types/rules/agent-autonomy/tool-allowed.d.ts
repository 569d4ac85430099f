import type { Rule } from "../types.js";
export declare const toolAllowedRule: Rule;
