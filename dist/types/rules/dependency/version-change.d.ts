import type { Rule } from "../types.js";
/**
 * Dependency versions changed or dependencies removed in a manifest, grouped into ONE finding per
 * manifest (a Dependabot bump or a 40-package upgrade reads as one line, not forty). Lockfile
 * churn that accompanies its manifest is not reported again.
 */
export declare const versionChangeRule: Rule;
