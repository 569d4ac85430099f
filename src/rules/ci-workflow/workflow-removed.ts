import type { Severity } from "../../types.js";
import { ciSystemOf, isGithubWorkflow } from "../../workflows/ci-paths.js";
import { droppedNeeds, removedJobLines, removedJobs } from "../../workflows/job-changes.js";
import { type WorkflowPurpose, workflowPurpose } from "../../workflows/purpose.js";
import { wholeWorkflow } from "../../workflows/workflow-file.js";
import type { Rule, RuleFinding } from "../types.js";

/**
 * How much a removal matters: a check (tests, linters, scanners on pull requests or pushes) may have
 * gated merges; a privileged automation that runs no checks (a stale bot, a PR commenter, a publisher)
 * takes its write token and secrets with it, which narrows what the repository exposes.
 */
function removal(purpose: WorkflowPurpose | null, what: string): { message: string; severity: Severity } {
  if (!purpose || purpose.checks) return { message: what, severity: "high" };
  if (purpose.privileged)
    return {
      message: `${what}: it ran no checks, and its write permissions, privileged triggers or secrets go with it`,
      severity: "low",
    };
  return { message: `${what} (it ran no tests, linters or scanners)`, severity: "medium" };
}

export const workflowRemovedRule: Rule = {
  id: "ci-workflow/workflow-removed",
  category: "ci-workflow",
  description:
    "A CI workflow is deleted, a job is removed from one, or a job stops waiting on another (checks that gated merges may no longer run).",
  severity: "high",
  remediation:
    "Confirm the removed checks are not required by branch protection, or replace them; keep the aggregate required job's `needs:` complete.",
  docs: {
    severity:
      "high for a check (tests, linters, scanners on pull requests or pushes) and for dropped `needs:`; medium for other removals; low for a privileged automation that ran no checks (write scopes, privileged triggers or secrets go with it)",
    detects:
      'A workflow (or other CI pipeline file) deleted, a job removed from a workflow, or a job dropped from another job\'s `needs:` (the aggregate "required check" can pass without it).',
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      const system = ciSystemOf(file.path);
      if (!system || ctx.paths.isDoc(file.path)) continue;
      if (file.status === "deleted") {
        // Only pipeline definitions: a helper script deleted from .github/workflows is not a workflow.
        if (!isGithubWorkflow(file.path) && !/\.ya?ml$|Jenkinsfile$/.test(file.path)) continue;
        const doc = wholeWorkflow(file);
        const name = doc?.name ? `'${doc.name}' (${file.path})` : file.path;
        const jobs =
          doc && doc.jobs.length > 0
            ? ` with job${doc.jobs.length > 1 ? "s" : ""} ${doc.jobs.slice(0, 8).join(", ")}`
            : "";
        const purpose = isGithubWorkflow(file.path)
          ? workflowPurpose(
              file.removed.map((l) => l.content),
              doc?.triggers ?? null,
            )
          : null;
        out.push({
          file: file.path,
          line: null,
          side: "old",
          ...removal(purpose, `${system} workflow ${name} deleted${jobs}`),
        });
        continue;
      }
      if (!isGithubWorkflow(file.path) || file.removed.length === 0) continue;
      for (const j of removedJobs(file)) {
        const purpose = workflowPurpose(removedJobLines(file, j.line), null);
        out.push({
          file: file.path,
          line: j.line,
          side: "old",
          ...removal(purpose, `Job ${j.job} removed from workflow ${file.path}`),
        });
      }
      for (const d of droppedNeeds(file)) {
        out.push({
          file: file.path,
          line: d.line,
          side: "old",
          message: `Job ${d.job} in ${file.path} no longer needs ${d.dropped.join(", ")}: it can pass without ${d.dropped.length > 1 ? "them" : "it"}`,
        });
      }
    }
    return out;
  },
};
