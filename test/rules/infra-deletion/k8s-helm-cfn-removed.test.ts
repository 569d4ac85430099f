import { describe, expect, it } from "vitest";
import { cloudformationResourceRemovedRule as cfnRule } from "../../../src/rules/infra-deletion/cloudformation-resource-removed.js";
import { helmChartRemovedRule as helmRule } from "../../../src/rules/infra-deletion/helm-chart-removed.js";
import { k8sResourceRemovedRule as k8sRule } from "../../../src/rules/infra-deletion/k8s-resource-removed.js";
import { addedFile, deletedFile, modifiedFile, runRule } from "../../support/diff.js";

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

describe("infra-deletion/cloudformation-resource-removed", () => {
  it("reports a removed resource, critical for data stores, medium when DeletionPolicy Retain keeps it", async () => {
    const diff = modifiedFile("templates/storage.yaml", [
      " Resources:",
      "-  Uploads:",
      "-    Type: AWS::S3::Bucket",
      "-    Properties:",
      "-      BucketName: uploads",
      "-  Audit:",
      "-    Type: AWS::DynamoDB::Table",
      "-    DeletionPolicy: Retain",
      "   Topic:",
      "     Type: AWS::SNS::Topic",
    ]);
    const f = await runRule(cfnRule, diff);
    expect(f.map((x) => [x.line, x.severity])).toEqual([
      [2, "critical"],
      [6, "medium"],
    ]);
    expect(f[0]!.message).toContain("Uploads (AWS::S3::Bucket)");
    expect(f[1]!.message).toContain("DeletionPolicy Retain keeps");
  });

  it("reads JSON templates and reports a logical id rename as a replacement", async () => {
    const diff = modifiedFile("stack.template.json", [
      '  "Resources": {',
      '-    "Queue": {',
      '+    "JobsQueue": {',
      '       "Type": "AWS::SQS::Queue"',
      "     }",
    ]);
    const f = await runRule(cfnRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("renamed to JobsQueue");
  });

  it("ignores property edits and non-CloudFormation YAML", async () => {
    const edit = modifiedFile("template.yaml", [
      " Resources:",
      "   Fn:",
      "     Type: AWS::Serverless::Function",
      "-    MemorySize: 128",
      "+    MemorySize: 256",
    ]);
    expect(await runRule(cfnRule, edit)).toEqual([]);
    const other = modifiedFile("config/app.yaml", ["-  Uploads:", "-    Type: bucket"]);
    expect(await runRule(cfnRule, other)).toEqual([]);
  });
});
