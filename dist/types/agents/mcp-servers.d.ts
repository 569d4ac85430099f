import type { ChangedFile } from "../diff/model.js";
import type { Side } from "../diff/side.js";
import { type ProductionRef } from "../environments/production-refs.js";
import type { Severity } from "../types.js";
/**
 * MCP servers an agent is configured with, per side of a file: project MCP files (`.mcp.json`,
 * `.cursor/mcp.json`, `.vscode/mcp.json`, Codex `[mcp_servers.*]`, Gemini `mcpServers`), settings JSON and
 * `--mcp-config` given to agent steps. Each server is told by name; what it reaches is read from its
 * package, command, image or URL, and production credentials from its environment, arguments and headers.
 */
export interface McpServer {
    name: string;
    /** Command, args, URL, type: what the server is. */
    identity: string[];
    /** Values of env, headers and args: what it is given. */
    given: string[];
    line: number;
    /** Some line of the server's definition is a changed line. */
    changed: boolean;
}
/** The MCP servers one side of a file configures, by name. */
export declare function mcpServers(file: ChangedFile, side: Side): ReadonlyMap<string, McpServer>;
export interface McpReach {
    capability: string;
    severity: Severity;
}
/** What a server reaches, from its name and identity; null when nothing in the catalogue says. */
export declare function mcpReach(server: McpServer): McpReach | null;
/** Production references among what a server is given (environment, headers, arguments, URL). */
export declare function mcpProductionRefs(server: McpServer): ProductionRef[];
