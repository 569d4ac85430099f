import { approvalModeRule as rule } from "../../../src/rules/agent-autonomy/approval-mode.js";
import { addedFile, modifiedFile } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    { name: "plan mode", diff: addedFile(".claude/settings.json", ['{ "permissions": { "defaultMode": "plan" } }']) },
    {
      name: "bypass mode already there, file reformatted",
      diff: modifiedFile(".claude/settings.json", [
        '-  "permissions": { "defaultMode": "bypassPermissions" }',
        '+  "permissions": {',
        '+    "defaultMode": "bypassPermissions"',
        "+  }",
      ]),
    },
    {
      name: "Codex on-request in a workspace-write sandbox",
      diff: addedFile(".codex/config.toml", ['approval_policy = "on-request"', 'sandbox_mode = "workspace-write"']),
    },
    {
      name: "Gemini default approval mode",
      diff: addedFile(".gemini/settings.json", ['{ "general": { "defaultApprovalMode": "default" } }']),
    },
    {
      name: "the bypass protection added",
      diff: addedFile(".claude/settings.json", ['{ "permissions": { "disableBypassPermissionsMode": "disable" } }']),
    },
  ],
  invalid: [
    {
      name: "Claude Code bypassPermissions",
      diff: modifiedFile(".claude/settings.json", [
        '   "permissions": {',
        '-    "defaultMode": "default"',
        '+    "defaultMode": "bypassPermissions"',
        "   }",
      ]),
      findings: [{ line: 2, severity: "critical", message: "bypassPermissions" }],
    },
    {
      name: "Codex never + danger-full-access, and a profile with network",
      diff: addedFile(".codex/config.toml", [
        'approval_policy = "never"',
        'sandbox_mode = "danger-full-access"',
        "",
        "[profiles.ci.sandbox_workspace_write]",
        "network_access = true",
      ]),
      findings: [
        { line: 1, severity: "high", message: "approval_policy" },
        { line: 2, severity: "critical", message: "danger-full-access" },
        { line: 5, severity: "medium", message: "network" },
      ],
    },
    {
      name: "Codex sandbox mode changed in a hunk",
      diff: modifiedFile(
        ".codex/config.toml",
        ['-sandbox_mode = "workspace-write"', '+sandbox_mode = "danger-full-access"'],
        3,
      ),
      findings: [{ line: 3, severity: "critical" }],
    },
    {
      name: "the bypass protection removed",
      diff: modifiedFile(".claude/settings.json", [
        '   "permissions": {',
        '-    "disableBypassPermissionsMode": "disable",',
        '     "allow": []',
      ]),
      findings: [{ side: "old", severity: "high", message: "disableBypassPermissionsMode" }],
    },
    {
      name: "VS Code global auto-approve",
      diff: modifiedFile(".vscode/settings.json", [
        '   "editor.formatOnSave": true,',
        '+  "chat.tools.global.autoApprove": true,',
        '   "files.eol": "\\n"',
      ]),
      findings: [{ severity: "critical", message: "chat.tools.global.autoApprove" }],
    },
    {
      name: "enableAllProjectMcpServers and Gemini auto_edit",
      diff: addedFile(".gemini/settings.json", ['{ "general": { "defaultApprovalMode": "auto_edit" } }']),
      findings: [{ severity: "medium", message: "auto_edit" }],
    },
    {
      name: "Aider yes-always",
      diff: addedFile(".aider.conf.yml", ["model: sonnet", "yes-always: true", "auto-commits: true"]),
      findings: [{ line: 2, severity: "medium", message: "yes-always" }],
    },
    {
      name: "claude_args permission mode and codex-action sandbox in a workflow",
      diff: addedFile(".github/workflows/agents.yml", [
        "on: workflow_dispatch",
        "jobs:",
        "  fix:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - uses: anthropics/claude-code-action@v1",
        "        with:",
        '          claude_args: "--permission-mode acceptEdits"',
        "      - uses: openai/codex-action@v1",
        "        with:",
        "          sandbox: danger-full-access",
        "          safety-strategy: unsafe",
      ]),
      findings: [
        { line: 8, severity: "medium", message: "acceptEdits" },
        { line: 11, severity: "critical", message: "sandbox" },
        { line: 12, severity: "high", message: "safety-strategy" },
      ],
    },
    {
      name: "OpenCode allows every tool",
      diff: addedFile("opencode.json", ['{ "$schema": "https://opencode.ai/config.json", "permission": "allow" }']),
      findings: [{ severity: "critical" }],
    },
  ],
});
