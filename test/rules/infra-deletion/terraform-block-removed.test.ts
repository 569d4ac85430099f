import { describe, expect, it } from "vitest";
import { terraformBlockRemovedRule as rule } from "../../../src/rules/infra-deletion/terraform-block-removed.js";
import { addedFile, deletedFile, modifiedFile, runRule, scan } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

const bucket = [
  'resource "aws_s3_bucket" "logs" {',
  '  bucket = "acme-logs"',
  "",
  "  lifecycle {",
  "    prevent_destroy = true",
  "  }",
  "}",
];

describe("infra-deletion/terraform-block-removed", () => {
  it("reports every block of a deleted .tf file by address, stateful ones critical", async () => {
    const diff = deletedFile("infra/storage.tf", [
      ...bucket,
      "",
      'resource "aws_iam_role" "reader" {',
      '  name = "reader"',
      "}",
      "",
      'data "aws_caller_identity" "current" {}',
    ]);
    const f = await runRule(rule, diff);
    expect(f.map((x) => [x.line, x.severity])).toEqual([
      [1, "critical"],
      [9, "high"],
      [13, "low"],
    ]);
    expect(f[0]!.message).toContain("aws_s3_bucket.logs");
    expect(f[0]!.message).toContain("prevent_destroy");
    expect(f[0]!.side).toBe("old");
    expect(f[1]!.message).toContain("aws_iam_role.reader");
    expect(f[2]!.message).toContain("data.aws_caller_identity.current");
  });

  it("reports a resource removed from a modified file, naming it from the removed header", async () => {
    const diff = modifiedFile(
      "main.tf",
      [
        "  tags = local.tags",
        "}",
        "",
        '-resource "aws_db_instance" "orders" {',
        '-  engine         = "postgres"',
        '-  instance_class = "db.t4g.large"',
        "-}",
        "-",
        'module "vpc" {',
      ],
      20,
    );
    const f = await runRule(rule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ file: "main.tf", line: 23, side: "old", severity: "critical" });
    expect(f[0]!.message).toContain("aws_db_instance.orders");
  });

  it("rates a removed module by its source: an RDS module is critical, a label module high", async () => {
    const diff = modifiedFile("main.tf", [
      '-module "db" {',
      '-  source  = "terraform-aws-modules/rds/aws"',
      '-  version = "~> 6.0"',
      "-}",
      '-module "naming" {',
      '-  source = "cloudposse/label/null"',
      "-}",
      "",
    ]);
    const f = await runRule(rule, diff);
    expect(f.map((x) => [x.message.includes("module.db"), x.severity])).toEqual([
      [true, "critical"],
      [false, "high"],
    ]);
  });

  it("does not report a rename covered by a moved block", async () => {
    const diff = modifiedFile("storage.tf", [
      '-resource "aws_s3_bucket" "assets" {',
      '+resource "aws_s3_bucket" "static_assets" {',
      '   bucket = "acme-static-assets"',
      " }",
      "+",
      "+moved {",
      "+  from = aws_s3_bucket.assets",
      "+  to   = aws_s3_bucket.static_assets",
      "+}",
    ]);
    expect(await runRule(rule, diff)).toEqual([]);
  });

  it("reports a rename without a moved block as destroy and create", async () => {
    const diff = modifiedFile("storage.tf", [
      '-resource "aws_s3_bucket" "assets" {',
      '+resource "aws_s3_bucket" "static_assets" {',
      '   bucket = "acme-static-assets"',
      " }",
    ]);
    const f = await runRule(rule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("renamed to aws_s3_bucket.static_assets without a moved block");
    expect(f[0]!.severity).toBe("critical");
  });

  it("does not report a block moved to another file of the same module directory", async () => {
    const diff =
      modifiedFile("infra/main.tf", ['-resource "aws_sqs_queue" "jobs" {', '-  name = "jobs"', "-}", ""]) +
      addedFile("infra/queues.tf", ['resource "aws_sqs_queue" "jobs" {', '  name = "jobs"', "}"]);
    expect(await runRule(rule, diff)).toEqual([]);
  });

  it("still reports a block re-added in another module directory (a different module)", async () => {
    const diff =
      deletedFile("envs/prod/queues.tf", ['resource "aws_sqs_queue" "jobs" {', '  name = "jobs"', "}"]) +
      addedFile("envs/dev/queues.tf", ['resource "aws_sqs_queue" "jobs" {', '  name = "jobs"', "}"]);
    const f = await runRule(rule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.file).toBe("envs/prod/queues.tf");
  });

  it("accepts a removed block with destroy = false, and reports one that destroys", async () => {
    const keep = modifiedFile("main.tf", [
      '-resource "aws_kms_key" "main" {',
      '-  description = "main"',
      "-}",
      "+removed {",
      "+  from = aws_kms_key.main",
      "+  lifecycle {",
      "+    destroy = false",
      "+  }",
      "+}",
    ]);
    expect(await runRule(rule, keep)).toEqual([]);
    const destroy = modifiedFile("main.tf", [
      '-resource "aws_kms_key" "main" {',
      '-  description = "main"',
      "-}",
      "+removed {",
      "+  from = aws_kms_key.main",
      "+}",
    ]);
    const f = await runRule(rule, destroy);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("removed block that destroys it");
  });

  it("a large refactor: each block's first moved/removed declaration counts, renames pair within their hunk", async () => {
    const n = 1_500;
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`-resource "aws_sqs_queue" "q${i}" {`, `-  name = "q${i}"`, "-}");
    // Moved from a longer address (module.old.…) still accounts for the local address, first declaration wins:
    // even queues are moved (kept), odd ones get a `removed` block that destroys them, declared first.
    for (let i = 1; i < n; i += 2) lines.push("+removed {", `+  from = aws_sqs_queue.q${i}`, "+}");
    for (let i = 0; i < n; i++)
      lines.push(
        "+moved {",
        `+  from = module.old.aws_sqs_queue.q${i}`,
        `+  to = module.new.aws_sqs_queue.q${i}`,
        "+}",
      );
    const f = await runRule(rule, modifiedFile("queues.tf", lines));
    expect(f).toHaveLength(n / 2);
    expect(f.every((x) => x.message.includes("removed block that destroys it"))).toBe(true);
    // A rename pairs with the first added block of the same type in its hunk, once per removed block.
    const renames: string[] = [];
    for (let i = 0; i < 300; i++)
      renames.push(
        `-resource "aws_sqs_queue" "old${i}" {`,
        `+resource "aws_sqs_queue" "new${i}" {`,
        `   name = "q${i}"`,
        " }",
        " ",
      );
    const diff = modifiedFile("renames.tf", renames.slice(0, -1));
    const renamed = await runRule(rule, diff);
    expect(renamed).toHaveLength(300);
    expect(new Set(renamed.map((x) => /renamed to (\S+)/.exec(x.message)?.[1])).size).toBe(1);
  });

  it("ignores commented-out blocks, heredoc text and README code samples", async () => {
    const commented = modifiedFile("main.tf", [
      '-# resource "aws_s3_bucket" "old" {',
      '-#   bucket = "x"',
      "-# }",
      ' resource "aws_iam_policy" "p" {',
    ]);
    expect(await runRule(rule, commented)).toEqual([]);
    const heredoc = deletedFile("policy.tf", [
      'resource "aws_iam_policy" "p" {',
      "  policy = <<EOF",
      'resource "fake" "inside" {',
      "}",
      "EOF",
      "}",
    ]);
    const f = await runRule(rule, heredoc);
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining("aws_iam_policy.p")]);
    const readme = deletedFile("modules/bucket/README.md", ['resource "aws_s3_bucket" "this" {', "}"]);
    expect(await runRule(rule, readme)).toEqual([]);
  });

  it("handles .tf.json deletions and bad HCL without throwing", async () => {
    const json = deletedFile("stack.tf.json", ['{"resource": {"aws_dynamodb_table": {"events": {"name": "events"}}}}']);
    const f = await runRule(rule, json);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "critical", line: null });
    expect(f[0]!.message).toContain("aws_dynamodb_table.events");
    const broken = deletedFile("broken.tf", ['resource "aws_instance" "web" {', "  ami = {{{", "}"]);
    const g = await runRule(rule, broken);
    expect(g.map((x) => x.message)).toEqual([expect.stringContaining("aws_instance.web")]);
  });

  it("raises a removal in a production path one step through the engine", async () => {
    const diff = modifiedFile("environments/prod/main.tf", [
      '-resource "aws_security_group" "web" {',
      '-  name = "web"',
      "-}",
      "",
    ]);
    const report = await scan(diff);
    const f = report.findings.find((x) => x.ruleId === rule.id);
    expect(f?.severity).toBe("critical");
    expect(report.findings.some((x) => x.category === "production-config")).toBe(true);
  });
});

