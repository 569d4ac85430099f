import type { Severity } from "../../types.js";
import { shorten } from "../../workflows/diff-lines.js";
import type { Rule, RuleFinding } from "../types.js";
import { commandLines, isCommandBearing, mentionsProduction } from "./scan.js";

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

export const cloudDeleteRule: Rule = {
  id: "destructive-command/cloud-delete",
  category: "destructive-command",
  description:
    "A cloud CLI command deletes data or resources without confirmation: aws s3 rb --force / rm --recursive, aws rds delete-db-instance --skip-final-snapshot, gcloud ... delete --quiet, az group delete --yes.",
  severity: "high",
  remediation:
    "Delete through reviewed infrastructure code, keep final snapshots/backups, and require interactive confirmation.",
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (!isCommandBearing(file, ctx, /\b(?:aws|gcloud|az)\s/)) continue;
      const production = ctx.isProduction(file.path);
      for (const l of commandLines(file)) {
        const c = l.content;
        if (!c.includes("aws") && !c.includes("gcloud") && !c.includes("az ")) continue;
        if (!c.includes("delete") && !c.includes(" rb ") && !c.includes(" rm ")) continue;
        const d = cloudDeleteOf(c, production);
        if (d)
          out.push({
            file: file.path,
            line: l.line,
            severity: d.severity,
            message: `${d.what} in ${file.path}: ${shorten(c, 100)}`,
          });
      }
    }
    return out;
  },
};
