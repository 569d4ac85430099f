import type { ChangedFile } from "../../diff/model.js";
import { RemovedTally, removedText } from "../../diff/side.js";
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

/**
 * What the removed lines granted: every write grant (a re-added one is only moved or re-commented) and
 * the scopes granted at the workflow level, which every job had.
 */
function removedGrants(file: ChangedFile): { tally: RemovedTally; workflowScopes: Set<string>; workflowAll: boolean } {
  const tally = new RemovedTally();
  const workflowScopes = new Set<string>();
  let workflowAll = false;
  for (const l of file.removed) {
    if (!l.content.includes("write")) continue;
    const k = parseKeyLine(l.content);
    const w = k ? writeValue(k.value) : null;
    if (!k || !w) continue;
    tally.add(w === "write-all" ? "write-all" : `${k.key}:write`);
    const chain = keysAt(file, "old", l.line);
    if (w === "write-all" && k.key === "permissions" && k.col === 0) workflowAll = true;
    else if (w === "write" && chain[0]?.key === "permissions" && chain[0].col === 0) workflowScopes.add(k.key);
  }
  return { tally, workflowScopes, workflowAll };
}

/**
 * `permissions:` blocks removed and not declared again at the same place: the workflow (or job) falls
 * back to the repository's default token, which is read-write on many repositories.
 */
function removedBlocks(file: ChangedFile): RuleFinding[] {
  if (file.status !== "modified" || !/^\s*permissions\s*:/m.test(removedText(file))) return [];
  const declared = new Set<string>();
  for (const l of file.added) {
    const k = parseKeyLine(l.content);
    if (k?.key !== "permissions") continue;
    declared.add(k.col === 0 ? "" : (jobOfKeys(keysAt(file, "new", l.line)) ?? "?"));
  }
  const out: RuleFinding[] = [];
  for (const l of file.removed) {
    const k = parseKeyLine(l.content);
    if (k?.key !== "permissions" || k.item) continue;
    const owner = k.col === 0 ? "" : jobOfKeys(keysAt(file, "old", l.line));
    if (owner === null || declared.has(owner)) continue;
    out.push({
      file: file.path,
      line: l.line,
      side: "old",
      severity: owner === "" ? "medium" : "low",
      message:
        owner === ""
          ? `Workflow ${file.path} no longer declares its token permissions: every job gets the repository's default, which may be read-write`
          : `Job ${owner} in ${file.path} no longer declares its token permissions: it inherits the workflow's, or the repository's default`,
    });
  }
  return out;
}

export const permissionsWidenedRule: Rule = {
  id: "ci-workflow/permissions-widened",
  category: "ci-workflow",
  description:
    "A workflow's GITHUB_TOKEN permissions are widened: a scope set to write, write-all, or a `permissions:` block removed (the token falls back to the repository default).",
  severity: "high",
  remediation:
    "Grant the least privilege: `permissions: {}` or read at the top, and only the write scopes a job needs on that job.",
  docs: {
    severity: "high / medium / low",
    detects:
      "`permissions: write-all`, or a scope set to `write` in a `permissions:` block: for the whole workflow high for contents, packages, actions, id-token, deployments, pages, attestations and medium for issues, pull-requests, checks, statuses…; one step lower on a single job (where least privilege puts it). A scope that was already `write` in the removed lines (moved, re-commented), or granted to the whole workflow before and now to jobs, is not reported. A `permissions:` block removed and not declared again: medium for the workflow, low for a job.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (!isGithubActionsYaml(file.path) || file.status === "deleted") continue;
      out.push(...removedBlocks(file));
      if (!file.added.some((l) => l.content.includes("write"))) continue;
      // A scope that was already write (moved, re-commented, re-indented) is not a widening, nor is one
      // moved from the workflow level down to the jobs that need it.
      const { tally, workflowScopes, workflowAll } = removedGrants(file);
      for (const l of file.added) {
        if (!l.content.includes("write")) continue;
        const k = parseKeyLine(l.content);
        const w = k ? writeValue(k.value) : null;
        if (!k || !w) continue;
        const chain = keysAt(file, "new", l.line);
        if (w === "write" && chain[0]?.key !== "permissions") continue;
        const job = jobOfKeys(chain);
        if (job && (workflowAll || (w === "write" && workflowScopes.has(k.key)))) continue;
        if (w === "write-all") {
          if (k.key !== "permissions" || tally.take("write-all")) continue;
        } else if (tally.take(`${k.key}:write`)) continue;
        const scope = job ? `job ${job}` : "the whole workflow";
        const broad = w === "write-all" || HIGH_SCOPES.has(k.key);
        const severity: Severity = job ? (broad ? "medium" : "low") : broad ? "high" : "medium";
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
