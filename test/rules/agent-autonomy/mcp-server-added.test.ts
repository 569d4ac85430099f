// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { mcpServerAddedRule as rule } from "../../../src/rules/agent-autonomy/mcp-server-added.js";
import { addedFile, modifiedFile } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    {
      name: "a server's version bumped",
      diff: modifiedFile(".mcp.json", [
        '    "playwright": {',
        '      "command": "npx",',
        '-      "args": ["@playwright/mcp@0.0.40"]',
        '+      "args": ["@playwright/mcp@0.0.41"]',
        "    }",
      ]),
    },
    {
      name: "a server removed",
      diff: modifiedFile(".cursor/mcp.json", [
        '   "mcpServers": {',
        '-    "github": { "command": "docker", "args": ["run", "ghcr.io/github/github-mcp-server"] }',
        "   }",
      ]),
    },
  ],
  invalid: [
    {
      name: "a Postgres server with a production URL in .mcp.json",
      diff: addedFile(".mcp.json", [
        "{",
        '  "mcpServers": {',
        '    "postgres": {',
        '      "command": "npx",',
        '      "args": ["-y", "@modelcontextprotocol/server-postgres"],',
        '      "env": { "DATABASE_URL": "postgresql://ro@db.prod.example.com/app" }',
        "    }",
        "  }",
        "}",
      ]),
      findings: [{ line: 4, severity: "critical", message: "production" }],
    },
    {
      name: "a shell server and a docs server in .vscode/mcp.json",
      diff: addedFile(".vscode/mcp.json", [
        "{",
        '  "servers": {',
        '    "shell": { "type": "stdio", "command": "uvx", "args": ["mcp-shell-server"] },',
        '    "docs": { "type": "http", "url": "https://example.com/mcp" }',
        "  }",
        "}",
      ]),
      findings: [
        { line: 3, severity: "critical", message: "unrestricted shell" },
        { line: 4, severity: "low", message: "docs" },
      ],
    },
    {
      name: "a Codex MCP server with a production secret, in a hunk",
      diff: modifiedFile(".codex/config.toml", [
        " [mcp_servers.supabase]",
        ' command = "npx"',
        ' args = ["-y", "@supabase/mcp-server-supabase"]',
        '+env = { SUPABASE_ACCESS_TOKEN = "${PROD_SUPABASE_TOKEN}" }',
      ]),
      findings: [{ severity: "critical", message: "PROD_SUPABASE_TOKEN" }],
    },
    {
      name: "a database server added to a hunk of .cursor/mcp.json",
      diff: modifiedFile(".cursor/mcp.json", [
        '     "context7": { "command": "npx", "args": ["-y", "@upstash/context7-mcp"] },',
        '+    "mysql": { "command": "npx", "args": ["-y", "@benborla29/mcp-server-mysql"] },',
        '     "figma": { "url": "http://127.0.0.1:3845/mcp" }',
      ]),
      findings: [{ severity: "high", message: "database" }],
    },
  ],
});
