import type { Report } from "../types.js";
/**
 * Every format's last step: the rendered output is checked against the secrets found in this run (the
 * guard attached by the engine). A hit is a leak the masking missed: it is masked in the output and, so
 * the reader knows, the output is rendered again with a bug warning. Only windows of plain token
 * characters count here, so masking can never cut through the format's own syntax.
 */
export declare function withFinalPass(report: Report, format: string, render: (report: Report) => string): string;
