import { grantChanges } from "../../agents/grant-changes.js";
import { parseGrant, rateGrant } from "../../agents/grants.js";
import { quote } from "../../text/quote.js";
import type { Severity } from "../../types.js";
import type { Rule, RuleFinding } from "../types.js";

/** Low-rated grants of one file are one finding; above this many, the message lists the first ones. */
const LISTED = 6;

export const toolAllowedRule: Rule = {
  id: "agent-autonomy/tool-allowed",
  category: "agent-autonomy",
  description:
    "A coding agent's allow-list gains a tool or command it may now run without a prompt (settings, command front matter, agent workflow inputs).",
  severity: "medium",
  remediation:
    "Allow the narrowest rule that does the job (`Bash(npm test:*)`, `WebFetch(domain:docs.example.com)`), keep shell launchers, `git push`, `gh api`, cloud and database CLIs behind a prompt, and never allow the bare shell tool.",
  docs: {
    severity:
      "**critical** for any shell command (`Bash`, `Bash(*)`, `run_shell_command`, `Shell(**)`, `*`); **high** for launchers that run any program (`Bash(python:*)`, `npx`, `uv run`, `docker`, `sudo`) and for commands that delete, publish or change remote state (`rm`, `git push`, `gh api`, `git`/`gh` with any subcommand, `curl`, `kubectl`, `terraform`, `aws`, database CLIs); **medium** for a web fetch without a domain, writes anywhere, and script runners (`npm run:*`, `make:*`); **low** for other specific commands and whole MCP servers (one finding per file); read-only commands (`git status`, `ls`, `gh pr view`) are not reported",
    detects:
      "Entries added to Claude Code `permissions.allow`, Cursor CLI `permissions.allow`, Gemini CLI `tools.allowed`, VS Code `chat.tools.terminal.autoApprove` / `chat.tools.edits.autoApprove` / `chat.tools.urls.autoApprove` (entries set to `true`), Roo/Kilo Code `allowedCommands`, the `allowed-tools` front matter of Claude Code commands, subagents and skills, and agent workflow inputs (`allowed_tools`, `--allowedTools` in `claude_args`, `settings` JSON). Entries the removed lines already had are not new.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (file.binary) continue;
      const low: { text: string; line: number; where: string }[] = [];
      for (const g of grantChanges(file)) {
        if (g.effect !== "allow") continue;
        const rating = rateGrant(parseGrant(g.text, g.form));
        if (rating.severity === null) continue;
        if (rating.severity === "low") {
          low.push({ text: g.text, line: g.line, where: g.where });
          continue;
        }
        out.push({
          file: file.path,
          line: g.line,
          severity: rating.severity,
          message: `Agent may now run ${quote(g.text, 80)} without a prompt (${g.where}): ${rating.opens}`,
        });
      }
      if (low.length > 0) {
        const shown = low
          .slice(0, LISTED)
          .map((l) => quote(l.text, 60))
          .join(", ");
        const more = low.length > LISTED ? ` and ${low.length - LISTED} more` : "";
        out.push({
          file: file.path,
          line: low[0]!.line,
          severity: "low" satisfies Severity,
          message: `Agent may now run ${shown}${more} without a prompt (${low[0]!.where})`,
        });
      }
    }
    return out;
  },
};
