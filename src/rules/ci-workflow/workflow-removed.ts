import { ciSystemOf, isGithubWorkflow } from "../../workflows/ci-paths.js";
import { droppedNeeds, removedJobs } from "../../workflows/job-changes.js";
import { wholeWorkflow } from "../../workflows/workflow-file.js";
import type { Rule, RuleFinding } from "../types.js";

export const workflowRemovedRule: Rule = {
  id: "ci-workflow/workflow-removed",
  category: "ci-workflow",
  description:
    "A CI workflow is deleted, a job is removed from one, or a job stops waiting on another (checks that gated merges may no longer run).",
  severity: "high",
  remediation:
    "Confirm the removed checks are not required by branch protection, or replace them; keep the aggregate required job's `needs:` complete.",
  docs: {
    severity: "high",
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
        out.push({ file: file.path, line: null, side: "old", message: `${system} workflow ${name} deleted${jobs}` });
        continue;
      }
      if (!isGithubWorkflow(file.path) || file.removed.length === 0) continue;
      for (const j of removedJobs(file)) {
        out.push({
          file: file.path,
          line: j.line,
          side: "old",
          message: `Job ${j.job} removed from workflow ${file.path}`,
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
