import type { ChangedFile } from "../diff/model.js";
import { type Side, type SideLine } from "../diff/side.js";
/**
 * Kubernetes and Helm manifests: which objects (kind, namespace, name) a file declares, from the whole
 * text when the diff holds it (YAML parser, multi-document) or from hunk lines (tolerant line scan; Helm
 * templates are not YAML until rendered, so they are always line-scanned).
 */
export interface K8sDoc {
    kind: string;
    name?: string;
    namespace?: string;
    /** Line of the `kind:` key on its side. */
    line: number;
    /** For hunk scans: true when the `kind:` line itself is a change on this side. */
    kindChanged?: boolean;
}
export declare function k8sLabel(doc: Pick<K8sDoc, "kind" | "name" | "namespace">, file?: string): string;
export declare function docKey(doc: Pick<K8sDoc, "kind" | "name">): string;
/** Tolerant scan of manifest lines (works on Helm templates and on partial hunks). */
export declare function lineScanDocs(lines: readonly {
    text: string;
    line: number;
    changed?: boolean;
}[]): {
    docs: K8sDoc[];
    /** The document each input line falls in (by index). */
    docAt: (K8sDoc | null)[];
};
/** Documents of a whole manifest text: YAML parser first, line scan for templates and parse errors. */
export declare function docsFromText(text: string): K8sDoc[];
export type ManifestFlavor = "manifest" | "helm-template" | "helm-chart" | "helm-values" | "kustomization";
/**
 * What kind of Kubernetes/Helm file this is, or null for other YAML (CI, compose, CloudFormation...).
 * Decided from the path and the text the diff shows.
 */
export declare function manifestFlavor(file: ChangedFile): ManifestFlavor | null;
/** Documents of one side of a file: whole text when available, else the hunks' lines. */
export declare function sideDocs(file: ChangedFile, side: Side): K8sDoc[];
export interface SectionLine extends SideLine {
    side: Side;
    /** The top-level YAML key the line sits under, as far as the hunk shows it (null before any). */
    section: string | null;
}
/** Every non-key line of each hunk, old side then new, with the top-level YAML key it sits under. */
export declare function yamlSectionLines(file: ChangedFile): Generator<SectionLine>;
