import { cfnScans } from "../../infra/cfn.js";
import { isStatefulCfnType } from "../../infra/stateful.js";
import type { Severity } from "../../types.js";
import { inDeploymentScope } from "../iac-deletion-scope.js";
import type { Rule, RuleFinding } from "../types.js";

/**
 * A CloudFormation/SAM logical resource removed from a template (or its logical id renamed, which
 * CloudFormation treats as delete + create). A resource with DeletionPolicy Retain is only orphaned.
 */
export const cloudformationResourceRemovedRule: Rule = {
  id: "infra-deletion/cloudformation-resource-removed",
  category: "infra-deletion",
  description: "CloudFormation/SAM resource removed from a template: the stack update deletes it.",
  severity: "high",
  remediation:
    "Confirm the resource should be deleted; to keep it, set DeletionPolicy: Retain in a deploy before removing it from the template, and back up its data.",
  docs: {
    severity:
      "critical for data stores (S3, RDS, DynamoDB, EFS, EBS, KMS, Route53 zones, queues, Cognito pools…), high otherwise; high with `DeletionPolicy: Snapshot`; **medium with `DeletionPolicy: Retain`** (the resource is orphaned, not deleted); low in example code (`examples/`, `samples/`, `demos/`: not a deployment)",
    detects: "A logical resource removed from a template, or its logical id renamed (CloudFormation replaces it).",
  },
  run(ctx) {
    const findings: RuleFinding[] = [];
    for (const scan of cfnScans(ctx)) {
      const newIds = new Set(scan.new.keys());
      // A removed resource reads as renamed to the first new resource of its type (template order) whose id
      // is new: found once per type here, not by scanning every new resource for every removed one.
      const renameTarget = new Map<string, string>();
      for (const n of scan.new.values())
        if (n.idChanged && !scan.old.has(n.id) && !renameTarget.has(n.type)) renameTarget.set(n.type, n.id);
      for (const r of scan.old.values()) {
        if (!r.idChanged || newIds.has(r.id)) continue;
        const policy = r.deletionPolicy?.value;
        const stateful = isStatefulCfnType(r.type);
        let severity: Severity = stateful ? "critical" : "high";
        let consequence = "the stack update deletes it";
        if (policy === "Retain" || policy === "RetainExceptOnCreate") {
          severity = "medium";
          consequence = "DeletionPolicy Retain keeps the physical resource, but the stack no longer manages it";
        } else if (policy === "Snapshot") {
          severity = "high";
          consequence = "the stack update deletes it after a final snapshot";
        }
        const renamed = renameTarget.get(r.type);
        const how =
          scan.file.status === "deleted"
            ? " (template deleted)"
            : renamed !== undefined
              ? ` (logical id renamed to ${renamed}: CloudFormation replaces it)`
              : "";
        findings.push({
          file: scan.file.path,
          line: r.line,
          side: "old",
          message: `CloudFormation resource ${r.id} (${r.type}) removed${how}: ${consequence}${stateful && severity !== "medium" ? " and its data" : ""}`,
          severity,
        });
      }
    }
    return findings.map(inDeploymentScope);
  },
};
