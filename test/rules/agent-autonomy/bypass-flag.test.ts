import { bypassFlagRule as rule } from "../../../src/rules/agent-autonomy/bypass-flag.js";
import { addedFile, modifiedFile } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    {
      name: "docs explaining the flag",
      diff: addedFile("docs/agents.md", ["Never run `claude --dangerously-skip-permissions` here."]),
    },
    {
      name: "an allow-list instead",
      diff: addedFile("scripts/review.sh", ['claude -p "review" --allowedTools "Bash(npm test:*)"']),
    },
    {
      name: "a moved line",
      diff: modifiedFile("Makefile", [
        '-\tcodex exec --full-auto "$(TASK)"',
        " lint:",
        '+\tcodex exec --full-auto "$(TASK)"',
      ]),
    },
    {
      name: "codex in its default sandbox",
      diff: addedFile("scripts/codex.sh", ["codex exec --sandbox workspace-write 'fix tests'"]),
    },
  ],
  invalid: [
    {
      name: "claude in a workflow run step",
      diff: addedFile(".github/workflows/fix.yml", [
        "on: workflow_dispatch",
        "jobs:",
        "  fix:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        '      - run: claude -p "$TASK" --dangerously-skip-permissions',
      ]),
      findings: [{ line: 6, severity: "critical", message: "Claude Code" }],
    },
    {
      name: "claude_args block with the flag on its own line",
      diff: modifiedFile(".github/workflows/claude.yml", [
        "          claude_args: |",
        "+            --dangerously-skip-permissions",
        "             --model opus",
      ]),
      findings: [{ line: 2, severity: "critical" }],
    },
    {
      name: "package.json script running gemini in yolo mode",
      diff: modifiedFile("package.json", [
        '   "scripts": {',
        '+    "agent": "gemini --yolo -p \\"fix lint\\"",',
        '     "test": "vitest"',
      ]),
      findings: [{ severity: "critical", message: "Gemini CLI" }],
    },
    {
      name: "codex full-auto and approval never",
      diff: addedFile("scripts/agent.sh", ["codex exec --full-auto 'task'", "codex -a never exec 'task'"]),
      findings: [
        { line: 1, severity: "medium" },
        { line: 2, severity: "high" },
      ],
    },
    {
      name: "a dev container runs Claude in bypass mode (one step lower)",
      diff: addedFile(".devcontainer/post-create.sh", ["claude --dangerously-skip-permissions -p 'setup'"]),
      findings: [{ severity: "high" }],
    },
  ],
});
