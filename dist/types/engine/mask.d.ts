import type { SecretGuard } from "../secrets/guard.js";
import type { Report } from "../types.js";
export declare function isTextField(path: string): boolean;
/** The report with every text field emptied: what a format prints of its own (keys, names, template). */
export declare function skeletonOf(report: Report): Report;
/**
 * The engine's masking step, over every text field of the report (messages, file names, evidence,
 * reasons, checklist texts, warnings): the maskers first, then the run's guard. A guard hit means a fragment of a secret got past
 * the masking where the text was quoted: it is masked and reported as a bug in the warnings.
 * The guard stays attached to the returned report for the formats' final pass.
 */
export declare function maskReport(report: Report, guard: SecretGuard): Report;
export declare function leakWarning(fragments: number, place: string): string;
