import { restrictionRemovedRule as rule } from "../../../src/rules/agent-autonomy/restriction-removed.js";
import { addedFile, deletedFile, modifiedFile } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    {
      name: "a deny rule added",
      diff: modifiedFile(".claude/settings.json", [
        '    "deny": [',
        '+      "Bash(curl:*)",',
        '       "Read(./.env)"',
        "    ]",
      ]),
    },
    {
      name: "an allow rule removed (narrowing)",
      diff: modifiedFile(".claude/settings.json", [
        '    "allow": [',
        '-      "Bash(gh api:*)",',
        '       "Read"',
        "    ],",
        '    "deny": []',
      ]),
    },
    {
      name: "deny rules reordered",
      diff: modifiedFile(".claude/settings.json", [
        '    "deny": [',
        '-      "Bash(rm:*)",',
        '       "Read(./.env)",',
        '+      "Bash(rm:*)"',
        "    ]",
      ]),
    },
    {
      name: "a new settings file",
      diff: addedFile(".cursor/cli.json", ['{ "permissions": { "allow": [], "deny": ["Shell(rm)"] } }']),
    },
  ],
  invalid: [
    {
      name: "deny rules removed from Claude Code settings",
      diff: modifiedFile(".claude/settings.json", [
        '    "deny": [',
        '-      "Bash(git push:*)",',
        '-      "Read(./secrets/**)",',
        '-      "Bash(npm publish:*)"',
        "    ]",
      ]),
      findings: [
        { line: 2, side: "old", severity: "high", message: "git push" },
        { line: 3, side: "old", severity: "high", message: "secrets" },
        { line: 4, side: "old", severity: "high", message: "npm publish" },
      ],
    },
    {
      name: "the ask list removed",
      diff: modifiedFile(
        ".claude/settings.json",
        ['       "Bash(make:*)"', "-    ],", '-    "ask": [', '-      "Bash(git push:*)"', "     ]", "   }"],
        21,
      ),
      findings: [{ line: 24, severity: "medium", message: "ask rule" }],
    },
    {
      name: "a whole Cursor CLI config deleted",
      diff: deletedFile(".cursor/cli.json", [
        "{",
        '  "permissions": { "allow": ["Shell(ls)"], "deny": ["Shell(rm)"] }',
        "}",
      ]),
      findings: [{ side: "old", severity: "high", message: "Shell(rm)" }],
    },
    {
      name: "--disallowedTools dropped from claude_args",
      diff: modifiedFile(".github/workflows/claude.yml", [
        "      - uses: anthropics/claude-code-action@v1",
        "        with:",
        "          claude_args: |",
        '-            --disallowedTools "WebFetch,Bash(curl:*)"',
        "+            --model claude-sonnet-4-5",
      ]),
      findings: [
        { severity: "medium", message: "WebFetch" },
        { severity: "high", message: "Bash(curl:*)" },
      ],
    },
  ],
});
