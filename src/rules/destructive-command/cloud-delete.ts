import { mentionsProduction } from "../../diff/command-lines.js";
import { bumpSeverity, type Severity } from "../../types.js";
import { commandFinding, linePatternRule } from "../line-pattern.js";

interface CloudDelete {
  what: string;
  severity: Severity;
}

const AWS_S3_RB = /\baws\s+s3\s+rb\s+(?:--force\s+)?(\S+)/;
const AWS_S3_RM = /\baws\s+s3\s+rm\s+(\S+)[^\n;&|]{0,200}--recursive\b|\baws\s+s3\s+rm\s+--recursive\s+(\S+)/;
const AWS_RDS = /\baws\s+rds\s+(delete-db-(?:instance|cluster))\b([^\n;&|]{0,400})/;
/** `aws <service> <verb>` with a verb that deletes: delete-*, terminate-*, remove-*, purge-*, deregister-*, schedule-key-deletion. */
const AWS_DELETE_VERB =
  /\baws\s+(?:--?[\w-]+(?:[\s=]\S+)?\s+){0,4}([a-z][\w-]*)\s+((?:batch-)?(?:delete|terminate|remove|purge|deregister|destroy)(?:-[\w-]+)?|schedule-key-deletion)\b([^\n;&|]{0,300})/;
/** AWS services and resources that hold data: deleting them loses it (or its backups). */
const AWS_DATA =
  /^(?:s3api?|dynamodb|rds|backup|efs|fsx|elasticache|memorydb|redshift\w*|docdb\w*|neptune\w*|es|opensearch\w*|kms|secretsmanager|logs|ecr|glacier|timestream\w*|qldb|cognito-idp|route53|kinesis|sqs|dax|keyspaces|athena|glue)$|^ec2:(?:delete-(?:volume|snapshot)|deregister-image)/;
