import { AGENT_CONFIG_FORMATS } from "../../agents/catalogue.js";
import { parseAgentArgs } from "../../agents/cli-args.js";
import { entryAt } from "../../agents/config-entries.js";
import { settingsInputEntries } from "../../agents/grant-changes.js";
import { agentFormatOf, switchChanges } from "../../agents/settings-changes.js";
import { agentInputs } from "../../agents/workflow-agents.js";
import type { ChangedFile } from "../../diff/model.js";
import type { Rule, RuleFinding } from "../types.js";

const CLAUDE = AGENT_CONFIG_FORMATS.find((f) => f.id === "claude-code-settings")!;
const MODE_SWITCH = CLAUDE.switches!.find((s) => s.path === "permissions.defaultMode")!;

/** Switches in settings JSON handed to agent steps, and permission modes and action inputs of agent steps. */
function workflowSwitches(file: ChangedFile): RuleFinding[] {
  const out: RuleFinding[] = [];
  const before = settingsInputEntries(file, "old");
  for (const { input, entries, format } of settingsInputEntries(file, "new")) {
    const was = before.filter((b) => b.input.job === input.job).flatMap((b) => b.entries);
    for (const sw of format.switches ?? []) {
      for (const l of sw.loosens) {
        const set = (es: typeof entries) => es.some((e) => entryAt(e, sw.path) && e.value === l.value);
        if (set(entries) && !set(was))
          out.push({
            file: file.path,
            line: input.line,
            severity: l.severity,
            message: `Agent step${input.job ? ` in job ${input.job}` : ""} sets ${sw.path} to ${String(l.value)} in its ${input.input}: ${l.means}`,
          });
      }
    }
  }
  const oldModes = new Set(
    agentInputs(file, "old")
      .filter((i) => i.changed && i.action.argInputs?.includes(i.input))
      .map((i) => `${i.job}\u0000${parseAgentArgs(i.value).permissionMode}`),
  );
  const oldValues = new Set(agentInputs(file, "old").map((i) => `${i.job}\u0000${i.input}\u0000${i.value.trim()}`));
  for (const input of agentInputs(file, "new")) {
    if (!input.changed) continue;
    if (input.action.argInputs?.includes(input.input)) {
      const mode = parseAgentArgs(input.value).permissionMode;
      const loosen = MODE_SWITCH.loosens.find((l) => l.value === mode);
      if (loosen && !oldModes.has(`${input.job}\u0000${mode}`))
        out.push({
          file: file.path,
          line: input.line,
          severity: loosen.severity,
          message: `Agent step${input.job ? ` in job ${input.job}` : ""} runs with --permission-mode ${mode}: ${loosen.means}`,
        });
    }
    for (const sw of input.action.switches ?? []) {
      if (sw.input !== input.input || input.value.trim() !== sw.value) continue;
      if (oldValues.has(`${input.job}\u0000${input.input}\u0000${sw.value}`)) continue;
      out.push({
        file: file.path,
        line: input.line,
        severity: sw.severity,
        message: `${input.action.uses} step${input.job ? ` in job ${input.job}` : ""} sets ${sw.input}: ${sw.value}: ${sw.means}`,
      });
    }
  }
  return out;
}

export const approvalModeRule: Rule = {
  id: "agent-autonomy/approval-mode",
  category: "agent-autonomy",
  description:
    "A coding agent's settings switch approvals or its sandbox off, or take away a setting that kept them on.",
  severity: "high",
  remediation:
    "Keep the agent in its default approval mode and sandbox for this repository; grant the few tools it needs by name instead, and run bypass modes only in a disposable, network-restricted container.",
  docs: {
    severity:
      '**critical**: Claude Code `defaultMode: bypassPermissions`, Codex `sandbox_mode = "danger-full-access"`, Gemini `defaultApprovalMode: yolo`, VS Code `chat.tools.global.autoApprove` (or `chat.tools.autoApprove`) and an autopilot/auto-approve `chat.permissions.default`, OpenCode `permission.bash: allow`, codex-action `sandbox: danger-full-access`; **high**: Codex `approval_policy = "never"`, Claude Code\'s `disableBypassPermissionsMode: disable` removed, codex-action `safety-strategy: unsafe`; **medium**: `acceptEdits` / `auto` modes, Gemini `auto_edit`, `enableAllProjectMcpServers`, Codex network access or `on-failure`, Aider `yes-always`, a sandbox or folder-trust protection switched off; **low**: Gemini `autoAccept`',
    detects:
      "Settings files of Claude Code, Codex (`.codex/config.toml`, profiles included), Gemini CLI, VS Code (Copilot agent), OpenCode and Aider, settings JSON handed to agent actions, `--permission-mode` in `claude_args`, and codex-action inputs. Only a value the change writes counts (a value the removed lines had is not new); a protection counts when its value is removed.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (file.binary) continue;
      const format = agentFormatOf(file.path);
      if (format?.switches) {
        for (const c of switchChanges(file, format)) {
          out.push({
            file: file.path,
            line: c.line,
            side: c.kind === "removed" ? "old" : "new",
            severity: c.severity,
            message:
              c.kind === "set"
                ? `${format.name}: ${c.path} set to ${String(c.value)}: ${c.means}`
                : `${format.name}: ${c.path}: ${String(c.value)} removed: ${c.means}, and no longer is`,
          });
        }
      }
      out.push(...workflowSwitches(file));
    }
    return out;
  },
};
