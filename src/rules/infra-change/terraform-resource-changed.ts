import { isCommentLine } from "../../diff/line-syntax.js";
import type { TfChangedLine } from "../../infra/hcl.js";
import { isStatefulTerraformType } from "../../infra/stateful.js";
import { terraformAnalysis } from "../../infra/terraform.js";
import { blockLabel, groupByBlock, type TfBlockChanges } from "../../infra/tf-groups.js";
import { isProtectionLine } from "../../infra/tf-protection.js";
import type { Severity } from "../../types.js";
import type { Rule, RuleFinding } from "../types.js";

const ATTR = /^\s*([A-Za-z_][\w-]*)\s*=/;

function meaningful(path: string, text: string): boolean {
  return text.trim() !== "" && !isCommentLine(path, text);
}

/**
 * What a block's meaningful changed lines (added, then removed) hold, in one pass: the first (an added
 * one if any), whether all are protection lines, the first nested block named; null when there are none.
 */
function meaningfulLines(
  path: string,
  g: TfBlockChanges,
): { first: TfChangedLine; allProtection: boolean; nested: string | undefined } | null {
  let first: TfChangedLine | undefined;
  let allProtection = true;
  let nested: string | undefined;
  for (const side of [g.added, g.removed])
    for (const l of side) {
      if (!meaningful(path, l.text)) continue;
      first ??= l;
      if (allProtection && !isProtectionLine(l.text)) allProtection = false;
      if (nested === undefined && l.nested.length > 0) nested = l.nested[0];
    }
  return first ? { first, allProtection, nested } : null;
}

function changedAttributes(g: TfBlockChanges): string[] {
  const names = new Set<string>();
  for (const l of [...g.added, ...g.removed]) {
    const m = ATTR.exec(l.text);
    if (m) names.add(m[1]!);
    if (names.size > 4) break;
  }
  return [...names].slice(0, 4);
}

/**
 * Every other Terraform edit: resources added or modified, renames covered by `moved`, objects forgotten
 * with `removed { destroy = false }`, provider and module version changes, variables and outputs.
 * Low, or medium when a resource that holds data is modified in place.
 */
export const terraformResourceChangedRule: Rule = {
  id: "infra-change/terraform-resource-changed",
  category: "infra-change",
  description: "Terraform/OpenTofu configuration changed: resources added, modified, renamed or versions bumped.",
  severity: "low",
  remediation:
    "Read the `terraform plan` for this change and check that it matches the intent (no unexpected replace).",
  docs: {
    severity: "low; medium when a data-holding resource is modified in place",
    detects:
      "Resources, data sources and modules added or modified (the message lists the changed attributes), renames covered by `moved` (low: state kept), objects forgotten with a `removed` block, `import` blocks, and per file the variable/output/locals/provider/`terraform` block edits (e.g. provider version bumps). Comment-only edits are ignored.",
  },
  async run(ctx) {
    const analysis = await terraformAnalysis(ctx);
    const findings: RuleFinding[] = [];
    for (const scan of analysis.scans) {
      const file = scan.file.path;
      const others: string[] = [];
      let otherLine: { line: number; side: "new" | "old" } | null = null;
      for (const g of groupByBlock(scan, analysis)) {
        if (g.isDeleted || g.renamedAway) continue;
        const seen = meaningfulLines(file, g);
        // Lines the protection rule reports speak for themselves.
        if (!seen || seen.allProtection) continue;
        const { first } = seen;
        const at = { file, line: first.line, side: first.side };
        const b = g.block;
        if (!b || !["resource", "data", "module", "moved", "removed", "import"].includes(b.kind)) {
          const nested = seen.nested;
          others.push(b ? (nested ? `${b.address} (${nested})` : b.address) : "lines outside a visible block");
          otherLine ??= { line: first.line, side: first.side };
          continue;
        }
        if (b.kind === "moved") continue; // reported on the renamed block
        if (b.kind === "removed") {
          const decl =
            scan.moves.find((m) => m.kind === "removed" && m.line === first.line) ??
            scan.moves.find((m) => m.kind === "removed");
          if (decl?.keep)
            findings.push({
              ...at,
              message: `Terraform ${decl.from} forgotten with a removed block (destroy = false): the object is kept but no longer managed`,
              severity: "low",
            });
          continue;
        }
        if (b.kind === "import") {
          findings.push({
            ...at,
            message: `Terraform import block added in ${file}: an existing object comes under management`,
            severity: "low",
          });
          continue;
        }
        const label = blockLabel(b, file);
        let message: string;
        let severity: Severity = "low";
        if (g.movedFrom) {
          message = `Terraform ${g.movedFrom} renamed to ${label} with a moved block (state kept, nothing destroyed)`;
        } else if (g.isNew) {
          message = `Terraform ${b.kind === "data" ? "data source" : b.kind} ${label} added`;
        } else {
          const attrs = changedAttributes(g);
          const stateful = b.kind === "resource" && isStatefulTerraformType(b.type ?? "");
          if (stateful) severity = "medium";
          message = `Terraform ${b.kind === "data" ? "data source" : b.kind} ${label} changed${attrs.length ? ` (${attrs.join(", ")})` : ""}${stateful ? ": it holds data, check the plan for an in-place update, not a replace" : ""}`;
        }
        findings.push({ ...at, message, severity });
      }
      if (others.length > 0 && otherLine) {
        const names = [...new Set(others)];
        const shown = names.slice(0, 4).join(", ") + (names.length > 4 ? `, +${names.length - 4} more` : "");
        findings.push({
          file,
          line: otherLine.line,
          side: otherLine.side,
          message: `Terraform configuration changed in ${file}: ${shown}`,
          severity: "low",
        });
      }
    }
    for (const file of analysis.jsonFiles) {
      if (file.status === "deleted") continue; // the deletion rule reads deleted JSON files
      const first = file.added[0] ?? file.removed[0];
      findings.push({
        file: file.path,
        line: first?.line ?? null,
        side: file.added[0] ? "new" : "old",
        message: `Terraform JSON configuration ${file.status === "added" ? "added" : "changed"}: ${file.path}`,
        severity: "low",
      });
    }
    return findings;
  },
};
