import type { ChangedFile } from "../diff/model.js";
import type { Side } from "../diff/side.js";
import { type ProductionRef, productionRefs } from "../environments/production-refs.js";
import type { Severity } from "../types.js";
import { isGithubWorkflow } from "../workflows/ci-paths.js";
import { MCP_CAPABILITIES } from "./catalogue.js";
import { parseAgentArgs } from "./cli-args.js";
import { type ConfigEntry, configEntries, jsonTextEntries } from "./config-entries.js";
import { settingsInputEntries } from "./grant-changes.js";
import { agentFormatOf } from "./settings-changes.js";
import { agentInputs } from "./workflow-agents.js";

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

const IDENTITY = new Set(["command", "args", "url", "httpUrl", "serverUrl", "type", "image", "package"]);
const GIVEN = new Set(["env", "headers", "args", "environment", "http_headers", "env_http_headers"]);

const MAPS = new Set(["env", "headers", "environment", "http_headers", "env_http_headers"]);

function serversFrom(entries: readonly ConfigEntry[], paths: readonly string[], out: Map<string, McpServer>): void {
  for (const e of entries) {
    const k = e.keys;
    let at: number;
    let field: string;
    if (k.length >= 3 && MAPS.has(k[k.length - 2]!)) {
      at = k.length - 3;
      field = k[k.length - 2]!;
    } else if (k.length >= 2 && (IDENTITY.has(k[k.length - 1]!) || GIVEN.has(k[k.length - 1]!))) {
      at = k.length - 2;
      field = k[k.length - 1]!;
    } else continue;
    // The keys above the server name must be the servers map (or its visible tail).
    const above = k.slice(0, at).join(".");
    if (e.rooted ? !paths.includes(above) : above !== "" && !paths.some((p) => p === above || p.endsWith(`.${above}`)))
      continue;
    const name = k[at]!;
    let s = out.get(name);
    if (!s) {
      s = { name, identity: [], given: [], line: e.line, changed: false };
      out.set(name, s);
    }
    const v = e.value === null ? "" : String(e.value);
    if (IDENTITY.has(field)) s.identity.push(v);
    if (GIVEN.has(field) || MAPS.has(field)) s.given.push(MAPS.has(field) ? `${k[k.length - 1]}=${v}` : v);
    if (e.changed && !s.changed) s.line = e.line;
    s.changed ||= e.changed;
  }
}

const cache = {
  old: new WeakMap<ChangedFile, Map<string, McpServer>>(),
  new: new WeakMap<ChangedFile, Map<string, McpServer>>(),
};

const NO_SERVERS: ReadonlyMap<string, McpServer> = new Map();

/** The MCP servers one side of a file configures, by name. */
export function mcpServers(file: ChangedFile, side: Side): ReadonlyMap<string, McpServer> {
  const format = agentFormatOf(file.path);
  // Only agent settings files and workflows (agent steps' inputs) name servers: the rest need no cache entry.
  if (!format?.mcpServers && !isGithubWorkflow(file.path)) return NO_SERVERS;
  let out = cache[side].get(file);
  if (out) return out;
  out = new Map();
  if (format?.mcpServers) serversFrom(configEntries(file, side, format.syntax), format.mcpServers, out);
  for (const { entries, format: f } of settingsInputEntries(file, side))
    if (f.mcpServers) serversFrom(entries, f.mcpServers, out);
  for (const input of agentInputs(file, side)) {
    if (!input.changed || !input.action.argInputs?.includes(input.input)) continue;
    for (const cfg of parseAgentArgs(input.value).mcpConfigs)
      if (cfg.trim().startsWith("{")) serversFrom(jsonTextEntries(cfg, input.line, true), ["mcpServers"], out);
  }
  cache[side].set(file, out);
  return out;
}

export interface McpReach {
  capability: string;
  severity: Severity;
}

/** What a server reaches, from its name and identity; null when nothing in the catalogue says. */
export function mcpReach(server: McpServer): McpReach | null {
  const text = [server.name, ...server.identity].join(" ");
  for (const c of MCP_CAPABILITIES) if (c.words.test(text)) return { capability: c.capability, severity: c.severity };
  return null;
}

/** Production references among what a server is given (environment, headers, arguments, URL). */
export function mcpProductionRefs(server: McpServer): ProductionRef[] {
  return [...server.given, ...server.identity].flatMap((v) => productionRefs(v));
}
