import { cutLine } from "../../diff/side.js";
import { isGithubActionsYaml } from "../../workflows/ci-paths.js";
import { describeLocation, keysAt, parseKeyLine } from "../../workflows/yaml-keys.js";
import type { Rule, RuleFinding } from "../types.js";

// Event fields any GitHub user controls: issue/PR/comment text, branch names, commit messages and authors.
const UNTRUSTED =
  /github\.event\.(?:issue\.(?:title|body)|pull_request\.(?:title|body|head\.(?:ref|label|repo\.default_branch))|comment\.body|review\.body|review_comment\.body|discussion\.(?:title|body)|discussion_comment\.body|head_commit\.(?:message|author\.(?:email|name))|workflow_run\.(?:head_branch|display_title|head_commit\.(?:message|author\.(?:email|name)))|(?:commits|pages)\[[^\]]{0,20}\]\.(?:message|author\.(?:email|name)|page_name)|(?:commits|pages)\.\*\.(?:message|author\.(?:email|name)|page_name))|github\.head_ref/;

/** The untrusted field interpolated by a `${{ }}` expression on the line, or null. */
export function untrustedExpression(content: string): string | null {
  const text = cutLine(content);
  let from = 0;
  for (let guard = 0; guard < 50; guard++) {
    const open = text.indexOf("${{", from);
    if (open < 0) return null;
    const close = text.indexOf("}}", open + 3);
    const expr = text.slice(open + 3, close < 0 ? text.length : close);
    const m = UNTRUSTED.exec(expr);
    if (m) return m[0];
    if (close < 0) return null;
    from = close + 2;
  }
  return null;
}

export const scriptInjectionRule: Rule = {
  id: "ci-workflow/script-injection",
  category: "ci-workflow",
  description:
    "Untrusted event data (issue/PR title or body, comment, branch name, commit message) is interpolated with \u0024{{ }} into a run: script.",
  severity: "high",
  remediation:
    'Pass the value through an environment variable (`env: TITLE: \u0024{{ github.event.issue.title }}`) and use "$TITLE" in the script.',
  docs: {
    severity: "high",
    detects:
      "`\u0024{{ }}` expressions of attacker-controlled event data inside a `run:` script or a github-script `script:`: issue/PR/discussion title and body, comment and review bodies, `head.ref`/`head.label`, `github.head_ref`, commit messages and authors, `workflow_run.head_branch`… Values passed through `env:` (the safe pattern) and `if:` conditions are not reported.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (!isGithubActionsYaml(file.path) || file.status === "deleted") continue;
      for (const l of file.added) {
        if (!l.content.includes("${{")) continue;
        const field = untrustedExpression(l.content);
        if (!field) continue;
        const own = parseKeyLine(l.content);
        const chain = keysAt(file, "new", l.line);
        const inScript =
          own?.key === "run" || own?.key === "script" || chain.some((k) => k.key === "run" || k.key === "script");
        // `env:`/`with:` values and `if:` conditions are data, not code: the safe pattern.
        if (
          !inScript ||
          (own && own.key !== "run" && own.key !== "script" && chain[0]?.key !== "run" && chain[0]?.key !== "script")
        )
          continue;
        const where = describeLocation(chain);
        out.push({
          file: file.path,
          line: l.line,
          message: `\${{ ${field} }} is interpolated into a ${own?.key === "script" || chain[0]?.key === "script" ? "github-script" : "run:"} script${where ? ` in ${where}` : ""} of ${file.path}: script injection`,
        });
      }
    }
    return out;
  },
};
