import { describe, expect, it } from "vitest";
import { terraformProtectionWeakenedRule as protection } from "../../../src/rules/infra-change/terraform-protection-weakened.js";
import { terraformResourceChangedRule as changed } from "../../../src/rules/infra-change/terraform-resource-changed.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";

describe("infra-change/terraform-protection-weakened", () => {
  it("reports each protection turned off on an existing database, naming the address from the hunk header", async () => {
    const diff = modifiedFile(
      "rds.tf",
      [
        '   engine = "postgres"',
        "-  backup_retention_period = 14",
        "-  deletion_protection     = true",
        "-  skip_final_snapshot     = false",
        "+  backup_retention_period = 0",
        "+  deletion_protection     = false",
        "+  skip_final_snapshot     = true",
      ],
      4,
    ).replace(/^(@@ [^@]+ @@)$/m, '$1 resource "aws_db_instance" "orders" {');
    const f = await runRule(protection, diff);
    expect(f.map((x) => [x.line, x.severity])).toEqual([
      [5, "high"],
      [6, "high"],
      [7, "high"],
    ]);
    for (const x of f) expect(x.message).toContain("aws_db_instance.orders");
    expect(f.map((x) => x.message).join(" ")).toMatch(
      /backup_retention_period set to 0.*deletion_protection set to false.*skip_final_snapshot/,
    );
  });

  it("reports prevent_destroy and lifecycle removal on a block that stays, and force_destroy", async () => {
    const diff = modifiedFile("s3.tf", [
      ' resource "aws_s3_bucket" "logs" {',
      '   bucket = "logs"',
      "+  force_destroy = true",
      "-",
      "-  lifecycle {",
      "-    prevent_destroy = true",
      "-  }",
      " }",
    ]);
    const f = await runRule(protection, diff);
    expect(f.map((x) => x.message)).toEqual([
      "aws_s3_bucket.logs: force_destroy set to true (a destroy also deletes its contents)",
      "aws_s3_bucket.logs: lifecycle prevent_destroy removed (Terraform may now destroy it)",
    ]);
  });

  it("rates a lifecycle that only ignored changes medium", async () => {
    const diff = modifiedFile("asg.tf", [
      ' resource "aws_autoscaling_group" "web" {',
      "-  lifecycle {",
      "-    ignore_changes = [desired_capacity]",
      "-  }",
      " }",
    ]);
    const f = await runRule(protection, diff);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "medium" });
  });

  it("is lower on a resource the change creates and silent when protections are turned on", async () => {
    const created = addedFile("cache.tf", [
      'resource "aws_s3_bucket" "tmp" {',
      '  bucket        = "tmp"',
      "  force_destroy = true",
      "}",
    ]);
    const f = await runRule(protection, created);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("medium");
    const safer = modifiedFile("rds.tf", [
      ' resource "aws_db_instance" "orders" {',
      "-  deletion_protection = false",
      "+  deletion_protection = true",
      "+  lifecycle {",
      "+    prevent_destroy = true",
      "+  }",
      " }",
    ]);
    expect(await runRule(protection, safer)).toEqual([]);
  });

  it("ignores protections inside a deleted block (the deletion rule reports it)", async () => {
    const diff = modifiedFile("s3.tf", [
      '-resource "aws_s3_bucket" "logs" {',
      "-  lifecycle {",
      "-    prevent_destroy = true",
      "-  }",
      "-}",
    ]);
    expect(await runRule(protection, diff)).toEqual([]);
  });
});

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
