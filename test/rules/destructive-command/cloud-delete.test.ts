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

  it("ignores single-object and snapshot-keeping deletions and reads", async () => {
    const diff = addedFile("scripts/ops.sh", [
      "aws s3 rm s3://bucket/tmp/file.txt",
      "aws rds delete-db-instance --db-instance-identifier x --final-db-snapshot-identifier x-final",
      "az group show --name rg",
      "aws s3 ls s3://bucket --recursive",
      "gcloud compute instances list --filter=name:vm",
    ]);
    expect(await runRule(cloudDeleteRule, diff)).toEqual([]);
  });

  it("reads every delete verb of the three CLIs: high for data, medium otherwise", async () => {
    const diff = addedFile("scripts/deleteEnvironment.sh", [
      'aws backup delete-recovery-point --region "$AWS_REGION" --backup-vault-name "$VAULT" --recovery-point-arn "$rp"',
      'aws backup delete-backup-vault --backup-vault-name "$VAULT"',
      'aws events delete-api-destination --name "callback-${ENVIRONMENT}" 2>/dev/null || true',
      "aws ec2 terminate-instances --instance-ids i-0abc",
      "aws kms schedule-key-deletion --key-id alias/app --pending-window-in-days 7",
      "gcloud compute instances delete vm-1",
      "gcloud container clusters delete staging --region europe-west1",
      "az webapp delete --name web --resource-group rg",
      "az sql db delete --name app --server srv --resource-group rg --yes",
    ]);
    const f = await runRule(cloudDeleteRule, diff);
    expect(f.map((x) => `${x.line} ${x.severity}`)).toEqual([
      "1 high",
      "2 high",
      "3 medium",
      "4 medium",
      "5 high",
      "6 medium",
      "7 high",
      "8 medium",
      "9 high",
    ]);
    expect(f[0]!.message).toContain("aws backup delete-recovery-point (deletes stored data)");
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
