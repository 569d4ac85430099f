import type { Rule } from "../types.js";
/** The untrusted field interpolated by a `${{ }}` expression on the line, or null. */
export declare function untrustedExpression(content: string): string | null;
export declare const scriptInjectionRule: Rule;
