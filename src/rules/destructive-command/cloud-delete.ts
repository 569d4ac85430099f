import { mentionsProduction } from "../../diff/command-lines.js";
import type { Severity } from "../../types.js";
import { commandFinding, linePatternRule } from "../line-pattern.js";

interface CloudDelete {
  what: string;
  severity: Severity;
}

const AWS_S3_RB = /\baws\s+s3\s+rb\s+(\S+)[^\n;&|]{0,200}--force\b|\baws\s+s3\s+rb\s+--force\s+(\S+)/;
const AWS_S3_RM = /\baws\s+s3\s+rm\s+(\S+)[^\n;&|]{0,200}--recursive\b|\baws\s+s3\s+rm\s+--recursive\s+(\S+)/;
const AWS_RDS = /\baws\s+rds\s+(delete-db-(?:instance|cluster))\b([^\n;&|]{0,400})/;
const AWS_DELETE_GENERIC =
  /\baws\s+(dynamodb\s+delete-table|ecr\s+delete-repository|eks\s+delete-cluster|cloudformation\s+delete-stack|elasticache\s+delete-\S+|efs\s+delete-file-system)\b/;
const GCLOUD_DELETE = /\bgcloud\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+delete\b([^\n;&|]{0,300})/;
const AZ_DELETE = /\baz\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+delete\b([^\n;&|]{0,300})/;

/** The cloud resource an added command deletes without confirmation, or null. */
export function cloudDeleteOf(text: string, productionFile: boolean): CloudDelete | null {
  const prod = productionFile || mentionsProduction(text);
  const sev = (base: Severity): Severity => (prod ? "critical" : base);
  if (text.includes("aws")) {
    const rb = AWS_S3_RB.exec(text);
    if (rb)
      return { what: `aws s3 rb --force removes bucket ${rb[1] ?? rb[2]} and all its objects`, severity: sev("high") };
    const rm = AWS_S3_RM.exec(text);
    if (rm)
      return { what: `aws s3 rm --recursive deletes every object under ${rm[1] ?? rm[2]}`, severity: sev("high") };
    const rds = AWS_RDS.exec(text);
    if (rds && rds[2]!.includes("--skip-final-snapshot"))
      return {
        what: `aws rds ${rds[1]} --skip-final-snapshot deletes a database with no final backup`,
        severity: sev("high"),
      };
    const gen = AWS_DELETE_GENERIC.exec(text);
    if (gen && prod) return { what: `aws ${gen[1]} against production`, severity: "critical" };
  }
  if (text.includes("gcloud")) {
    const g = GCLOUD_DELETE.exec(text);
    if (g && /\s(?:--quiet|-q)\b/.test(g[2]!))
      return { what: `gcloud ${g[1]} delete --quiet (no confirmation)`, severity: sev("high") };
  }
  if (text.includes("az ")) {
    const a = AZ_DELETE.exec(text);
    if (a && /\s(?:--yes|-y)\b/.test(a[2]!)) {
      const group = a[1]!.startsWith("group");
      return {
        what: `az ${a[1]} delete --yes${group ? " removes the whole resource group" : " (no confirmation)"}`,
        severity: sev(group ? "high" : "medium"),
      };
    }
  }
  return null;
}

export const cloudDeleteRule = linePatternRule({
  id: "destructive-command/cloud-delete",
  category: "destructive-command",
  description:
    "A cloud CLI command deletes data or resources without confirmation: aws s3 rb --force / rm --recursive, aws rds delete-db-instance --skip-final-snapshot, gcloud ... delete --quiet, az group delete --yes.",
  severity: "high",
  remediation:
    "Delete through reviewed infrastructure code, keep final snapshots/backups, and require interactive confirmation.",
  docs: {
    severity: "high / critical",
    detects:
      "`aws s3 rb --force`, `aws s3 rm --recursive`, `aws rds delete-db-instance/cluster --skip-final-snapshot`, `gcloud … delete --quiet`, `az group delete --yes` (other `az … delete --yes` medium), other AWS deletes against production.",
  },
  scope: "commands",
  lines: "commands",
  hint: /\b(?:aws|gcloud|az)\s/,
  patterns: [
    {
      detect(text, at) {
        if (!text.includes("aws") && !text.includes("gcloud") && !text.includes("az ")) return [];
        if (!text.includes("delete") && !text.includes(" rb ") && !text.includes(" rm ")) return [];
        const d = cloudDeleteOf(text, at.production);
        return d ? [{ label: d.what, severity: d.severity }] : [];
      },
    },
  ],
  message: commandFinding,
  samples: {
    path: "scripts/teardown.sh",
    match: [
      "aws s3 rb s3://billing-exports --force",
      "aws s3 rm s3://billing-exports/ --recursive",
      "aws rds delete-db-instance --db-instance-identifier billing --skip-final-snapshot",
      "gcloud sql instances delete billing-db --quiet",
      "az group delete --name billing-rg --yes",
      "aws dynamodb delete-table --table-name orders-prod",
    ],
    noMatch: [
      "aws s3 rm s3://bucket/tmp/file.txt",
      "aws rds delete-db-instance --db-instance-identifier x --final-db-snapshot-identifier x-final",
      "gcloud compute instances delete vm-1",
      "az group show --name rg",
      "aws dynamodb delete-table --table-name scratch",
    ],
  },
});
