import { describe, expect, it } from "vitest";
import { terraformProtectionWeakenedRule as protection } from "../../../src/rules/infra-change/terraform-protection-weakened.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

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

  it("reads module inputs that pass a protection through (force_destroy_s3_bucket, rds_skip_final_snapshot)", async () => {
    const diff = modifiedFile("site.tf", [
      ' module "status_site" {',
      '   source = "../modules/static_site"',
      '-  force_destroy_s3_bucket = var.env == "staging" ? true : var.force_destroy_s3',
      "+  force_destroy_s3_bucket = true",
      "+  rds_skip_final_snapshot = true",
      " }",
    ]);
    const f = await runRule(protection, diff);
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ["high", "module.status_site: force_destroy_s3_bucket set to true (a destroy also deletes its contents)"],
      ["high", "module.status_site: skip_final_snapshot set to true (no snapshot is kept on destroy)"],
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

ruleTester(protection, {
  valid: [
    {
      name: "protection turned on",
      diff: modifiedFile("infra/main.tf", [
        ' resource "aws_db_instance" "main" {',
        "-  deletion_protection = false",
        "+  deletion_protection = true",
        " }",
      ]),
    },
    {
      name: "documentation",
      diff: addedFile("docs/example.tf", ['resource "aws_s3_bucket" "b" {', "  force_destroy = true", "}"]),
    },
  ],
  invalid: [
    {
      name: "deletion protection turned off on an existing database",
      diff: modifiedFile("infra/main.tf", [
        ' resource "aws_db_instance" "main" {',
        "-  deletion_protection = true",
        "+  deletion_protection = false",
        " }",
      ]),
      findings: [
        { line: 2, side: "new", severity: "high", message: "aws_db_instance.main: deletion_protection set to false" },
      ],
    },
    {
      name: "force_destroy on a block this change creates",
      diff: addedFile("infra/logs.tf", ['resource "aws_s3_bucket" "logs" {', "  force_destroy = true", "}"]),
      findings: [{ line: 2, severity: "medium", message: "on a resource this change creates" }],
    },
  ],
});
