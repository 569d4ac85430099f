import type { ChangedFile } from "../diff/model.js";
import type { RuleContext } from "../rules/types.js";
import { type K8sDoc, type ManifestFlavor } from "./k8s.js";
export interface K8sFile {
    file: ChangedFile;
    flavor: ManifestFlavor;
}
export interface RemovedChart {
    file: ChangedFile;
    dir: string;
    name: string;
}
export interface K8sAnalysis {
    files: K8sFile[];
    /** Object keys (`kind/name`) present on the new side anywhere in the diff. */
    newKeys: Set<string>;
    /** Charts whose Chart.yaml is deleted: their templates are reported as one chart removal. */
    removedCharts: RemovedChart[];
    deletedPaths: Set<string>;
    /** Documents of each file's old side (whole when deleted), by path. */
    oldDocs: Map<string, K8sDoc[]>;
}
/** The Kubernetes/Helm view of this diff, computed once per file list and shared by the k8s rules. */
export declare function k8sAnalysis(ctx: RuleContext): K8sAnalysis;
/** The removed chart a path belongs to, if any. */
export declare function chartOf(path: string, charts: readonly RemovedChart[]): RemovedChart | undefined;
