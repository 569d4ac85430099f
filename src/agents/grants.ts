import type { Severity } from "../types.js";
import {
  type Capability,
  type EntryForm,
  HIGH_RISK_COMMANDS,
  LAUNCHERS,
  READ_ONLY_COMMANDS,
  REPO_SCRIPT_RUNNERS,
  TOOL_CAPABILITIES,
} from "./catalogue.js";

/**
 * What one allow-list entry lets an agent do without a prompt, whatever agent spells it: Claude Code's
 * `Bash(git push:*)`, Gemini's `run_shell_command(git)`, Cursor's `Shell(git)`, Copilot's `shell(git:*)`,
 * a Roo Code command prefix, a VS Code auto-approve key. Rated by what it opens, so that an entry for
 * `git status` is no finding and one for any command is critical.
 */

export interface Grant {
  /** The entry as written. */
  raw: string;
  capability: Capability;
  /** The command prefix, domain or path the entry is limited to; null when it is not limited. */
  scope: string | null;
}

export interface GrantRating {
  /** null: not worth a finding (read-only tools and commands). */
  severity: Severity | null;
  /** What the grant opens, for the message. */
  opens: string;
}

const TOOL_RULE = /^\s*([A-Za-z_*][\w*-]*)\s*(?:\(\s*([\s\S]*?)\s*\))?\s*$/;

/** Parses one entry of a list of the given form. */
export function parseGrant(raw: string, form: EntryForm): Grant {
  const text = raw.trim();
  if (form === "command") return { raw, capability: "shell", scope: unlimited(text) ? null : text };
  if (form === "url") return { raw, capability: "web", scope: unlimited(text) ? null : text };
  if (form === "path") return { raw, capability: "write", scope: unlimited(text) ? null : text };
  if (/^mcp__/i.test(text) || /^mcp\(/i.test(text) || /^mcp_\w+/i.test(text))
    return { raw, capability: "mcp", scope: text.replace(/^mcp__?/i, "") || null };
  const m = TOOL_RULE.exec(text);
  if (!m) return { raw, capability: "other", scope: text };
  const tool = m[1]!.toLowerCase();
  const capability = TOOL_CAPABILITIES[tool] ?? (tool.includes("*") ? "all" : "other");
  let scope: string | null = m[2] ?? null;
  if (scope !== null) {
    scope = scope.replace(/^domain:/i, "");
    if (unlimited(scope)) scope = null;
  }
  return { raw, capability, scope };
}

function unlimited(scope: string): boolean {
  const s = scope.trim();
  return s === "" || /^[*:/.~\s]*$/.test(s) || s === "/.*/" || s === "/^.*$/" || s === ".*" || s === "**/*";
}

/** The words of a command scope (`git push:*` → `git push`), lower-cased. */
function commandHead(scope: string): string {
  return scope
    .replace(/^\/\^?/, "")
    .replace(/:\*.*$|\s\*.*$|\*.*$|\\s.*$|\/[a-z]*$/i, "")
    .replace(/\\b|\\s\+?|\^/g, " ")
    .trim()
    .toLowerCase();
}

function startsWithAny(head: string, commands: readonly string[]): string | null {
  let best: string | null = null;
  for (const c of commands) {
    if ((head === c || head.startsWith(`${c} `)) && (!best || c.length > best.length)) best = c;
  }
  return best;
}

/** Rates a grant by what it opens. */
export function rateGrant(g: Grant): GrantRating {
  switch (g.capability) {
    case "all":
      return { severity: "critical", opens: "every tool, shell included" };
    case "shell":
      return rateCommand(g.scope);
    case "web":
      return g.scope === null
        ? { severity: "medium", opens: "fetching any URL (a way to send data out)" }
        : { severity: null, opens: `fetching ${g.scope}` };
    case "write":
      return g.scope === null || /^(?:\/|~|\.\.)/.test(g.scope) || /^\*\*/.test(g.scope)
        ? { severity: "medium", opens: "writing any file" }
        : { severity: null, opens: `writing ${g.scope}` };
    case "mcp":
      return g.scope !== null && !g.scope.includes("__")
        ? { severity: "low", opens: `every tool of the MCP server ${g.scope.replace(/__$/, "")}` }
        : { severity: null, opens: `the MCP tool ${g.scope}` };
    default:
      return { severity: null, opens: g.raw };
  }
}

const UMBRELLA_COMMANDS = new Set(["git", "gh"]);

function rateCommand(scope: string | null): GrantRating {
  if (scope === null) return { severity: "critical", opens: "any shell command" };
  const head = commandHead(scope);
  if (head === "") return { severity: "critical", opens: "any shell command" };
  const launcher = startsWithAny(head, LAUNCHERS);
  if (launcher === head) return { severity: "high", opens: `\`${launcher}\`, which runs any program` };
  // A launcher with a named program (`uv run pytest`, `npx prettier`): what that program opens.
  if (launcher) return rateCommand(scope.slice(scope.toLowerCase().indexOf(launcher) + launcher.length).trim());
  const ro = startsWithAny(head, READ_ONLY_COMMANDS);
  if (ro && ro === head) return { severity: null, opens: `\`${ro}\`` };
  const risky = startsWithAny(head, HIGH_RISK_COMMANDS);
  // `git` and `gh` are risky with any subcommand, but `git commit` or `gh pr comment` alone is not.
  if (risky && !(UMBRELLA_COMMANDS.has(risky) && risky !== head)) {
    const broad = risky === head && risky.split(" ").length === 1 ? " with any arguments" : "";
    return { severity: "high", opens: `\`${head}\`${broad}, which can delete, publish or change remote state` };
  }
  if (ro) return { severity: null, opens: `\`${head}\`` };
  const runner = startsWithAny(head, REPO_SCRIPT_RUNNERS);
  if (runner && runner === head)
    return {
      severity: "medium",
      opens: `\`${runner}\` with any script or target (as wide as what the agent can edit)`,
    };
  return { severity: "low", opens: `\`${head}\`` };
}
