import { RemovedTally } from "../../diff/side.js";
import type { Severity } from "../../types.js";
import { isGithubActionsYaml } from "../../workflows/ci-paths.js";
import { jobOfKeys, keysAt, parseKeyLine } from "../../workflows/yaml-keys.js";
import type { Rule, RuleFinding } from "../types.js";

/** Scopes whose write access can change code, releases, packages or cloud credentials. */
const HIGH_SCOPES = new Set(["contents", "packages", "actions", "id-token", "deployments", "pages", "attestations"]);

function writeValue(value: string): "write" | "write-all" | null {
  const v = value
    .replace(/\s+#.*$/, "")
    .replace(/["']/g, "")
    .trim();
  if (v === "write-all") return "write-all";
  if (v === "write") return "write";
  return null;
}

export const permissionsWidenedRule: Rule = {
  id: "ci-workflow/permissions-widened",
  category: "ci-workflow",
  description: "A workflow's GITHUB_TOKEN permissions are widened (a scope set to write, or write-all).",
  severity: "high",
  remediation:
    "Grant the least privilege: `permissions: {}` or read at the top, and only the write scopes a job needs on that job.",
  docs: {
    severity: "high / medium",
    detects:
      "`permissions: write-all`, or a scope set to `write` in a `permissions:` block (high for contents, packages, actions, id-token, deployments, pages, attestations; medium for issues, pull-requests, checks, statuses…). A scope that was already `write` in the removed lines (moved, re-commented) is not reported.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (!isGithubActionsYaml(file.path) || file.status === "deleted") continue;
      if (!file.added.some((l) => l.content.includes("write"))) continue;
      // A scope that was already write (moved, re-commented, re-indented) is not a widening.
      const tally = new RemovedTally();
      for (const l of file.removed) {
        if (!l.content.includes("write")) continue;
        const k = parseKeyLine(l.content);
        const w = k ? writeValue(k.value) : null;
        if (k && w) tally.add(w === "write-all" ? "write-all" : `${k.key}:write`);
      }
      for (const l of file.added) {
        if (!l.content.includes("write")) continue;
        const k = parseKeyLine(l.content);
        const w = k ? writeValue(k.value) : null;
        if (!k || !w) continue;
        if (w === "write-all") {
          if (k.key !== "permissions" || tally.take("write-all")) continue;
        } else if (tally.take(`${k.key}:write`)) continue;
        const chain = keysAt(file, "new", l.line);
        if (w === "write" && chain[0]?.key !== "permissions") continue;
        const job = jobOfKeys(chain);
        const scope = job ? `job ${job}` : "the whole workflow";
        const severity: Severity = w === "write-all" || HIGH_SCOPES.has(k.key) ? "high" : "medium";
        const grant = w === "write-all" ? "write-all (every scope)" : `${k.key}: write`;
        out.push({
          file: file.path,
          line: l.line,
          severity,
          message: `Workflow ${file.path} grants ${grant} to ${scope}`,
        });
      }
    }
    return out;
  },
};
