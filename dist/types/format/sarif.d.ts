import type { Rule } from "../rules/types.js";
import type { Report } from "../types.js";
type RuleMeta = Pick<Rule, "id" | "category" | "description" | "severity" | "remediation">;
export interface SarifOptions {
    /** Rule metadata; rules that only appear in findings get metadata derived from them. */
    rules?: readonly RuleMeta[];
    toolVersion?: string;
}
export declare function formatSarif(report: Report, opts?: SarifOptions): string;
export {};
