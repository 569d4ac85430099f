// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { cloudDeleteRule } from "../../../src/rules/destructive-command/cloud-delete.js";
import { addedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("destructive-command/cloud-delete", () => {
  it("flags unconfirmed cloud deletions and names the target", async () => {
    const diff = addedFile("scripts/teardown.sh", [
      "aws s3 rb s3://billing-exports --force",
      "aws s3 rm s3://billing-exports/ --recursive",
      "aws rds delete-db-instance --db-instance-identifier billing \\",
      "  --skip-final-snapshot",
      "gcloud sql instances delete billing-db --quiet",
      "az group delete --name billing-rg --yes",
    ]);
    const f = await runRule(cloudDeleteRule, diff);
    expect(f.map((x) => x.line)).toEqual([1, 2, 3, 5, 6]);
    expect(f[0]!.message).toContain("s3://billing-exports");
    expect(f[2]!.message).toContain("--skip-final-snapshot");
    expect(f[4]!.message).toContain("resource group");
  });

  it("ignores confirmed or snapshot-keeping deletions and reads", async () => {
    const diff = addedFile("scripts/ops.sh", [
      "aws s3 rm s3://bucket/tmp/file.txt",
      "aws rds delete-db-instance --db-instance-identifier x --final-db-snapshot-identifier x-final",
      "gcloud compute instances delete vm-1",
      "az group show --name rg",
      "aws s3 ls s3://bucket --recursive",
    ]);
    expect(await runRule(cloudDeleteRule, diff)).toEqual([]);
  });
});

ruleTester(cloudDeleteRule, {
  valid: [
    { name: "in a test", diff: addedFile("test/cleanup.sh", ["aws s3 rb s3://fixtures --force"]) },
    { name: "in documentation", diff: addedFile("docs/ops.md", ["aws s3 rb s3://exports --force"]) },
    { name: "a comment", diff: addedFile("scripts/ops.sh", ["# aws s3 rb s3://exports --force"]) },
  ],
  invalid: [
    {
      name: "a bucket removed with its objects",
      diff: addedFile("scripts/teardown.sh", ["aws s3 rb s3://exports --force"]),
      findings: [{ line: 1, severity: "high", message: "aws s3 rb --force removes bucket s3://exports" }],
    },
    {
      name: "against production",
      diff: addedFile("scripts/teardown.sh", ["aws s3 rb s3://exports-prod --force"]),
      findings: [{ line: 1, severity: "critical" }],
    },
  ],
});
