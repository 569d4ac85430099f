import type { Rule } from "../types.js";
/**
 * Settings that take a workload down or let data go: `replicas: 0`, reclaim policy Delete, StatefulSet
 * claim retention Delete, prune turned on, Helm's `resource-policy: keep` removed.
 */
export declare const k8sRiskySettingRule: Rule;
