import { isCommentLine } from "../../diff/line-syntax.js";
import { sideOf } from "../../diff/side.js";
import { type K8sDoc, k8sLabel, lineScanDocs } from "../../infra/k8s.js";
import { chartOf, k8sAnalysis } from "../../infra/k8s-analysis.js";
import type { Rule, RuleFinding } from "../types.js";

const RISKY = /^\s*(?:replicas|replicaCount|persistentVolumeReclaimPolicy|reclaimPolicy|whenDeleted|whenScaled|prune):/;

function meaningful(path: string, text: string): boolean {
  const t = text.trim();
  return t !== "" && t !== "---" && !isCommentLine(path, t);
}

/**
 * Any other change to Kubernetes manifests, Helm charts (templates, values, Chart.yaml) and kustomizations.
 * Low: it changes what runs, and a reviewer should see it was intended.
 */
export const k8sManifestChangedRule: Rule = {
  id: "infra-change/k8s-manifest-changed",
  category: "infra-change",
  description: "Kubernetes manifest, Helm chart or kustomization changed or added.",
  severity: "low",
  remediation:
    "Render and diff what the cluster will receive (kubectl diff, helm diff, kustomize build) before merging.",
  docs: {
    severity: "low",
    detects:
      "Any other change to manifests, Helm templates, values, `Chart.yaml` or kustomizations, one finding per file naming the objects.",
  },
  run(ctx) {
    const analysis = k8sAnalysis(ctx);
    const findings: RuleFinding[] = [];
    for (const { file, flavor } of analysis.files) {
      if (file.status === "deleted") continue; // the deletion rules speak for deleted files
      if (chartOf(file.path, analysis.removedCharts)) continue;
      const touched = new Map<string, K8sDoc>();
      let first: { line: number; side: "new" | "old" } | null = null;
      let onlyRisky = true;
      for (let h = 0; h < file.hunks.length; h++) {
        for (const side of ["new", "old"] as const) {
          const lines = sideOf(file, side).hunks[h]!;
          const { docAt } = lineScanDocs(lines);
          lines.forEach((l, i) => {
            if (!l.changed || !meaningful(file.path, l.text)) return;
            if (!RISKY.test(l.text)) onlyRisky = false;
            first ??= { line: l.line, side };
            const d = docAt[i];
            if (d && (d.kind || d.name)) touched.set(`${d.kind}/${d.name ?? ""}`, d);
          });
        }
      }
      if (!first || onlyRisky) continue;
      const at: { line: number; side: "new" | "old" } = first;
      const objects = [...touched.values()].map((d) => k8sLabel(d, file.path));
      const shown = objects.slice(0, 3).join(", ") + (objects.length > 3 ? `, +${objects.length - 3} more` : "");
      let message: string;
      switch (flavor) {
        case "helm-chart":
          message = `Helm chart metadata changed: ${file.path}`;
          break;
        case "helm-values":
          message = `Helm values changed: ${file.path}`;
          break;
        case "kustomization":
          message = `Kustomization changed: ${file.path}`;
          break;
        default:
          message =
            file.status === "added"
              ? `Kubernetes manifest added: ${shown || file.path}`
              : `Kubernetes ${shown || `manifest ${file.path}`} changed`;
      }
      findings.push({ file: file.path, line: at.line, side: at.side, message, severity: "low" });
    }
    return findings;
  },
};
