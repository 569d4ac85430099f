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

const MAX_WORDS = 2000;

/** Shell-like words: whitespace separates, quotes group, a backslash escapes the next character. */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let cur = "";
  let quote: string | null = null;
  let has = false;
  for (let i = 0; i < text.length && words.length < MAX_WORDS; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === "\\" && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      has = true;
      continue;
    }
    if (c === "\\" && i + 1 < text.length) {
      const n = text[++i]!;
      if (n !== "\n") cur += n;
      has = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (has || cur) words.push(cur);
      cur = "";
      has = false;
      continue;
    }
    cur += c;
    has = true;
  }
  if (has || cur) words.push(cur);
  return words;
}

/** Splits a tool list (`Bash(git add:*),Read` or `Bash(git add:*) Read`) without cutting inside parentheses. */
export function splitToolList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const c of text) {
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && (c === "," || c === "\n" || c === " ")) {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const ALLOW = new Set(["--allowedtools", "--allowed-tools", "--allow-tool"]);
const DENY = new Set(["--disallowedtools", "--disallowed-tools", "--deny-tool"]);

export function parseAgentArgs(text: string): AgentArgs {
  const out: AgentArgs = { allowedTools: [], disallowedTools: [], permissionMode: null, mcpConfigs: [] };
  const words = shellWords(text);
  let list: string[] | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith("-")) {
      const [flag, inline] = w.includes("=") ? [w.slice(0, w.indexOf("=")), w.slice(w.indexOf("=") + 1)] : [w, null];
      const f = flag.toLowerCase();
      list = ALLOW.has(f) ? out.allowedTools : DENY.has(f) ? out.disallowedTools : null;
      if (list && inline !== null) list.push(...splitToolList(inline));
      if (f === "--permission-mode") out.permissionMode = inline ?? words[++i] ?? null;
      if (f === "--mcp-config") {
        const v = inline ?? words[++i];
        if (v) out.mcpConfigs.push(v);
      }
      continue;
    }
    if (list) list.push(...splitToolList(w));
  }
  return out;
}
