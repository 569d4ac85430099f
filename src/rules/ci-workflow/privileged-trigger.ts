import { isGithubWorkflow } from "../../workflows/ci-paths.js";
import {
  prHeadCheckouts,
  privilegedTriggerOf,
  visiblePrivilegedTriggers,
  wholeWorkflow,
} from "../../workflows/workflow-file.js";
import { describeLocation } from "../../workflows/yaml-keys.js";
import type { Rule, RuleFinding } from "../types.js";

/**
 * `pull_request_target` and `workflow_run` run in the base repository with its secrets and a
 * write token, even for fork PRs. Checking out the PR head there runs attacker code with them.
 */
export const privilegedTriggerRule: Rule = {
  id: "ci-workflow/privileged-trigger",
  category: "ci-workflow",
  description:
    "A workflow gains a pull_request_target/workflow_run trigger, or checks out the PR head under one (untrusted code with secrets).",
  severity: "high",
  remediation:
    "Use `pull_request` for jobs that build or test PR code; under pull_request_target never check out the PR head, keep permissions read-only and pass no secrets.",
  docs: {
    severity: "medium / high / critical",
    detects:
      "A `pull_request_target` or `workflow_run` trigger added: **critical** when the PR head is checked out (`ref: \u0024{{ github.event.pull_request.head.sha }}`, `github.head_ref`, `refs/pull/…`, `gh pr checkout`, the fork repository); **high** when an existing workflow switches to it (its jobs were written for untrusted-code-without-secrets); **medium** for a new workflow that never checks out PR code. A head checkout added under an existing privileged trigger is critical.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (!isGithubWorkflow(file.path) || file.status === "deleted" || file.added.length === 0) continue;
      const hasKeyword = file.added.some(
        (l) =>
          l.content.includes("pull_request_target") ||
          l.content.includes("workflow_run") ||
          l.content.includes("head") ||
          l.content.includes("refs/pull") ||
          l.content.includes("gh pr checkout"),
      );
      if (!hasKeyword) continue;
      const triggers = visiblePrivilegedTriggers(file);
      const doc = wholeWorkflow(file);
      const name = doc?.name ? `'${doc.name}' (${file.path})` : file.path;

      // PR head checkouts visible on the new side (context or added).
      const checkouts = prHeadCheckouts(file).map((c) => ({ ...c, where: describeLocation(c.keys) }));

      const addedTriggers: { line: number; trigger: string }[] = [];
      for (const l of file.added) {
        if (!l.content.includes("pull_request_target") && !l.content.includes("workflow_run")) continue;
        const t = privilegedTriggerOf(l.content);
        if (!t || (doc && !doc.triggers.has(t))) continue;
        addedTriggers.push({ line: l.line, trigger: t });
      }

      if (triggers.size > 0) {
        const trig = [...triggers].join("/");
        for (const c of checkouts) {
          if (!c.added) continue;
          out.push({
            file: file.path,
            line: c.line,
            severity: "critical",
            message: `Workflow ${name} runs on ${trig} and checks out the PR head${c.where ? ` in ${c.where}` : ""}: fork code runs with secrets and a write token`,
          });
        }
      }
      for (const t of addedTriggers) {
        if (checkouts.length > 0) {
          const c = checkouts[0]!;
          out.push({
            file: file.path,
            line: t.line,
            severity: "critical",
            message: `Workflow ${name} now runs on ${t.trigger} and checks out the PR head (line ${c.line}${c.where ? `, ${c.where}` : ""}): fork code runs with secrets`,
          });
        } else if (file.status === "added") {
          out.push({
            file: file.path,
            line: t.line,
            severity: "medium",
            message: `New workflow ${name} runs on ${t.trigger}: it gets secrets and a write token on fork PRs (no PR head checkout seen)`,
          });
        } else {
          out.push({
            file: file.path,
            line: t.line,
            severity: "high",
            message: `Workflow ${name} switched to ${t.trigger}: its existing jobs now run with secrets and a write token on fork PRs`,
          });
        }
      }
    }
    return out;
  },
};
