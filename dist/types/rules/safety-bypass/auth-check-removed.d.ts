import type { Rule } from "../types.js";
/** Guard names a removed line carries, by the forms guards take (decorator, callback, call, middleware argument). */
export declare function guardsOnLine(content: string): string[];
export declare const authCheckRemovedRule: Rule;
