import { describe, expect, it } from "vitest";
import { cloudformationResourceRemovedRule as cfnRule } from "../../../src/rules/infra-deletion/cloudformation-resource-removed.js";
import { deletedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

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

  it("a large template rewrite: each removed resource reads as renamed to the first new id of its type", async () => {
    const n = 2_000;
    const lines = [" Resources:"];
    for (let i = 0; i < n; i++)
      lines.push(`-  Old${i}:`, `-    Type: AWS::${i % 2 ? "SQS::Queue" : "S3::Bucket"}`, `-    Properties: {}`);
    // A queue whose key line changed but whose id the old template had too is no rename target.
    lines.push("+  Old1:", "+    Type: AWS::SQS::Queue");
    for (let i = 0; i < n; i++) lines.push(`+  Jobs${i}:`, "+    Type: AWS::SQS::Queue");
    const f = await runRule(cfnRule, modifiedFile("templates/big.yaml", lines));
    expect(f).toHaveLength(n - 1);
    const queues = f.filter((x) => x.message.includes("AWS::SQS::Queue"));
    expect(queues).toHaveLength(n / 2 - 1);
    expect(queues.every((x) => x.message.includes("renamed to Jobs0:"))).toBe(true);
    expect(f.filter((x) => x.message.includes("renamed"))).toHaveLength(n / 2 - 1);
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

ruleTester(cfnRule, {
  valid: [
    {
      name: "a property edited",
      diff: modifiedFile("cfn/queue.yaml", [
        " Resources:",
        "   Jobs:",
        "     Type: AWS::SQS::Queue",
        "     Properties:",
        "-      DelaySeconds: 0",
        "+      DelaySeconds: 5",
      ]),
    },
    { name: "a JSON file that is not a template", diff: deletedFile("package.json", ["{}"]) },
  ],
  invalid: [
    {
      name: "a bucket removed from a template",
      diff: modifiedFile("cfn/storage.yaml", [
        " Resources:",
        "-  Uploads:",
        "-    Type: AWS::S3::Bucket",
        "   Queue:",
        "     Type: AWS::SQS::Queue",
      ]),
      findings: [
        {
          line: 2,
          side: "old",
          severity: "critical",
          message: "CloudFormation resource Uploads (AWS::S3::Bucket) removed",
        },
      ],
    },
  ],
});
