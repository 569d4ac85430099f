import type { Rule } from "../types.js";
/** A Helm chart deleted (its Chart.yaml goes) or a chart dependency (subchart) dropped. */
export declare const helmChartRemovedRule: Rule;
