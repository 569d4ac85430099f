/**
 * Which infrastructure objects hold data or state that a destroy loses for good. Removing one of these
 * is critical; removing anything else is high (it still takes something down).
 */
export declare function isStatefulTerraformType(type: string): boolean;
export declare function isStatefulModule(nameOrSource: string): boolean;
export declare function isStatefulCfnType(type: string): boolean;
/** Kubernetes kinds whose removal deletes data or everything under them. */
export declare function k8sKindSeverity(kind: string): "critical" | "high" | "medium";
