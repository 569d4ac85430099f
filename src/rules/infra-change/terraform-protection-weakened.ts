import { terraformAnalysis } from "../../infra/terraform.js";
import { groupByBlock } from "../../infra/tf-groups.js";
import {
  ADDED_PROTECTION_PATTERNS,
  LIFECYCLE_OPEN,
  type ProtectionWeakening,
  REMOVED_PROTECTION_PATTERNS,
} from "../../infra/tf-protection.js";
import type { Severity } from "../../types.js";
import type { Rule, RuleFinding } from "../types.js";

/** What each weakening does, said about attribute `attr`. */
const WEAKENED: Record<ProtectionWeakening, (attr: string) => string> = {
  "prevent-destroy-false": () => "lifecycle prevent_destroy set to false (Terraform may now destroy it)",
  "deletion-protection-off": (attr) => `${attr} set to false (the object can now be deleted)`,
  "force-destroy": (attr) => `${attr} set to true (a destroy also deletes its contents)`,
  "skip-final-snapshot": () => "skip_final_snapshot set to true (no snapshot is kept on destroy)",
  "backup-retention-zero": (attr) => `${attr} set to 0 (automated backups disabled)`,
  "scaled-to-zero": (attr) => `${attr} set to 0 (scaled to zero: the service stops)`,
};

function protectionRemoved(attr: string): string {
  return attr === "prevent_destroy"
    ? "lifecycle prevent_destroy removed (Terraform may now destroy it)"
    : `${attr} = true removed (the provider default usually allows deletion)`;
}

function subject(address: string | undefined, file: string): string {
  return address ?? `a block of ${file} (header not shown in the diff)`;
}

/**
 * Terraform settings that stand between an apply and data loss: `prevent_destroy`,
 * `deletion_protection`, `force_destroy`, `skip_final_snapshot`, backup retention, `lifecycle` blocks.
 * Turning them off on an existing resource is high; on a block this diff creates it is lower.
 */
export const terraformProtectionWeakenedRule: Rule = {
  id: "infra-change/terraform-protection-weakened",
  category: "infra-change",
  description:
    "Terraform protection weakened: prevent_destroy or deletion_protection off, force_destroy or skip_final_snapshot on, backups set to 0, lifecycle removed.",
  severity: "high",
  remediation:
    "Keep the protection on existing stateful resources; if the resource must go, remove the protection in a separate, reviewed change and take a backup first.",
  docs: {
    severity: "high on existing resources; medium (low for scale-to-zero) on a block the same change creates",
    detects:
      "`prevent_destroy = false` or a `prevent_destroy = true` line removed; `deletion_protection`/`*termination_protection*`/`purge_protection_enabled` set to false or a `= true` removed; `force_destroy`/`force_delete = true`; `skip_final_snapshot = true`; backup retention set to 0; `replicas`/`desired_count`/`desired_capacity = 0`; a `lifecycle` block removed (medium when it only held `ignore_changes`). Ignored inside blocks that are deleted (the deletion rule reports those).",
  },
  async run(ctx) {
    const analysis = await terraformAnalysis(ctx);
    const findings: RuleFinding[] = [];
    for (const scan of analysis.scans) {
      const file = scan.file.path;
      for (const g of groupByBlock(scan, analysis)) {
        if (g.isDeleted) continue;
        const name = subject(g.block?.address, file);
        for (const a of g.added) {
          for (const p of ADDED_PROTECTION_PATTERNS) {
            const m = p.added.exec(a.text);
            if (!m) continue;
            const severity: Severity = g.isNew ? p.onNewBlock : "high";
            const suffix = g.isNew ? " on a resource this change creates" : "";
            findings.push({
              file,
              line: a.line,
              side: "new",
              message: `${name}: ${WEAKENED[p.id](m[1]!)}${suffix}`,
              severity,
            });
            break;
          }
        }
        if (g.isNew) continue;
        const addedText = g.added.map((a) => a.text);
        let reportedPrevent = false;
        for (const r of g.removed) {
          for (const p of REMOVED_PROTECTION_PATTERNS) {
            const m = p.exec(r.text);
            if (!m) continue;
            const attr = m[1]!;
            // Replaced in place (set to another value on an added line): the added-line check decides.
            const assigned = new RegExp(`^\\s*${attr}\\s*=`);
            if (addedText.some((t) => assigned.test(t))) continue;
            if (attr === "prevent_destroy") reportedPrevent = true;
            findings.push({
              file,
              line: r.line,
              side: "old",
              message: `${name}: ${protectionRemoved(attr)}`,
              severity: "high",
            });
          }
        }
        const lifecycleRemoved = g.removed.find((r) => LIFECYCLE_OPEN.test(r.text));
        if (lifecycleRemoved && !addedText.some((t) => LIFECYCLE_OPEN.test(t)) && !reportedPrevent) {
          const inside = g.removed.filter((r) => r.nested[0] === "lifecycle").map((r) => r.text.trim());
          const onlyIgnore = inside.length > 0 && inside.every((t) => /^(ignore_changes|[\]}),"\w.\s[]*$)/.test(t));
          findings.push({
            file,
            line: lifecycleRemoved.line,
            side: "old",
            message: `${name}: lifecycle block removed${onlyIgnore ? " (ignore_changes no longer applies: apply may revert or replace)" : " (its destroy/replace guards no longer apply)"}`,
            severity: onlyIgnore ? "medium" : "high",
          });
        }
      }
    }
    return findings;
  },
};
