import type { Report } from "../types.js";
export interface TextOptions {
    color?: boolean;
    /** Findings shown per category before "… and N more" (default 10). */
    perCategory?: number;
}
/**
 * Plain report for a terminal; colored when `color` is set. Every string of the report is escaped for the
 * terminal first (no ESC, BEL, CR, C1 or bidi control reaches it raw); the colors are added after.
 */
export declare function formatText(report: Report, options?: TextOptions): string;
