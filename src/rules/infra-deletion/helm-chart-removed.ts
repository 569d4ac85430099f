import type { ChangedFile } from "../../diff/model.js";
import { docKey, yamlSectionLines } from "../../infra/k8s.js";
import { chartOf, k8sAnalysis } from "../../infra/k8s-analysis.js";
import { inDeploymentScope } from "../iac-deletion-scope.js";
import type { Rule, RuleFinding } from "../types.js";

const DEP_NAME = /^\s*(?:-\s+)?name:\s*["']?([\w.-]+)["']?/;

function dependenciesRemoved(file: ChangedFile): RuleFinding[] {
  const removed: { name: string; line: number }[] = [];
  const kept = new Set<string>();
  for (const l of yamlSectionLines(file)) {
    if (l.section !== "dependencies") continue;
    const m = DEP_NAME.exec(l.text);
    if (!m) continue;
    if (l.side === "old" && l.changed) removed.push({ name: m[1]!, line: l.line });
    else if (l.side === "new") kept.add(m[1]!);
  }
  return removed
    .filter((r) => !kept.has(r.name))
    .map((r) => ({
      file: file.path,
      line: r.line,
      side: "old" as const,
      message: `Helm dependency ${r.name} removed from ${file.path}: the subchart's objects are deleted on the next upgrade`,
      severity: "medium" as const,
    }));
}

/** A Helm chart deleted (its Chart.yaml goes) or a chart dependency (subchart) dropped. */
export const helmChartRemovedRule: Rule = {
  id: "infra-deletion/helm-chart-removed",
  category: "infra-deletion",
  description: "Helm chart removed (Chart.yaml deleted) or a chart dependency dropped.",
  severity: "high",
  remediation:
    "Check which releases install this chart and what uninstalling it deletes (PVCs, CRDs, Secrets); deprecate and announce before removing a published chart.",
  docs: {
    severity:
      "high (chart), medium (dependency); low in example code (`examples/`, `samples/`, `demos/`: not a deployment)",
    detects:
      "A chart's `Chart.yaml` deleted: one finding for the chart, listing the kinds its deleted templates rendered (the templates are not reported again). A `dependencies:` entry removed from `Chart.yaml`/`requirements.yaml`.",
  },
  run(ctx) {
    const analysis = k8sAnalysis(ctx);
    const findings: RuleFinding[] = [];
    for (const chart of analysis.removedCharts) {
      const kinds = new Set<string>();
      let files = 0;
      for (const { file } of analysis.files) {
        if (file === chart.file || chartOf(file.path, [chart]) === undefined || file.status !== "deleted") continue;
        files++;
        for (const d of analysis.oldDocs.get(file.path) ?? [])
          if (d.kind && !analysis.newKeys.has(docKey(d))) kinds.add(d.kind);
      }
      const detail =
        kinds.size > 0 ? `, with its ${[...kinds].join(", ")} templates` : files > 0 ? `, with ${files} templates` : "";
      findings.push({
        file: chart.file.path,
        line: null,
        side: "old",
        message: `Helm chart ${chart.name} removed (${chart.dir}/Chart.yaml deleted${detail}): releases of it can no longer be upgraded and uninstalling deletes its objects`,
        severity: "high",
      });
    }
    for (const { file, flavor } of analysis.files) {
      if (flavor === "helm-chart" && file.status === "modified") findings.push(...dependenciesRemoved(file));
    }
    return findings.map(inDeploymentScope);
  },
};