/** `gcloud <group…> delete`, `gcloud storage rm -r`. */
const GCLOUD_DELETE =
  /\bgcloud\s+(?:(?:alpha|beta)\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+delete\b([^\n;&|]{0,300})/;
const GCLOUD_STORAGE_RM =
  /\bgcloud\s+storage\s+rm\s+[^\n;&|]{0,200}(?:-r\b|--recursive\b)|\bgsutil\s+(?:-\w+\s+)*(?:rm\s+[^\n;&|]{0,200}-r\b|rb\b)/;
const GCLOUD_DATA =
  /^(?:sql|spanner|bigtable|firestore|datastore|storage|filestore|redis|memcache|alloydb|bigquery|kms|secrets|projects|container\s+clusters|compute\s+(?:disks|snapshots|images))\b/;
/** `az <group…> delete`. */
const AZ_DELETE = /\baz\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+delete\b([^\n;&|]{0,300})/;
const AZ_DATA =
  /^(?:group|storage|sql|cosmosdb|postgres|mysql|mariadb|keyvault|disk|snapshot|backup|redis|aks|synapse|datafactory|sig)\b/;

/**
 * The cloud resource an added command deletes, or null. Every delete verb of the AWS, Google Cloud and
 * Azure CLIs counts: high when the resource holds data (buckets, databases, backups, volumes, keys,
 * clusters, whole resource groups or projects), medium otherwise; critical against production.
 */
export function cloudDeleteOf(text: string, productionFile: boolean): CloudDelete | null {
  const prod = productionFile || mentionsProduction(text);
  const sev = (base: Severity): Severity => (prod ? bumpSeverity(base, 1) : base);
  if (text.includes("aws")) {
    const rb = AWS_S3_RB.exec(text);
    if (rb) {
      const force = /\s--force\b/.test(text);
      return {
        // Without --force the CLI refuses a bucket that still holds objects.
        what: `aws s3 rb${force ? " --force" : ""} removes bucket ${rb[1]}${force ? " and all its objects" : ""}`,
        severity: sev(force ? "high" : "medium"),
      };
    }
    const rm = AWS_S3_RM.exec(text);
    if (rm)
      return { what: `aws s3 rm --recursive deletes every object under ${rm[1] ?? rm[2]}`, severity: sev("high") };
    const rds = AWS_RDS.exec(text);
    if (rds)
      // Without --skip-final-snapshot the CLI keeps a final snapshot: the data survives.
      return rds[2]!.includes("--skip-final-snapshot")
        ? {
            what: `aws rds ${rds[1]} --skip-final-snapshot deletes a database with no final backup`,
            severity: sev("high"),
          }
        : null;
    const v = AWS_DELETE_VERB.exec(text);
    if (v && v[1] !== "s3") {
      const data = AWS_DATA.test(v[1]!) || AWS_DATA.test(`${v[1]}:${v[2]}`);
      return {
        what: `aws ${v[1]} ${v[2]}${data ? " (deletes stored data)" : ""}`,
        severity: sev(data ? "high" : "medium"),
      };
    }
  }
  if (text.includes("gcloud") || text.includes("gsutil")) {
    if (GCLOUD_STORAGE_RM.test(text)) return { what: "recursive Cloud Storage deletion", severity: sev("high") };
    const g = GCLOUD_DELETE.exec(text);
    if (g) {
      const data = GCLOUD_DATA.test(g[1]!);
      const quiet = /\s(?:--quiet|-q)\b/.test(g[2]!);
      return {
        what: `gcloud ${g[1]} delete${quiet ? " --quiet (no confirmation)" : ""}${data ? " (deletes stored data)" : ""}`,
        severity: sev(data ? "high" : "medium"),
      };
    }
  }
  if (text.includes("az ")) {
    const a = AZ_DELETE.exec(text);
    if (a) {
      const group = a[1]!.startsWith("group");
      const data = AZ_DATA.test(a[1]!);
      return {
        what: `az ${a[1]} delete${/\s(?:--yes|-y)\b/.test(a[2]!) ? " --yes" : ""}${group ? " removes the whole resource group" : data ? " (deletes stored data)" : ""}`,
        severity: sev(data ? "high" : "medium"),
      };
    }
  }
  return null;
}

// Cheap per-line prefilters before the CLI patterns run.
const CLI = /\b(?:aws|gcloud|gsutil|az)\s/;
const DELETE_WORD = /delet|terminat|remove|purge|deregister|destroy|\srb\b|\srm\s/;

export const cloudDeleteRule = linePatternRule({
  id: "destructive-command/cloud-delete",
  category: "destructive-command",
  description:
    "A cloud CLI command deletes resources or data: any delete verb of the AWS, Google Cloud and Azure CLIs (aws <service> delete-*/terminate-*/remove-*, aws s3 rb / rm --recursive, gcloud … delete, gsutil rm -r, az … delete).",
  severity: "high",
  remediation:
    "Delete through reviewed infrastructure code, keep final snapshots/backups, and require interactive confirmation.",
  docs: {
    severity: "high for resources that hold data, medium otherwise; one step higher against production",
    detects:
      "AWS: `aws s3 rb --force` (without `--force`, medium: only an empty bucket goes), `aws s3 rm --recursive`, `aws rds delete-db-*` with `--skip-final-snapshot` (without it a final snapshot is kept and nothing is reported), and every `aws <service> delete-*`/`batch-delete-*`/`terminate-*`/`remove-*`/`purge-*`/`deregister-*`/`schedule-key-deletion` (high for data services: DynamoDB, Backup, EFS, ElastiCache, Redshift, OpenSearch, KMS, Secrets Manager, CloudWatch Logs, ECR, Route 53…, EBS volumes and snapshots). Google Cloud: `gcloud … delete` (high for SQL, Spanner, Bigtable, Firestore, Storage, Filestore, Redis, KMS, secrets, projects, GKE clusters, disks and snapshots), `gcloud storage rm -r`, `gsutil rm -r`/`rb`. Azure: `az … delete` (high for resource groups, storage, databases, Key Vault, disks, backups, AKS).",
  },
  scope: "commands",
  lines: "commands",
  hint: /\b(?:aws|gcloud|gsutil|az)\s/,
  patterns: [
    {
      detect(text, at) {
        if (!CLI.test(text) || !DELETE_WORD.test(text)) return [];
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
      'aws backup delete-recovery-point --backup-vault-name vault --recovery-point-arn "$rp"',
      "aws events delete-connection --name callback",
      "aws ec2 terminate-instances --instance-ids i-0abc",
      "gcloud sql instances delete billing-db --quiet",
      "gcloud compute instances delete vm-1",
      "gsutil -m rm -r gs://exports",
      "az group delete --name billing-rg --yes",
      "az webapp delete --name web --resource-group rg",
      "aws dynamodb delete-table --table-name orders-prod",
    ],
    noMatch: [
      "aws s3 rm s3://bucket/tmp/file.txt",
      "aws rds delete-db-instance --db-instance-identifier x --final-db-snapshot-identifier x-final",
      "aws s3 ls s3://bucket --recursive",
      "aws ec2 describe-instances",
      "az group show --name rg",
      "gcloud compute instances list",
    ],
  },
});
