import { grantChanges } from "../../agents/grant-changes.js";
import { parseGrant, rateGrant } from "../../agents/grants.js";
import { quote } from "../../text/quote.js";
import type { Severity } from "../../types.js";
import type { Rule, RuleFinding } from "../types.js";

export const restrictionRemovedRule: Rule = {
  id: "agent-autonomy/restriction-removed",
  category: "agent-autonomy",
  description:
    "A deny or ask rule that held a coding agent back is removed (settings deny/ask lists, disallowed tools of agent workflows).",
  severity: "medium",
  remediation:
    "Keep the deny rule, or replace it with a narrower one that still blocks what it was there for; if the agent needs the tool, allow the narrowest form of it instead.",
  docs: {
    severity:
      "deny rules: **high** when the rule blocked something that deletes, publishes, changes remote state, runs any program or reads secrets, medium otherwise; ask rules: medium (the command falls back to the mode's default)",
    detects:
      "Entries removed from Claude Code `permissions.deny` / `permissions.ask`, Cursor CLI `permissions.deny`, Gemini CLI `tools.exclude` / `tools.confirmationRequired`, Roo/Kilo Code `deniedCommands`, and agent workflow inputs (`disallowed_tools`, `--disallowedTools`). A rule re-added elsewhere in the same list (moved, reformatted) is not reported.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (file.binary) continue;
      for (const g of grantChanges(file)) {
        if (g.effect === "allow") continue;
        const rating = rateGrant(parseGrant(g.text, g.form));
        const guarded = /\.env|secret|credential|\.ssh|\.aws|token|key/i.test(g.text);
        const severity: Severity =
          g.effect === "deny" && (guarded || rating.severity === "high" || rating.severity === "critical")
            ? "high"
            : "medium";
        const kind = g.effect === "deny" ? "deny" : "ask";
        out.push({
          file: file.path,
          line: g.line,
          side: "old",
          severity,
          message: `Agent ${kind} rule ${quote(g.text, 80)} removed (${g.where}): ${
            g.effect === "deny" ? "it is no longer blocked" : "it no longer always asks"
          }`,
        });
      }
    }
    return out;
  },
};
