import { cfnScans } from "../../infra/cfn.js";
import type { Rule, RuleFinding } from "../types.js";

/** Any other CloudFormation/SAM template change: resources added or modified. Low. */
export const cloudformationTemplateChangedRule: Rule = {
  id: "infra-change/cloudformation-template-changed",
  category: "infra-change",
  description: "CloudFormation/SAM template changed: resources added or modified.",
  severity: "low",
  remediation: "Create a change set and check which resources it modifies or replaces before deploying.",
  docs: {
    severity: "low",
    detects: "Other template changes: resources added or modified.",
  },
  run(ctx) {
    const findings: RuleFinding[] = [];
    for (const scan of cfnScans(ctx)) {
      if (scan.file.status === "deleted") continue;
      const added: string[] = [];
      const modified: string[] = [];
      for (const n of scan.new.values()) {
        if (n.idChanged && !scan.old.has(n.id)) added.push(`${n.id} (${n.type})`);
        else if (n.changedLines.length > 0 || scan.old.get(n.id)?.changedLines.length) modified.push(n.id);
      }
      const first = scan.file.added[0] ?? scan.file.removed[0];
      if (!first) continue;
      const parts: string[] = [];
      if (added.length)
        parts.push(`added ${added.slice(0, 3).join(", ")}${added.length > 3 ? ` +${added.length - 3}` : ""}`);
      if (modified.length)
        parts.push(
          `modified ${modified.slice(0, 3).join(", ")}${modified.length > 3 ? ` +${modified.length - 3}` : ""}`,
        );
      findings.push({
        file: scan.file.path,
        line: first.line,
        side: scan.file.added[0] ? "new" : "old",
        message: `CloudFormation template ${scan.file.path} changed${parts.length ? `: ${parts.join("; ")}` : ""}`,
        severity: "low",
      });
    }
    return findings;
  },
};
