import { isGithubActionsYaml } from "../../workflows/ci-paths.js";
import { describeLocation, keysAt } from "../../workflows/yaml-keys.js";
import type { Rule, RuleFinding } from "../types.js";

const USES = /^\s*(?:-\s+)?uses:\s*["']?([^@\s"'#]{1,200})@([^\s"'#]{1,200})/;
const FULL_SHA = /^[0-9a-f]{40}$/i;

export const actionRepinnedRule: Rule = {
  id: "ci-workflow/action-repinned",
  category: "ci-workflow",
  description:
    "An action pinned to a commit SHA is moved to a mutable tag or branch (its code can change under the workflow).",
  severity: "medium",
  remediation:
    "Keep third-party actions pinned to a full commit SHA (add the version as a comment, e.g. `@<sha> # v4.2.0`).",
  docs: {
    severity: "medium",
    detects: "An action pinned to a 40-hex commit SHA moved to a tag or branch (`actions/checkout@<sha>` → `@v4`).",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (!isGithubActionsYaml(file.path) || file.status !== "modified") continue;
      const pinned = new Map<string, string>();
      for (const l of file.removed) {
        if (!l.content.includes("uses:")) continue;
        const m = USES.exec(l.content);
        if (m && FULL_SHA.test(m[2]!)) pinned.set(m[1]!, m[2]!);
      }
      if (pinned.size === 0) continue;
      for (const l of file.added) {
        if (!l.content.includes("uses:")) continue;
        const m = USES.exec(l.content);
        if (!m || FULL_SHA.test(m[2]!)) continue;
        const sha = pinned.get(m[1]!);
        if (!sha) continue;
        const where = describeLocation(keysAt(file, "new", l.line));
        out.push({
          file: file.path,
          line: l.line,
          message: `${m[1]} re-pinned from commit ${sha.slice(0, 12)} to mutable ref '${m[2]}'${where ? ` in ${where}` : ""} of ${file.path}`,
        });
      }
    }
    return out;
  },
};
