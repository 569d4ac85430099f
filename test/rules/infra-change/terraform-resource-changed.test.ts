import { describe, expect, it } from "vitest";
import { terraformResourceChangedRule as changed } from "../../../src/rules/infra-change/terraform-resource-changed.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("infra-change/terraform-resource-changed", () => {
  it("reports added resources low and in-place edits of data stores medium, with the attributes", async () => {
    const diff =
      addedFile("logs.tf", ['resource "aws_cloudwatch_log_group" "this" {', "  retention_in_days = 7", "}"]) +
      modifiedFile("db.tf", [
        ' resource "aws_db_instance" "this" {',
        '-  instance_class = "db.t3.small"',
        '+  instance_class = "db.t3.large"',
        " }",
      ]);
    const f = await runRule(changed, diff);
    expect(f.map((x) => [x.file, x.severity])).toEqual([
      ["logs.tf", "low"],
      ["db.tf", "medium"],
    ]);
    expect(f[0]!.message).toContain("aws_cloudwatch_log_group.this added");
    expect(f[1]!.message).toContain("aws_db_instance.this changed (instance_class)");
  });

  it("reports a moved rename once, low, on the new address", async () => {
    const diff = modifiedFile("storage.tf", [
      '-resource "aws_s3_bucket" "assets" {',
      '+resource "aws_s3_bucket" "static_assets" {',
      '   bucket = "acme-static-assets"',
      " }",
      "+moved {",
      "+  from = aws_s3_bucket.assets",
      "+  to   = aws_s3_bucket.static_assets",
      "+}",
    ]);
    const f = await runRule(changed, diff);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "low" });
    expect(f[0]!.message).toContain("aws_s3_bucket.assets renamed to aws_s3_bucket.static_assets with a moved block");
  });

  it("groups variable, output and provider edits per file and skips comment-only edits", async () => {
    const diff =
      modifiedFile("versions.tf", [
        " terraform {",
        "   required_providers {",
        "     google = {",
        '-      version = "7.39.0"',
        '+      version = "7.43.0"',
      ]) + modifiedFile("main.tf", [' module "vpc" {', "-  # old note", "-  ### Section", "   cidr = var.cidr"]);
    const f = await runRule(changed, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("terraform (required_providers)");
  });
});

ruleTester(changed, {
  valid: [
    {
      name: "a comment-only edit",
      diff: modifiedFile("infra/main.tf", [' resource "aws_instance" "web" {', "+  # sized for the launch", " }"]),
    },
    {
      name: "documentation",
      diff: addedFile("docs/example.tf", ['resource "aws_instance" "web" {', '  instance_type = "t3.small"', "}"]),
    },
  ],
  invalid: [
    {
      name: "an attribute edited in place",
      diff: modifiedFile("infra/main.tf", [
        ' resource "aws_instance" "web" {',
        '-  instance_type = "t3.small"',
        '+  instance_type = "t3.large"',
        " }",
      ]),
      findings: [{ line: 2, severity: "low", message: "Terraform resource aws_instance.web changed (instance_type)" }],
    },
  ],
});
