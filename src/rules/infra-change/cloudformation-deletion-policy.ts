import { type CfnPolicy, cfnScans } from "../../infra/cfn.js";
import type { Rule, RuleFinding } from "../types.js";

const PROTECTIVE = new Set(["Retain", "RetainExceptOnCreate", "Snapshot"]);

/**
 * DeletionPolicy / UpdateReplacePolicy of an existing resource set to Delete, or a protective policy
 * (Retain, Snapshot) removed so the default (Delete for most types) applies.
 */
export const cloudformationDeletionPolicyRule: Rule = {
  id: "infra-change/cloudformation-deletion-policy",
  category: "infra-change",
  description:
    "CloudFormation DeletionPolicy or UpdateReplacePolicy set to Delete or a Retain/Snapshot policy removed.",
  severity: "high",
  remediation:
    "Keep Retain (or Snapshot) on resources that hold data; change it only in a reviewed step right before an intended deletion.",
  docs: {
    severity: "high",
    detects:
      "`DeletionPolicy`/`UpdateReplacePolicy` of an existing resource set to `Delete`, or a `Retain`/`RetainExceptOnCreate`/`Snapshot` policy removed (the default, Delete for most types, applies). New resources may start with any policy.",
  },
  run(ctx) {
    const findings: RuleFinding[] = [];
    for (const scan of cfnScans(ctx)) {
      const file = scan.file.path;
      for (const n of scan.new.values()) {
        const o = scan.old.get(n.id);
        if (!o || n.idChanged) continue; // new resources may start with any policy
        for (const field of ["deletionPolicy", "updateReplacePolicy"] as const) {
          const name = field === "deletionPolicy" ? "DeletionPolicy" : "UpdateReplacePolicy";
          const before: CfnPolicy | undefined = o[field];
          const after: CfnPolicy | undefined = n[field];
          if (after?.changed && after.value === "Delete") {
            findings.push({
              file,
              line: after.line,
              side: "new",
              message: `CloudFormation ${n.id} (${n.type}): ${name} changed${before ? ` from ${before.value}` : ""} to Delete`,
            });
          } else if (before?.changed && PROTECTIVE.has(before.value) && !after) {
            findings.push({
              file,
              line: before.line,
              side: "old",
              message: `CloudFormation ${n.id} (${n.type}): ${name}: ${before.value} removed (the default, Delete for most types, now applies)`,
            });
          }
        }
      }
    }
    return findings;
  },
};
