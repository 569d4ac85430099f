import { isGithubWorkflow } from "../../workflows/ci-paths.js";
import { prHeadCheckouts, visiblePrivilegedTriggers } from "../../workflows/workflow-file.js";
import { describeLocation, jobOfKeys, keysAt } from "../../workflows/yaml-keys.js";
import type { Rule, RuleFinding } from "../types.js";

const SECRET_REF = /\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]{0,100})|^\s*secrets:\s*inherit\b/;

export const secretsInUntrustedContextRule: Rule = {
  id: "ci-workflow/secrets-in-untrusted-context",
  category: "ci-workflow",
  description:
    "Secrets are passed to a job that runs pull request code under pull_request_target/workflow_run (fork code can read them).",
  severity: "high",
  remediation:
    "Split the workflow: build/test PR code under `pull_request` without secrets, and use the privileged trigger only for trusted steps on the base code.",
  docs: {
    severity: "high",
    detects:
      "`\u0024{{ secrets.X }}` or `secrets: inherit` added to a job that checks out PR head code under `pull_request_target`/`workflow_run`.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (!isGithubWorkflow(file.path) || file.status === "deleted") continue;
      if (!file.added.some((l) => l.content.includes("secrets"))) continue;
      const triggers = visiblePrivilegedTriggers(file);
      if (triggers.size === 0) continue;
      // Jobs that check out the PR head ("" when the job could not be named).
      const untrustedJobs = new Set(prHeadCheckouts(file).map((c) => jobOfKeys(c.keys) ?? ""));
      if (untrustedJobs.size === 0) continue;
      for (const l of file.added) {
        if (!l.content.includes("secrets")) continue;
        const m = SECRET_REF.exec(l.content);
        if (!m) continue;
        const chain = keysAt(file, "new", l.line);
        const job = jobOfKeys(chain);
        if (job && !untrustedJobs.has(job) && !untrustedJobs.has("")) continue;
        const what = m[1] ? `secret ${m[1]}` : "all secrets (secrets: inherit)";
        const where = describeLocation(chain);
        out.push({
          file: file.path,
          line: l.line,
          message: `${what} passed to ${where || "a job"} that runs PR head code under ${[...triggers].join("/")} in ${file.path}`,
        });
      }
    }
    return out;
  },
};
