/**
 * Agent CLI arguments as written in a workflow input (`claude_args`, `codex-args`, `gemini_cli_args`):
 * split into words like a shell would (quotes kept together), then read for the flags that grant or
 * deny tools, set the permission mode or add MCP servers.
 */
export interface AgentArgs {
    allowedTools: string[];
    disallowedTools: string[];
    permissionMode: string | null;
    /** `--mcp-config` values: inline JSON or a path. */
    mcpConfigs: string[];
}
/** Shell-like words: whitespace separates, quotes group, a backslash escapes the next character. */
export declare function shellWords(text: string): string[];
/** Splits a tool list (`Bash(git add:*),Read` or `Bash(git add:*) Read`) without cutting inside parentheses. */
export declare function splitToolList(text: string): string[];
export declare function parseAgentArgs(text: string): AgentArgs;
