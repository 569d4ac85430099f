import { describe, expect, it } from "vitest";
import { cloudformationDeletionPolicyRule as cfnPolicy } from "../../../src/rules/infra-change/cloudformation-deletion-policy.js";
import { cloudformationTemplateChangedRule as cfnChanged } from "../../../src/rules/infra-change/cloudformation-template-changed.js";
import { modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("infra-change/cloudformation-deletion-policy", () => {
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

ruleTester(cfnPolicy, {
  valid: [
    {
      name: "a new resource created with DeletionPolicy Delete",
      diff: modifiedFile("cfn/storage.yaml", [
        " Resources:",
        "+  Scratch:",
        "+    Type: AWS::S3::Bucket",
        "+    DeletionPolicy: Delete",
      ]),
    },
    {
      name: "Delete made Snapshot",
      diff: modifiedFile("cfn/storage.yaml", [
        " Resources:",
        "   Db:",
        "     Type: AWS::RDS::DBInstance",
        "-    DeletionPolicy: Delete",
        "+    DeletionPolicy: Snapshot",
      ]),
    },
  ],
  invalid: [
    {
      name: "Retain made Delete",
      diff: modifiedFile("cfn/storage.yaml", [
        " Resources:",
        "   Uploads:",
        "     Type: AWS::S3::Bucket",
        "-    DeletionPolicy: Retain",
        "+    DeletionPolicy: Delete",
      ]),
      findings: [{ line: 4, side: "new", message: "DeletionPolicy changed from Retain to Delete" }],
    },
  ],
});
