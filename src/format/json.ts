import { toJson } from "../text/json.js";
import type { Report } from "../types.js";
import { withFinalPass } from "./final-pass.js";

/** The versioned JSON contract (`version: 1`), documented in the README. */
export function formatJson(report: Report): string {
  return withFinalPass(report, "JSON", (r) => `${toJson(r)}\n`);
}
