import type { Rule } from "../types.js";
/**
 * Kubernetes objects removed: manifest files deleted, documents removed from multi-document YAML, Helm
 * templates deleted, entries dropped from a kustomization. Namespaces and CRDs are critical (their removal
 * deletes everything under them); PersistentVolumes, claims, StatefulSets and StorageClasses high.
 */
export declare const k8sResourceRemovedRule: Rule;
