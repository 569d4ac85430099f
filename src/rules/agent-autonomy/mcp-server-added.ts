import { mcpProductionRefs, mcpReach, mcpServers } from "../../agents/mcp-servers.js";
import { worstRef } from "../../environments/production-refs.js";
import { quote } from "../../text/quote.js";
import type { Rule, RuleFinding } from "../types.js";

export const mcpServerAddedRule: Rule = {
  id: "agent-autonomy/mcp-server-added",
  category: "agent-autonomy",
  description:
    "An MCP server is added to an agent's configuration, or handed production credentials: its tools become the agent's tools.",
  severity: "low",
  remediation:
    "Give agents MCP servers scoped to development data (a local or staging database, read-only roles), never production credentials; pin the server's package version and review what its tools can do.",
  docs: {
    severity:
      "**critical** for a shell or command-execution server, and for any server given production credentials (a production host, database or `PROD_*` secret in its env, arguments, headers or URL); **high** for database and cloud/infrastructure servers (Postgres, MySQL, MongoDB, Redis, Supabase, Neon, BigQuery, Snowflake, AWS, GCP, Azure, Cloudflare, Kubernetes, Terraform, Vercel, Stripe…); **medium** for filesystem servers; **low** for any other new server",
    detects:
      "Servers added to `.mcp.json`, `.cursor/mcp.json`, `.vscode/mcp.json` (`servers`), `.roo/mcp.json`, `.amazonq/mcp.json`, Codex `[mcp_servers.*]`, Gemini and OpenCode settings, settings JSON and `--mcp-config` of agent workflow steps; and existing servers whose changed lines add production references.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (file.binary) continue;
      const before = mcpServers(file, "old");
      for (const server of mcpServers(file, "new").values()) {
        if (!server.changed) continue;
        const was = before.get(server.name);
        const prod = worstRef(mcpProductionRefs(server));
        const prodBefore = was ? worstRef(mcpProductionRefs(was)) : null;
        if (prod && !prodBefore) {
          out.push({
            file: file.path,
            line: server.line,
            severity: "critical",
            message: `MCP server ${quote(server.name, 40)} is given production access (${quote(prod.text, 60)}): the agent's tools now reach production`,
          });
          continue;
        }
        if (was) continue;
        const reach = mcpReach(server);
        const what = quote(server.identity.filter((v) => v !== "").join(" "), 80);
        out.push({
          file: file.path,
          line: server.line,
          severity: reach?.severity ?? "low",
          message: reach
            ? `MCP server ${quote(server.name, 40)} added: the agent can reach ${reach.capability} through its tools (${what})`
            : `MCP server ${quote(server.name, 40)} added: its tools become the agent's (${what})`,
        });
      }
    }
    return out;
  },
};
