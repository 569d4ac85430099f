import { describe, expect, it } from "vitest";
import { cdkRemovalPolicyRule as cdk } from "../../../src/rules/infra-change/cdk-removal-policy.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

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

ruleTester(cdk, {
  valid: [
    {
      name: "RemovalPolicy.RETAIN",
      diff: addedFile("infra/stack.ts", [
        "new s3.Bucket(this, 'Reports', {",
        "  removalPolicy: RemovalPolicy.RETAIN,",
        "});",
      ]),
    },
    {
      name: "a test stack",
      diff: addedFile("test/stack.test.ts", ["new s3.Bucket(this, 'Tmp', { removalPolicy: RemovalPolicy.DESTROY });"]),
    },
    {
      name: "a comment",
      diff: addedFile("infra/stack.ts", ["// removalPolicy: RemovalPolicy.DESTROY is never allowed"]),
    },
  ],
  invalid: [
    {
      name: "RemovalPolicy.DESTROY on a bucket",
      diff: addedFile("infra/stack.ts", [
        "new s3.Bucket(this, 'Reports', {",
        "  removalPolicy: RemovalPolicy.DESTROY,",
        "});",
      ]),
      findings: [{ line: 2, message: "CDK s3.Bucket 'Reports': RemovalPolicy.DESTROY" }],
    },
  ],
});
