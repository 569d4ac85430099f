import type { ChangedFile } from "../../diff/model.js";
import { ciSystemOf, isGithubActionsYaml } from "../../workflows/ci-paths.js";
import { jobOfKeys, keysAt, outlineWorkflow } from "../../workflows/yaml-keys.js";
import type { Rule, RuleFinding } from "../types.js";

/** Jobs touched by a change, from the first changed line of each hunk (enough to name them, linear). */
function touchedJobs(file: ChangedFile): string[] {
  if (!isGithubActionsYaml(file.path)) return [];
  const jobs = new Set<string>();
  for (const hunk of file.hunks) {
    const first = hunk.changes.find((c) => c.type !== "context");
    if (!first) continue;
    const chain =
      first.type === "add" && first.newLine !== undefined
        ? keysAt(file, "new", first.newLine)
        : first.oldLine !== undefined
          ? keysAt(file, "old", first.oldLine)
          : [];
    const job = jobOfKeys(chain);
    if (job) jobs.add(job);
    if (jobs.size >= 6) break;
  }
  return [...jobs];
}

export const ciConfigChangedRule: Rule = {
  id: "ci-workflow/ci-config-changed",
  category: "ci-workflow",
  description: "A CI/CD pipeline file (GitHub workflow or composite action, GitLab CI, CircleCI, Jenkins...) changed.",
  severity: "low",
  remediation: "Review the pipeline change: what runs, with which permissions and secrets, and on which events.",
  docs: {
    severity: "low",
    detects:
      "Any CI file added, changed, renamed or deleted (one finding per file, naming the workflow and jobs touched).",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      const system = ciSystemOf(file.path);
      if (!system || ctx.paths.isDoc(file.path)) continue;
      const verb =
        file.status === "added"
          ? "added"
          : file.status === "deleted"
            ? "deleted"
            : file.status === "renamed"
              ? "renamed"
              : "changed";
      let what = `${system} pipeline ${file.path} ${verb}`;
      const whole = file.status === "added" ? file.added : file.status === "deleted" ? file.removed : null;
      const doc = whole && isGithubActionsYaml(file.path) ? outlineWorkflow(whole) : null;
      if (doc?.name) what = `${system} workflow '${doc.name}' (${file.path}) ${verb}`;
      const jobs = doc ? doc.jobs.slice(0, 6) : touchedJobs(file);
      if (jobs.length > 0) what += ` (job${jobs.length > 1 ? "s" : ""} ${jobs.join(", ")})`;
      const firstAdded = file.added[0];
      const firstRemoved = file.removed[0];
      if (file.status !== "deleted" && firstAdded) out.push({ file: file.path, line: firstAdded.line, message: what });
      else if (file.status !== "deleted" && firstRemoved)
        out.push({ file: file.path, line: firstRemoved.line, side: "old", message: what });
      else out.push({ file: file.path, line: null, side: file.status === "deleted" ? "old" : "new", message: what });
    }
    return out;
  },
};
