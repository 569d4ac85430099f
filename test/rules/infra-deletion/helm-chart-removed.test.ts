import { describe, expect, it } from "vitest";
import { helmChartRemovedRule as helmRule } from "../../../src/rules/infra-deletion/helm-chart-removed.js";
import { k8sResourceRemovedRule as k8sRule } from "../../../src/rules/infra-deletion/k8s-resource-removed.js";
import { deletedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("infra-deletion/helm-chart-removed", () => {
  it("reports a deleted chart once, listing its template kinds, and silences its templates", async () => {
    const diff =
      deletedFile("charts/exporter/Chart.yaml", ["apiVersion: v2", "name: exporter", "version: 1.2.0"]) +
      deletedFile("charts/exporter/templates/service.yaml", [
        "apiVersion: v1",
        "kind: Service",
        "metadata:",
        "  name: x",
      ]);
    const f = await runRule(helmRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "high", file: "charts/exporter/Chart.yaml" });
    expect(f[0]!.message).toContain("Helm chart exporter removed");
    expect(f[0]!.message).toContain("Service");
    expect(await runRule(k8sRule, diff)).toEqual([]);
  });

  it("reports a dependency dropped from Chart.yaml but not a maintainer or a version bump", async () => {
    const diff = modifiedFile("charts/app/Chart.yaml", [
      " dependencies:",
      "-  - name: postgresql",
      "-    version: 12.1.0",
      "-    repository: https://charts.bitnami.com/bitnami",
      "   - name: redis",
      " maintainers:",
      "-  - name: alice",
      "-version: 1.0.0",
      "+version: 1.1.0",
    ]);
    const f = await runRule(helmRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("Helm dependency postgresql removed");
  });
});

ruleTester(helmRule, {
  valid: [
    {
      name: "a chart version bumped",
      diff: modifiedFile("charts/web/Chart.yaml", [" name: web", "-version: 1.0.0", "+version: 1.1.0"]),
    },
    { name: "a values file deleted", diff: deletedFile("charts/web/values-old.yaml", ["replicaCount: 1"]) },
  ],
  invalid: [
    {
      name: "a chart deleted",
      diff: deletedFile("charts/web/Chart.yaml", ["apiVersion: v2", "name: web", "version: 1.0.0"]),
      findings: [
        { line: null, side: "old", severity: "high", message: "Helm chart web removed (charts/web/Chart.yaml deleted" },
      ],
    },
  ],
});
