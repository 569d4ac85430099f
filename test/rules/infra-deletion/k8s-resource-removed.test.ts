import { describe, expect, it } from "vitest";
import { k8sResourceRemovedRule as k8sRule } from "../../../src/rules/infra-deletion/k8s-resource-removed.js";
import { addedFile, deletedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

const statefulSet = [
  "apiVersion: apps/v1",
  "kind: StatefulSet",
  "metadata:",
  "  name: postgres",
  "  namespace: data",
  "spec:",
  "  replicas: 1",
];
const service = [
  "apiVersion: v1",
  "kind: Service",
  "metadata:",
  "  name: postgres",
  "spec:",
  "  ports:",
  "  - port: 5432",
];

describe("infra-deletion/k8s-resource-removed", () => {
  it("reports each object of a deleted multi-document manifest with kind, namespace and name", async () => {
    const f = await runRule(k8sRule, deletedFile("k8s/postgres.yaml", [...statefulSet, "---", ...service]));
    expect(f.map((x) => [x.line, x.severity])).toEqual([
      [2, "high"],
      [10, "medium"],
    ]);
    expect(f[0]!.message).toContain("StatefulSet postgres in namespace data");
    expect(f[1]!.message).toContain("Service postgres");
  });

  it("treats Namespace and CRD removal as critical", async () => {
    const ns = deletedFile("k8s/namespace.yaml", [
      "apiVersion: v1",
      "kind: Namespace",
      "metadata:",
      "  name: payments",
    ]);
    expect((await runRule(k8sRule, ns))[0]?.severity).toBe("critical");
  });

  it("reports a document removed from a multi-document file but not one re-added elsewhere", async () => {
    const diff = modifiedFile("deploy/app.yaml", [
      " kind: Deployment",
      " metadata:",
      "   name: web",
      "----",
      "-apiVersion: v1",
      "-kind: PersistentVolumeClaim",
      "-metadata:",
      "-  name: uploads",
      "-spec:",
      "-  resources:",
      "-    requests:",
      "-      storage: 10Gi",
    ]);
    const f = await runRule(k8sRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "high", side: "old", line: 6 });
    expect(f[0]!.message).toContain("PersistentVolumeClaim uploads");

    const moved =
      deletedFile("k8s/web.yaml", ["apiVersion: v1", "kind: Service", "metadata:", "  name: web"]) +
      addedFile("k8s/services/web.yaml", ["apiVersion: v1", "kind: Service", "metadata:", "  name: web"]);
    expect(await runRule(k8sRule, moved)).toEqual([]);
  });

  it("reads Helm templates by line (they are not YAML) and names the kind", async () => {
    const diff = deletedFile("charts/api/templates/role.yaml", [
      "{{- if .Values.rbac.create }}",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: Role",
      "metadata:",
      '  name: {{ include "api.fullname" . }}',
      "{{- end }}",
    ]);
    const f = await runRule(k8sRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/Role removed \(Helm template charts\/api\/templates\/role.yaml deleted\)/);
  });

  it("reports kustomization resources dropped unless their file is deleted in the same diff", async () => {
    const diff = modifiedFile("overlays/staging/kustomization.yaml", [
      " resources:",
      " - ../../base",
      "-- redis.yaml",
      "-- worker.yaml",
      " components:",
    ]);
    const f = await runRule(k8sRule, diff + deletedFile("overlays/staging/worker.yaml", ["kind: ConfigMap"]));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("no longer deploys redis.yaml");
  });

  it("stays quiet for edits, GitHub workflows and compose files", async () => {
    const edit = modifiedFile("k8s/web.yaml", [
      "apiVersion: apps/v1",
      " kind: Deployment",
      "-  replicas: 2",
      "+  replicas: 3",
    ]);
    expect(await runRule(k8sRule, edit)).toEqual([]);
    const workflow = deletedFile(".github/workflows/deploy.yml", ["name: deploy", "on: push", "jobs: {}"]);
    expect(await runRule(k8sRule, workflow)).toEqual([]);
    const compose = deletedFile("docker-compose.yml", ["services:", "  db:", "    image: postgres"]);
    expect(await runRule(k8sRule, compose)).toEqual([]);
  });
});

ruleTester(k8sRule, {
  valid: [
    {
      name: "a manifest moved to another file",
      diff: deletedFile("k8s/old/db.yaml", statefulSet) + addedFile("k8s/db.yaml", statefulSet),
    },
    {
      name: "a manifest edited",
      diff: modifiedFile("k8s/svc.yaml", [" kind: Service", " spec:", "-  type: ClusterIP", "+  type: NodePort"]),
    },
  ],
  invalid: [
    {
      name: "a StatefulSet deleted",
      diff: deletedFile("k8s/db.yaml", statefulSet),
      findings: [
        {
          line: 2,
          side: "old",
          severity: "high",
          message: "Kubernetes StatefulSet postgres in namespace data removed",
        },
      ],
    },
    {
      name: "a StatefulSet deleted from example manifests: low",
      diff: deletedFile("examples/postgres/db.yaml", statefulSet),
      findings: [{ line: 2, severity: "low", message: "(example code, not a deployment)" }],
    },
  ],
});
