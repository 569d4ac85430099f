import { posix } from "node:path";
import type { ChangedFile } from "../../diff/model.js";
import { sideOf } from "../../diff/side.js";
import { docKey, k8sLabel, yamlSectionLines } from "../../infra/k8s.js";
import { chartOf, type K8sAnalysis, k8sAnalysis } from "../../infra/k8s-analysis.js";
import { k8sKindSeverity } from "../../infra/stateful.js";
import { dirnameOf } from "../../util/paths.js";
import { inDeploymentScope } from "../iac-deletion-scope.js";
import type { Rule, RuleFinding } from "../types.js";

const LIST_ENTRY = /^\s*-\s+["']?([^\s"'#]+)["']?\s*(?:#.*)?$/;

function kustomizationEntriesRemoved(file: ChangedFile, analysis: K8sAnalysis): RuleFinding[] {
  const removed: { entry: string; line: number; section: string }[] = [];
  const added = new Set<string>();
  for (const l of yamlSectionLines(file)) {
    const entry = LIST_ENTRY.exec(l.text);
    if (!entry || !l.changed) continue;
    if (l.side === "new") added.add(entry[1]!);
    else if (l.section === "resources" || l.section === "bases")
      removed.push({ entry: entry[1]!, line: l.line, section: l.section });
  }
  const findings: RuleFinding[] = [];
  const dir = dirnameOf(file.path);
  for (const r of removed) {
    if (added.has(r.entry)) continue;
    const target = posix.normalize(dir ? `${dir}/${r.entry}` : r.entry);
    // The target file is deleted in this diff: its own objects are reported there.
    if (analysis.deletedPaths.has(target) || [...analysis.deletedPaths].some((p) => p.startsWith(`${target}/`)))
      continue;
    findings.push({
      file: file.path,
      line: r.line,
      side: "old",
      message: `Kustomization ${file.path} no longer deploys ${r.entry} (removed from ${r.section}): its objects are pruned or orphaned`,
      severity: "medium",
    });
  }
  return findings;
}

/**
 * Kubernetes objects removed: manifest files deleted, documents removed from multi-document YAML, Helm
 * templates deleted, entries dropped from a kustomization. Namespaces and CRDs are critical (their removal
 * deletes everything under them); PersistentVolumes, claims, StatefulSets and StorageClasses high.
 */
export const k8sResourceRemovedRule: Rule = {
  id: "infra-deletion/k8s-resource-removed",
  category: "infra-deletion",
  description:
    "Kubernetes object removed: manifest deleted, document removed from multi-document YAML, Helm template or kustomization entry dropped.",
  severity: "medium",
  remediation:
    "Confirm the object should be deleted from every cluster that applies these manifests (GitOps prune, kubectl apply --prune, helm upgrade delete it); back up volumes and check nothing still depends on it.",
  docs: {
    severity:
      "critical: Namespace, CustomResourceDefinition; high: PersistentVolume, PersistentVolumeClaim, StatefulSet, StorageClass; medium: others; low in example code (`examples/`, `samples/`, `demos/`: not a deployment)",
    detects:
      "Manifest files deleted (each object), documents removed from a multi-document YAML, Helm templates deleted, kustomization overlays deleted, and entries dropped from a kustomization's `resources:`/`bases:` (unless the target file is itself deleted in the diff). An object re-declared in another file of the diff (same kind and name) is a move, not a deletion.",
  },
  run(ctx) {
    const analysis = k8sAnalysis(ctx);
    const findings: RuleFinding[] = [];
    for (const { file, flavor } of analysis.files) {
      if (chartOf(file.path, analysis.removedCharts)) continue;
      if (flavor === "kustomization" && file.status !== "deleted") {
        findings.push(...kustomizationEntriesRemoved(file, analysis));
        continue;
      }
      if (flavor === "helm-chart" || flavor === "helm-values") continue;
      const docs = analysis.oldDocs.get(file.path) ?? [];
      if (file.status === "deleted") {
        if (docs.length === 0 && flavor === "helm-template") {
          findings.push({
            file: file.path,
            line: null,
            side: "old",
            message: `Helm template ${file.path} deleted: the objects it rendered are removed on the next upgrade`,
            severity: "medium",
          });
        }
        for (const d of docs) {
          if (d.name && analysis.newKeys.has(docKey(d))) continue; // moved to another file
          if (d.kind === "Kustomization" || d.kind === "Component") {
            findings.push({
              file: file.path,
              line: d.line || null,
              side: "old",
              message: `Kustomize ${d.kind === "Component" ? "component" : "overlay"} ${dirnameOf(file.path) || file.path} deleted: what it deployed is no longer applied`,
              severity: "medium",
            });
            continue;
          }
          findings.push({
            file: file.path,
            line: d.line || null,
            side: "old",
            message: `Kubernetes ${k8sLabel(d)} removed (${flavor === "helm-template" ? "Helm template" : "manifest"} ${file.path} deleted)`,
            severity: k8sKindSeverity(d.kind),
          });
        }
        continue;
      }
      // Modified files: documents whose `kind:` line was removed and that no longer exist anywhere.
      const newSideKinds = new Set<string>();
      for (const l of sideOf(file, "new").lines) {
        const m = /^kind:\s*["']?([A-Za-z][\w.-]*)/.exec(l.text);
        if (m && l.changed) newSideKinds.add(m[1]!);
      }
      for (const d of docs) {
        if (!d.kindChanged || !d.kind) continue;
        if (d.name ? analysis.newKeys.has(docKey(d)) : newSideKinds.has(d.kind)) continue;
        findings.push({
          file: file.path,
          line: d.line,
          side: "old",
          message: `Kubernetes ${k8sLabel(d)} removed from ${file.path}`,
          severity: k8sKindSeverity(d.kind),
        });
      }
    }
    return findings.map(inDeploymentScope);
  },
};
