import type { Rule } from "../types.js";
/**
 * Any other change to Kubernetes manifests, Helm charts (templates, values, Chart.yaml) and kustomizations.
 * Low: it changes what runs, and a reviewer should see it was intended.
 */
export declare const k8sManifestChangedRule: Rule;
