import { terraformAnalysis } from "../../infra/terraform.js";
import { bumpSeverity } from "../../types.js";
import { inDeploymentScope, isExampleIac } from "../iac-deletion-scope.js";
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
  docs: {
    severity:
      "medium when a reusable module's source file is deleted (`modules/<name>/`: callers fail to init, nothing is destroyed yet); low in example code (`examples/`, `samples/`, `demos/`), except a rename without a `moved` block there (one step lower); critical for data-holding types (databases, buckets, volumes, disks, clusters, KMS keys, DNS zones, queues, secrets…; modules whose name or source says rds/s3/bucket/eks…), high for other resources and modules, low for `data` sources (they only read)",
    detects:
      'A `resource`/`module`/`data` block removed, including every block of a deleted `.tf` file, and a rename **without** a `moved` block (Terraform destroys the old address and creates the new one; the message says "renamed to X without a moved block"). Not reported when a `moved` block or `removed { lifecycle { destroy = false } }` accounts for it, or the address is declared again in the same module directory. Notes `prevent_destroy` if the removed block had it.',
  },
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
        message =
          d.renamedTo.startsWith("module.") && b.kind === "resource"
            ? `Terraform ${what} ${b.address} moved into ${d.renamedTo} without a moved block: apply destroys ${b.address} and the module creates a new one`
            : `Terraform ${what} ${b.address} renamed to ${d.renamedTo} without a moved block: apply destroys ${b.address} and creates a new one`;
      } else if (d.explicitRemoved) {
        message = `Terraform ${what} ${b.address} removed with a removed block that destroys it`;
      } else if (d.moduleSourceDeleted) {
        message = `Terraform ${what} ${b.address} removed with its module's source file ${d.file}: configurations that still call the module fail to init, nothing is destroyed until they stop calling it`;
      } else if (d.wholeFileDeleted) {
        message = `Terraform ${what} ${b.address} removed with its file: apply destroys it`;
      } else {
        message = `Terraform ${what} ${b.address} removed: apply destroys it`;
      }
      if (d.severity === "critical") message += " (holds data or state)";
      if (d.hadPreventDestroy) message += "; it had lifecycle prevent_destroy";
      const finding: RuleFinding = { file: d.file, line: d.line, side: "old", message, severity: d.severity };
      // In example code a removal is documentation, but a rename without `moved` stays a defect that
      // destroys the object for anyone who applies the example: one step lower, not low.
      findings.push(
        d.renamedTo && isExampleIac(d.file)
          ? { ...finding, severity: bumpSeverity(d.severity, -1), message: `${message} (example code)` }
          : inDeploymentScope(finding),
      );
    }
    return findings;
  },
};
