import { mentionsProduction } from "../../diff/command-lines.js";
import { isCommentLine } from "../../diff/line-syntax.js";
import type { ChangedFile } from "../../diff/model.js";
import { cutLine, RemovedTally, sideOf } from "../../diff/side.js";
import { quote } from "../../text/quote.js";
import { basenameOf } from "../../util/paths.js";
import { isGithubWorkflow } from "../../workflows/ci-paths.js";
import type { Rule, RuleFinding } from "../types.js";
import { cloudDeleteOf } from "./cloud-delete.js";
import { teardownOf } from "./infra-teardown.js";

/** A cron entry of a workflow's `schedule:` trigger. */
const CRON = /^\s*(?:-\s*)?["']?cron["']?\s*:\s*["']?([^"'#\n]{5,60})/;
/** Workflow names and file names that say the workflow destroys an environment. */
const DESTROYER_NAME = /destroy|teardown|tear[-_ ]down|nuke|wipe|delete[-_ ]?env|decommission|cleanup[-_ ]env/i;
/** Run lines that call a destroy or nuke script (`./scripts/deleteEnvironment.sh`, `make destroy`). */
const DESTROYER_SCRIPT = /(?:\.\/|\bmake\s+|\bbash\s+|\bsh\s+)[\w./-]*(?:destroy|teardown|nuke|wipe|delete-?env)/i;

/** What tears down in the workflow, from the lines the diff shows (its name, file name and steps), or null. */
function destroyerOf(file: ChangedFile): { what: string; production: boolean } | null {
  const lines = sideOf(file, "new").lines;
  const production = lines.some((l) => mentionsProduction(l.text) && !isCommentLine(file.path, l.text));
  for (const l of lines) {
    if (isCommentLine(file.path, l.text)) continue;
    const t = teardownOf(l.text, false) ?? cloudDeleteOf(l.text, false);
    // `apply -auto-approve` deploys; only what destroys counts here.
    if (t && t.severity !== "medium" && !t.what.includes("apply")) return { what: t.what, production };
    if (DESTROYER_SCRIPT.test(l.text)) return { what: `runs ${quote(cutLine(l.text), 80)}`, production };
  }
  const name = lines.find((l) => /^name\s*:/.test(l.text))?.text.replace(/^name\s*:\s*/, "") ?? "";
  if (DESTROYER_NAME.test(name)) return { what: `workflow '${name.replace(/["']/g, "").trim()}'`, production };
  if (DESTROYER_NAME.test(basenameOf(file.path))) return { what: `workflow ${basenameOf(file.path)}`, production };
  return null;
}

/**
 * A schedule turned on (added or uncommented `cron:` entries) for a workflow that destroys
 * infrastructure (terraform/terragrunt destroy, aws-nuke, destroy scripts, cloud deletes, or a
 * workflow named for it): from then on it tears down on a timer, with nobody reviewing each run.
 */
export const scheduledTeardownRule: Rule = {
  id: "destructive-command/scheduled-teardown",
  category: "destructive-command",
  description:
    "A schedule is turned on for a workflow that destroys infrastructure (terraform destroy, aws-nuke, a destroy script): it will tear down on a timer.",
  severity: "high",
  remediation:
    "Keep destroyers manual (workflow_dispatch behind a protected environment), or make sure the schedule can only reach a scratch account and says so.",
  docs: {
    severity: "high; critical when the workflow names production",
    detects:
      "`cron:` entries added or uncommented in a workflow whose visible steps destroy (`terraform`/`terragrunt`/`tofu destroy`, `pulumi destroy`, `aws-nuke --no-dry-run`, `cloud-nuke`, `kubectl delete namespace`, cloud CLI deletes of stored data, `./…destroy….sh`) or whose name or file name says it destroys (destroy, teardown, nuke, wipe, delete-env). A cron entry that only moved or changed its timing is not reported.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (!isGithubWorkflow(file.path) || file.status === "deleted") continue;
      if (!file.added.some((l) => l.content.includes("cron"))) continue;
      // A schedule that was already active (moved, re-quoted, retimed) is not turned on by this change.
      const active = new RemovedTally();
      for (const l of file.removed)
        if (!isCommentLine(file.path, l.content) && CRON.test(l.content)) active.add("cron");
      const enabled = file.added.find(
        (l) => !isCommentLine(file.path, l.content) && CRON.test(l.content) && !active.take("cron"),
      );
      if (!enabled) continue;
      const destroyer = destroyerOf(file);
      if (!destroyer) continue;
      out.push({
        file: file.path,
        line: enabled.line,
        severity: destroyer.production ? "critical" : "high",
        message: `Schedule turned on for ${file.path}, which destroys infrastructure (${destroyer.what}): it will tear down on a timer, with nobody approving each run`,
      });
    }
    return out;
  },
};
