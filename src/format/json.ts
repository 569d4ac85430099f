import type { Report } from "../types.js";

/** The versioned JSON contract (`version: 1`), documented in the README. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
