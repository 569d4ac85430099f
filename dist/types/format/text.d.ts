import type { Report } from "../types.js";
export interface TextOptions {
    color?: boolean;
    /** Findings shown per category before "… and N more" (default 10). */
    perCategory?: number;
}
/** Plain report for a terminal; colored when `color` is set (the CLI sets it on a TTY only). */
export declare function formatText(report: Report, options?: TextOptions): string;
