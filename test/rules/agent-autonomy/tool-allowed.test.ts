import { toolAllowedRule as rule } from "../../../src/rules/agent-autonomy/tool-allowed.js";
import { addedFile, modifiedFile } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

const settings = (allow: string[]) =>
  addedFile(".claude/settings.json", [
    "{",
    '  "permissions": {',
    '    "allow": [',
    ...allow.map((a, i) => `      ${JSON.stringify(a)}${i < allow.length - 1 ? "," : ""}`),
    "    ],",
    '    "deny": ["Read(./.env)"]',
    "  }",
    "}",
  ]);

ruleTester(rule, {
  valid: [
    {
      name: "read-only commands",
      diff: settings(["Bash(git status)", "Bash(git diff:*)", "Bash(ls:*)", "Read", "Grep"]),
    },
    {
      name: "a deny rule added (narrowing)",
      diff: modifiedFile(".claude/settings.json", [
        '    "deny": [',
        '-      "Read(./.env)"',
        '+      "Read(./.env)",',
        '+      "Bash(rm:*)"',
        "    ]",
      ]),
    },
    {
      name: "an allow entry moved, not added",
      diff: modifiedFile(".claude/settings.json", [
        '    "allow": [',
        '-      "Bash(git push:*)",',
        '       "Bash(npm test:*)",',
        '+      "Bash(git push:*)",',
        '       "Read"',
      ]),
    },
    {
      name: "WebFetch limited to a domain",
      diff: settings(["WebFetch(domain:docs.python.org)"]),
    },
    {
      name: "the same claude_args tools reformatted",
      diff: modifiedFile(".github/workflows/claude.yml", [
        "      - uses: anthropics/claude-code-action@v1",
        "        with:",
        "          claude_args: |",
        '-            --allowedTools "Bash(gh pr view:*),Bash(gh pr diff:*)"',
        '+            --allowedTools "Bash(gh pr diff:*),Bash(gh pr view:*)"',
      ]),
    },
  ],
  invalid: [
    {
      name: "the bare shell tool in Claude Code settings",
      diff: settings(["Bash", "Read"]),
      findings: [{ line: 4, severity: "critical", message: "any shell command" }],
    },
    {
      name: "an allow-list entry added whose list key is only named by the following deny list",
      diff: modifiedFile(
        "project-template/.claude/settings.local.json",
        [
          '       "Bash(chmod:*)",',
          '-      "Bash(docker:*)"',
          '+      "Bash(docker:*)",',
          '+      "Bash(gh:*)"',
          "     ],",
          '     "deny": [',
        ],
        33,
      ),
      findings: [{ line: 35, severity: "high", message: "Bash(gh:*)" }],
    },
    {
      name: "a launcher, a web fetch without domain and script runners",
      diff: settings(["Bash(python:*)", "WebFetch", "Bash(npm run:*)", "Bash(pytest:*)"]),
      findings: [
        { severity: "high", message: "runs any program" },
        { severity: "medium", message: "any URL" },
        { severity: "medium", message: "npm run" },
        { severity: "low", message: "Bash(pytest:*)" },
      ],
    },
    {
      name: "Gemini CLI tools.allowed gains run_shell_command",
      diff: addedFile(".gemini/settings.json", ['{ "tools": { "allowed": ["run_shell_command"] } }']),
      findings: [{ severity: "critical", message: "Gemini CLI settings" }],
    },
    {
      name: "VS Code terminal auto-approve map entry set to true",
      diff: modifiedFile(".vscode/settings.json", [
        '   "chat.tools.terminal.autoApprove": {',
        '     "npm test": true,',
        '+    "rm": true,',
        '     "git status": true',
        "   }",
      ]),
      findings: [{ severity: "high", message: "`rm`" }],
    },
    {
      name: "Roo Code allowed commands get the wildcard",
      diff: addedFile(".vscode/settings.json", ["{", '  "roo-cline.allowedCommands": ["npm test", "*"]', "}"]),
      findings: [
        { severity: "critical", message: "any shell command" },
        { severity: "low", message: "npm test" },
      ],
    },
    {
      name: "a slash command's allowed-tools front matter grants gh api",
      diff: addedFile(".claude/commands/dedupe.md", [
        "---",
        "allowed-tools: Bash(gh issue view:*), Bash(gh api:*)",
        "description: Find duplicate issues",
        "---",
        "Find duplicates of the issue.",
      ]),
      findings: [{ line: 2, severity: "high", message: "gh api" }],
    },
    {
      name: "claude_args --allowedTools widened in a workflow",
      diff: modifiedFile(".github/workflows/claude.yml", [
        "",
        "          claude_args: |",
        "            --mcp-config .mcp.json",
        "-            --allowedTools Bash(gh pr view:*)",
        '+            --allowedTools "Bash(gh pr view:*),WebFetch"',
      ]),
      findings: [{ severity: "medium", message: "WebFetch" }],
    },
    {
      name: "claude-code-action v0 allowed_tools: Bash",
      diff: addedFile(".github/workflows/claude.yml", [
        "on: issue_comment",
        "jobs:",
        "  claude:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - uses: anthropics/claude-code-action@beta",
        "        with:",
        '          allowed_tools: "Bash"',
      ]),
      findings: [{ line: 8, severity: "critical", message: "job claude" }],
    },
  ],
});