ruleTester(rule, {
  valid: [
    {
      name: "a rename with a moved block",
      diff: modifiedFile("main.tf", [
        '-resource "aws_s3_bucket" "logs" {',
        '+resource "aws_s3_bucket" "audit_logs" {',
        '   bucket = "acme-logs"',
        " }",
        "+",
        "+moved {",
        "+  from = aws_s3_bucket.logs",
        "+  to   = aws_s3_bucket.audit_logs",
        "+}",
      ]),
    },
    {
      name: "an attribute edited",
      diff: modifiedFile("main.tf", [' resource "aws_s3_bucket" "logs" {', '-  bucket = "a"', '+  bucket = "b"', " }"]),
    },
  ],
  invalid: [
    {
      name: "a bucket removed",
      diff: modifiedFile(
        "main.tf",
        ['-resource "aws_s3_bucket" "logs" {', '-  bucket = "acme-logs"', "-}", ' module "vpc" {'],
        10,
      ),
      findings: [
        {
          line: 10,
          side: "old",
          severity: "critical",
          message: "aws_s3_bucket.logs removed: apply destroys it (holds data or state)",
        },
      ],
    },
    {
      name: "a resource removed from example code: low",
      diff: modifiedFile("examples/complete/main.tf", [
        '-resource "aws_s3_bucket" "logs" {',
        '-  bucket = "acme-logs"',
        "-}",
      ]),
      findings: [{ severity: "low", message: "(example code, not a deployment)" }],
    },
    {
      name: "a resource moved into a module without a moved block, in example code: one step lower",
      diff: modifiedFile("examples/s3-import/main.tf", [
        '-resource "aws_s3_bucket" "import" {',
        '-  bucket_prefix = "import-"',
        "-}",
        '+module "import_s3_bucket" {',
        '+  source  = "terraform-aws-modules/s3-bucket/aws"',
        '+  version = "~> 3.0"',
        "+}",
      ]),
      findings: [{ severity: "high", message: "moved into module.import_s3_bucket without a moved block" }],
    },
    {
      name: "a reusable module's source deleted: medium, nothing destroyed until callers stop calling it",
      diff: deletedFile("terraform/shared-modules/gcp-project-init/main.tf", [
        'resource "google_project_service" "apis" {',
        '  service = "compute.googleapis.com"',
        "}",
      ]),
      findings: [{ severity: "medium", message: "configurations that still call the module fail to init" }],
    },
  ],
});
