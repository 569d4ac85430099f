import { describe, expect, it } from "vitest";
import { k8sRiskySettingRule as k8sRisky } from "../../../src/rules/infra-change/k8s-risky-setting.js";
import { addedFile, modifiedFile, runRule, scan } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("infra-change/k8s-risky-setting", () => {
  it("reports replicas: 0 naming the object from the hunk context", async () => {
    const diff = modifiedFile(
      "deploy/checkout.yaml",
      ["   name: checkout", "   namespace: shop", " spec:", "-  replicas: 6", "+  replicas: 0", "   selector:"],
      4,
    );
    const f = await runRule(k8sRisky, diff);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 7, severity: "high", side: "new" });
    expect(f[0]!.message).toContain("checkout in namespace shop");
    expect(f[0]!.message).toContain("scaled to zero");
  });

  it("reports reclaim policy Delete, Helm replicaCount 0 and a removed keep policy", async () => {
    const pv = modifiedFile("k8s/pv.yaml", [
      " kind: PersistentVolume",
      " metadata:",
      "   name: data",
      "   annotations:",
      "-    helm.sh/resource-policy: keep",
      " spec:",
      "-  persistentVolumeReclaimPolicy: Retain",
      "+  persistentVolumeReclaimPolicy: Delete",
    ]);
    const f = await runRule(k8sRisky, pv);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining("PersistentVolume data: persistentVolumeReclaimPolicy: Delete"),
      expect.stringContaining("PersistentVolume data: helm.sh/resource-policy keep removed"),
    ]);
    const values = modifiedFile("charts/api/values.yaml", ["-replicaCount: 2", "+replicaCount: 0"]);
    expect((await runRule(k8sRisky, values))[0]?.message).toContain("Helm values charts/api/values.yaml");
  });

  it("stays quiet for scaling up, workflows and commented values", async () => {
    const up = modifiedFile("k8s/web.yaml", ["-  replicas: 0", "+  replicas: 3"]);
    expect(await runRule(k8sRisky, up)).toEqual([]);
    const workflow = modifiedFile(".github/workflows/scale.yml", ["+        replicas: 0"]);
    expect(await runRule(k8sRisky, workflow)).toEqual([]);
    const comment = modifiedFile("k8s/web.yaml", ["+  # replicas: 0 during maintenance"]);
    expect(await runRule(k8sRisky, comment)).toEqual([]);
  });

  it("is high when production values turn a chart's persistence off (the production raise)", async () => {
    const report = await scan(
      modifiedFile("charts/postgres/values-prod.yaml", [
        " primary:",
        "   persistence:",
        "-    enabled: true",
        "+    enabled: false",
      ]),
    );
    const f = report.findings.find((x) => x.ruleId === "infra-change/k8s-risky-setting");
    expect(f).toMatchObject({ severity: "high", line: 3 });
  });
});

ruleTester(k8sRisky, {
  valid: [
    {
      name: "scaled up",
      diff: modifiedFile("k8s/web.yaml", [" kind: Deployment", "-  replicas: 2", "+  replicas: 3"]),
    },
    {
      name: "persistence turned on, and another feature turned off",
      diff: modifiedFile("values.yaml", [
        " persistence:",
        "-  enabled: false",
        "+  enabled: true",
        " metrics:",
        "-  enabled: true",
        "+  enabled: false",
      ]),
    },
    {
      name: "Retain reclaim policy",
      diff: addedFile("k8s/pv.yaml", ["kind: PersistentVolume", "spec:", "  persistentVolumeReclaimPolicy: Retain"]),
    },
  ],
  invalid: [
    {
      name: "scaled to zero",
      diff: modifiedFile("k8s/web.yaml", [
        " apiVersion: apps/v1",
        " kind: Deployment",
        " metadata:",
        "   name: web",
        " spec:",
        "-  replicas: 2",
        "+  replicas: 0",
      ]),
      findings: [{ line: 6, severity: "high", message: "Kubernetes Deployment web: scaled to zero (replicas: 0)" }],
    },
    {
      name: "a chart's persistence turned off in Helm values (nested and dotted)",
      diff:
        modifiedFile("deploy/values.yaml", [
          " redis:",
          "   master:",
          "     persistence:",
          "-      enabled: true",
          "+      enabled: false",
        ]) + addedFile("apps/db/helmrelease.yaml", ["spec:", "  values:", "    primary.persistence.enabled: false"]),
      findings: [
        { file: "deploy/values.yaml", line: 4, severity: "medium", message: "persistence turned off" },
        { file: "apps/db/helmrelease.yaml", line: 3, message: "persistence turned off" },
      ],
    },
  ],
});
