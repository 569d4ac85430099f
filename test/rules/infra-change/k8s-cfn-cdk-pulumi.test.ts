import { describe, expect, it } from "vitest";
import { cdkRemovalPolicyRule as cdk } from "../../../src/rules/infra-change/cdk-removal-policy.js";
import { cloudformationDeletionPolicyRule as cfnPolicy } from "../../../src/rules/infra-change/cloudformation-deletion-policy.js";
import { cloudformationTemplateChangedRule as cfnChanged } from "../../../src/rules/infra-change/cloudformation-template-changed.js";
import { k8sManifestChangedRule as k8sChanged } from "../../../src/rules/infra-change/k8s-manifest-changed.js";
import { k8sRiskySettingRule as k8sRisky } from "../../../src/rules/infra-change/k8s-risky-setting.js";
import { pulumiProtectionRule as pulumi } from "../../../src/rules/infra-change/pulumi-protection.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";

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
});

describe("infra-change/k8s-manifest-changed", () => {
  it("reports new and edited manifests low, naming the objects", async () => {
    const diff =
      addedFile("k8s/worker.yaml", ["apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: worker"]) +
      modifiedFile("charts/api/values.yaml", ["-image: api:1.0", "+image: api:1.1"]);
    const f = await runRule(k8sChanged, diff);
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ["low", "Kubernetes manifest added: Deployment worker"],
      ["low", "Helm values changed: charts/api/values.yaml"],
    ]);
  });

  it("ignores plain YAML config and comment-only edits", async () => {
    const config = modifiedFile("config/settings.yaml", ["-timeout: 5", "+timeout: 10"]);
    expect(await runRule(k8sChanged, config)).toEqual([]);
    const comment = modifiedFile("k8s/web.yaml", [" apiVersion: v1", " kind: Service", "+# owned by team-web"]);
    expect(await runRule(k8sChanged, comment)).toEqual([]);
  });
});

describe("infra-change/cloudformation-*", () => {
  const diff = modifiedFile("cfn/storage.yaml", [
    " Resources:",
    "   Uploads:",
    "     Type: AWS::S3::Bucket",
    "-    DeletionPolicy: Retain",
    "-    UpdateReplacePolicy: Retain",
    "+    DeletionPolicy: Delete",
    "     Properties:",
    "       BucketName: uploads",
  ]);

  it("reports DeletionPolicy set to Delete and UpdateReplacePolicy Retain removed", async () => {
    const f = await runRule(cfnPolicy, diff);
    expect(f.map((x) => x.message)).toEqual([
      "CloudFormation Uploads (AWS::S3::Bucket): DeletionPolicy changed from Retain to Delete",
      expect.stringContaining("UpdateReplacePolicy: Retain removed"),
    ]);
  });

  it("does not flag a new resource created with DeletionPolicy Delete, nor Delete -> Retain", async () => {
    const created = modifiedFile("cfn/storage.yaml", [
      " Resources:",
      "+  Scratch:",
      "+    Type: AWS::S3::Bucket",
      "+    DeletionPolicy: Delete",
    ]);
    expect(await runRule(cfnPolicy, created)).toEqual([]);
    const safer = modifiedFile("cfn/storage.yaml", [
      " Resources:",
      "   Db:",
      "     Type: AWS::RDS::DBInstance",
      "-    DeletionPolicy: Delete",
      "+    DeletionPolicy: Snapshot",
    ]);
    expect(await runRule(cfnPolicy, safer)).toEqual([]);
    const f = await runRule(cfnChanged, created);
    expect(f[0]!.message).toContain("added Scratch (AWS::S3::Bucket)");
  });
});

describe("infra-change/cdk-removal-policy", () => {
  it("reports RemovalPolicy.DESTROY and autoDeleteObjects with the construct id", async () => {
    const diff = modifiedFile("infra/lib/data-stack.ts", [
      "     new s3.Bucket(this, 'Reports', {",
      "-      removalPolicy: RemovalPolicy.RETAIN,",
      "+      removalPolicy: RemovalPolicy.DESTROY,",
      "+      autoDeleteObjects: true,",
      "     });",
    ]);
    const f = await runRule(cdk, diff);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining("CDK s3.Bucket 'Reports': RemovalPolicy.DESTROY"),
      expect.stringContaining("CDK s3.Bucket 'Reports': autoDeleteObjects"),
    ]);
  });

  it("reads Python CDK and ignores tests and comments", async () => {
    const py = modifiedFile("stacks/data.py", [
      '         table = dynamodb.Table(self, "Events",',
      "+            removal_policy=RemovalPolicy.DESTROY,",
    ]);
    expect((await runRule(cdk, py))[0]?.message).toContain("dynamodb.Table 'Events'");
    const test = modifiedFile("test/data-stack.test.ts", ["+  removalPolicy: RemovalPolicy.DESTROY,"]);
    expect(await runRule(cdk, test)).toEqual([]);
    const comment = modifiedFile("lib/stack.ts", ["+  // never use RemovalPolicy.DESTROY here"]);
    expect(await runRule(cdk, comment)).toEqual([]);
  });
});

describe("infra-change/pulumi-protection", () => {
  it("reports protect turned off, protect removed and deleteBeforeReplace", async () => {
    const diff = modifiedFile("index.ts", [
      ' import * as aws from "@pulumi/aws";',
      ' const db = new aws.rds.Instance("orders", {',
      "   engine: 'postgres',",
      "-}, { protect: true });",
      "+}, { deleteBeforeReplace: true });",
    ]);
    const f = await runRule(pulumi, diff);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining("aws.rds.Instance 'orders': deleteBeforeReplace enabled"),
      expect.stringContaining("protect: true removed"),
    ]);
  });

  it("ignores protect flags outside Pulumi programs", async () => {
    const diff = modifiedFile("src/settings.ts", [" export const branch = {", "+  protect: false,", " };"]);
    expect(await runRule(pulumi, diff)).toEqual([]);
  });
});
