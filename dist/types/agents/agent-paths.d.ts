/** A file an agent reads as its settings, MCP servers or standing instructions. */
export declare function isAgentConfigPath(path: string): boolean;
