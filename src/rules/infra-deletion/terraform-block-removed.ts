import { terraformAnalysis } from "../../infra/terraform.js";
import type { Rule, RuleFinding } from "../types.js";

/**
 * A Terraform/OpenTofu `resource`, `module` or `data` block that disappears from the configuration is
 * destroyed on the next apply, unless a `moved` block (rename) or a `removed` block with
 * `destroy = false` accounts for it, or the same address is declared again in the same module directory.
 */
export const terraformBlockRemovedRule: Rule = {
  id: "infra-deletion/terraform-block-removed",
  category: "infra-deletion",
  description: "Terraform/OpenTofu resource, module or data block removed: the next apply destroys it.",
  severity: "high",
  remediation:
    "Confirm the destroy is intended (read `terraform plan`). To rename or move, add a `moved` block; to stop managing the object without destroying it, add a `removed` block with `lifecycle { destroy = false }`.",
  async run(ctx) {
    const analysis = await terraformAnalysis(ctx);
    const findings: RuleFinding[] = [];
    for (const d of analysis.deletions) {
      const b = d.block;
      const what = b.kind === "data" ? "data source" : b.kind === "module" ? "module" : "resource";
      let message: string;
      if (b.kind === "data") {
        message = `Terraform data source ${b.address} removed (reads only; nothing is destroyed, but check its references)`;
      } else if (d.renamedTo) {
        message = `Terraform ${what} ${b.address} renamed to ${d.renamedTo} without a moved block: apply destroys ${b.address} and creates a new one`;
      } else if (d.explicitRemoved) {
        message = `Terraform ${what} ${b.address} removed with a removed block that destroys it`;
      } else if (d.wholeFileDeleted) {
        message = `Terraform ${what} ${b.address} removed with its file: apply destroys it`;
      } else {
        message = `Terraform ${what} ${b.address} removed: apply destroys it`;
      }
      if (d.severity === "critical") message += " (holds data or state)";
      if (d.hadPreventDestroy) message += "; it had lifecycle prevent_destroy";
      findings.push({ file: d.file, line: d.line, side: "old", message, severity: d.severity });
    }
    return findings;
  },
};
