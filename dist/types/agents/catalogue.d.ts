import type { Severity } from "../types.js";
/**
 * Where coding agents keep the settings that decide what they may do without a human, as data (like
 * src/ai/catalogue.ts is for authorship): each format's files, syntax, documentation, the lists that
 * allow or restrict tools, the switches that loosen approvals or sandboxes, and where MCP servers live.
 * Every entry was checked against the agent's documentation named in `docs`; the rules read only this.
 */
export type ConfigSyntax = "json" | "toml" | "yaml";
/** What a list does to the tools or commands it names. */
export type ListEffect = 
/** Entries run without a prompt. */
"allow"
/** Entries are blocked. */
 | "deny"
/** Entries always prompt, whatever else allows them. */
 | "ask";
/** How a list's entries are written. */
export type EntryForm = 
/** Tool rules: `Bash(git diff:*)`, `run_shell_command(git)`, `Shell(ls)`, `WebFetch(domain:x)`, `mcp__server`. */
"tool-rule"
/** Shell command prefixes: `npm test`, `*`. */
 | "command"
/** URLs or domains. */
 | "url"
/** File globs the agent may edit. */
 | "path";
export interface ListSpec {
    /** Dotted key path; `*` matches any one key. For a map list (`{"npm test": true}`) the path names the map. */
    path: string;
    effect: ListEffect;
    form: EntryForm;
    /** A map from entry to true (allow) / false (deny), as VS Code's auto-approve settings are written. */
    map?: boolean;
}
export interface SwitchSpec {
    /** Dotted key path of the setting. */
    path: string;
    /** Values that loosen the agent, with the severity of setting them and what they do. */
    loosens: readonly {
        value: string | boolean;
        severity: Severity;
        means: string;
    }[];
    /** Values whose removal (or replacement) loosens the agent: a protection switched off. */
    protects?: readonly {
        value: string | boolean;
        severity: Severity;
        means: string;
    }[];
}
export interface AgentConfigFormat {
    id: string;
    /** Agent id, as in src/ai/catalogue.ts where the agent is there. */
    agent: string;
    name: string;
    /** Repository paths (picomatch globs). */
    paths: readonly string[];
    syntax: ConfigSyntax;
    /** The documentation each key below was checked against. */
    docs: readonly string[];
    lists?: readonly ListSpec[];
    switches?: readonly SwitchSpec[];
    /** Dotted paths of MCP server maps (`name -> {command, args, env, url}`) in this file. */
    mcpServers?: readonly string[];
}
/** The agent configuration formats the agent-autonomy rules read. */
export declare const AGENT_CONFIG_FORMATS: readonly AgentConfigFormat[];
/** Claude Code slash commands, subagents and skills: their front matter grants tools while they run. */
export declare const FRONT_MATTER_TOOL_FILES: readonly ["**/.claude/commands/**/*.md", "**/.claude/agents/**/*.md", "**/.claude/skills/**/SKILL.md", "**/.agents/skills/**/SKILL.md", "**/.github/prompts/*.prompt.md", "**/.github/chatmodes/*.chatmode.md", "**/.github/agents/*.agent.md"];
/** Front-matter keys that grant tools without a prompt (Claude Code `allowed-tools`, subagent `tools`). */
export declare const FRONT_MATTER_TOOL_KEYS: readonly ["allowed-tools", "allowed_tools", "tools"];
/** Files agents read as standing instructions. */
export declare const INSTRUCTION_FILES: readonly ["**/AGENTS.md", "**/AGENTS.override.md", "**/CLAUDE.md", "**/CLAUDE.local.md", "**/GEMINI.md", "**/.cursorrules", "**/.cursor/rules/**", "**/.github/copilot-instructions.md", "**/.github/instructions/**/*.md", "**/.clinerules", "**/.clinerules/**", "**/.roo/rules*/**", "**/.roorules*", "**/.windsurfrules", "**/.windsurf/rules/**", "**/.junie/guidelines.md", "**/.goosehints", "**/.kiro/steering/**", "**/CONVENTIONS.md", "**/.claude/commands/**/*.md", "**/.claude/agents/**/*.md", "**/.claude/skills/**/SKILL.md", "**/.agents/skills/**/SKILL.md", "**/.github/prompts/*.prompt.md", "**/.github/chatmodes/*.chatmode.md", "**/.github/agents/*.agent.md"];
export type Capability = "all" | "shell" | "web" | "write" | "read" | "mcp" | "other";
/** Tool names, per agent's spelling, and what they can do. Case-insensitive. */
export declare const TOOL_CAPABILITIES: Record<string, Capability>;
/** Commands whose first words start any program: allowing them is allowing any command. */
export declare const LAUNCHERS: readonly ["sh", "bash", "zsh", "fish", "dash", "pwsh", "powershell", "cmd", "python", "python3", "node", "deno", "bun", "ruby", "perl", "php", "npx", "bunx", "pnpx", "uvx", "uv run", "poetry run", "pipx run", "pnpm dlx", "pnpm exec", "yarn dlx", "npm exec", "docker", "podman", "eval", "exec", "env", "sudo", "su", "xargs", "nohup", "time", "timeout", "watch", "ssh", "bash -c"];
/** Commands that destroy data, publish, change remote state or reach production systems. */
export declare const HIGH_RISK_COMMANDS: readonly ["rm", "rmdir", "dd", "mkfs", "shred", "chmod", "chown", "kill", "pkill", "killall", "git", "git push", "git reset", "git clean", "git rebase", "git filter-branch", "git remote", "git config", "gh", "gh api", "gh release", "gh repo", "gh secret", "gh workflow", "gh pr merge", "curl", "wget", "nc", "scp", "rsync", "kubectl", "helm", "terraform", "tofu", "pulumi", "aws", "gcloud", "gsutil", "az", "doctl", "flyctl", "heroku", "vercel", "netlify", "psql", "mysql", "mongo", "mongosh", "redis-cli", "sqlite3", "npm publish", "pnpm publish", "yarn publish", "cargo publish", "twine", "prisma migrate", "prisma db"];
/** Commands that run what the repository defines (scripts, targets): as wide as what the agent can edit. */
export declare const REPO_SCRIPT_RUNNERS: readonly ["make", "npm run", "npm", "pnpm", "pnpm run", "yarn", "yarn run", "bun run", "just", "task", "rake", "gradle", "./gradlew", "mvn", "cargo run", "go run", "tox", "nox"];
/** Read-only commands: allowing them is not worth a finding. */
export declare const READ_ONLY_COMMANDS: readonly ["ls", "cat", "head", "tail", "less", "grep", "rg", "ag", "wc", "tree", "pwd", "echo", "which", "file", "stat", "du", "df", "jq", "yq", "sort", "uniq", "diff", "date", "git status", "git log", "git diff", "git show", "git grep", "git blame", "git branch", "git rev-parse", "git merge-base", "git ls-files", "gh pr view", "gh pr list", "gh pr diff", "gh pr checks", "gh issue view", "gh issue list", "gh run view", "gh run list", "gh search"];
/** An agent's GitHub Action: the inputs that decide what it may do and who may drive it. */
export interface AgentAction {
    /** `uses:` prefix (owner/repo[/path]). */
    uses: string;
    agent: string;
    docs: string;
    /** Inputs holding tool rules (comma or newline separated). */
    allowInputs?: readonly string[];
    denyInputs?: readonly string[];
    /** Inputs holding CLI arguments for the agent. */
    argInputs?: readonly string[];
    /** Inputs holding agent settings as JSON (the format is that of `settingsFormat`). */
    settingsInputs?: readonly string[];
    settingsFormat?: string;
    /** Inputs naming users or bots who may drive the agent without write access (`*` = anyone). */
    driverInputs?: readonly string[];
    /** Inputs whose value switches a protection off. */
    switches?: readonly {
        input: string;
        value: string;
        severity: Severity;
        means: string;
    }[];
}
export declare const AGENT_ACTIONS: readonly AgentAction[];
/** The job GitHub's Copilot coding agent runs before it starts, and the file that holds it. */
export declare const COPILOT_SETUP_STEPS: {
    path: string;
    job: string;
};
/** Secrets an agent step needs for itself (its model provider and the job token): not worth a finding. */
export declare const AGENT_OWN_SECRETS: RegExp;
/** Events anyone who can open an issue or a pull request (or comment on one) can raise. */
export declare const UNTRUSTED_TRIGGERS: readonly ["issue_comment", "issues", "pull_request_target", "pull_request_review", "pull_request_review_comment", "discussion", "discussion_comment"];
/** What an MCP server reaches, from its package, command, image or URL. Checked in order. */
export declare const MCP_CAPABILITIES: readonly {
    capability: string;
    severity: Severity;
    words: RegExp;
}[];
/** Command-line switches that take an agent's approvals or sandbox away, as written in scripts and workflows. */
export declare const BYPASS_FLAGS: readonly {
    agent: string;
    re: RegExp;
    keyword: string;
    severity: Severity;
    means: string;
}[];
