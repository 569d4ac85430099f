import type { Report } from "../types.js";
/** The versioned JSON contract (`version: 1`), documented in the README. */
export declare function formatJson(report: Report): string;
