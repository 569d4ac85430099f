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
  | "allow"
  /** Entries are blocked. */
  | "deny"
  /** Entries always prompt, whatever else allows them. */
  | "ask";

/** How a list's entries are written. */
export type EntryForm =
  /** Tool rules: `Bash(git diff:*)`, `run_shell_command(git)`, `Shell(ls)`, `WebFetch(domain:x)`, `mcp__server`. */
  | "tool-rule"
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
  loosens: readonly { value: string | boolean; severity: Severity; means: string }[];
  /** Values whose removal (or replacement) loosens the agent: a protection switched off. */
  protects?: readonly { value: string | boolean; severity: Severity; means: string }[];
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

const CLAUDE_DOCS = [
  "https://code.claude.com/docs/en/settings",
  "https://code.claude.com/docs/en/permissions",
  "https://code.claude.com/docs/en/permission-modes",
];
const CLAUDE_LISTS: readonly ListSpec[] = [
  { path: "permissions.allow", effect: "allow", form: "tool-rule" },
  { path: "permissions.deny", effect: "deny", form: "tool-rule" },
  { path: "permissions.ask", effect: "ask", form: "tool-rule" },
];
const CLAUDE_SWITCHES: readonly SwitchSpec[] = [
  {
    path: "permissions.defaultMode",
    loosens: [
      { value: "bypassPermissions", severity: "critical", means: "every tool runs without a prompt" },
      { value: "auto", severity: "medium", means: "a classifier, not a human, approves tool calls" },
      { value: "acceptEdits", severity: "medium", means: "file edits and filesystem commands run without a prompt" },
    ],
  },
  {
    path: "permissions.disableBypassPermissionsMode",
    loosens: [],
    protects: [{ value: "disable", severity: "high", means: "bypass-permissions mode was forbidden" }],
  },
  {
    path: "skipDangerousModePermissionPrompt",
    loosens: [{ value: true, severity: "medium", means: "bypass mode starts without its warning" }],
  },
  {
    path: "enableAllProjectMcpServers",
    loosens: [
      {
        value: true,
        severity: "medium",
        means: "every MCP server in .mcp.json starts without approval, including ones a later change adds",
      },
    ],
  },
  {
    path: "sandbox.enabled",
    loosens: [],
    protects: [{ value: true, severity: "medium", means: "shell commands ran in the sandbox" }],
  },
];

const GEMINI_SWITCHES: readonly SwitchSpec[] = [
  {
    path: "general.defaultApprovalMode",
    loosens: [
      { value: "yolo", severity: "critical", means: "every tool call is approved automatically" },
      { value: "auto_edit", severity: "medium", means: "edit tools run without a prompt" },
    ],
  },
  {
    path: "autoAccept",
    loosens: [{ value: true, severity: "low", means: "tool calls deemed safe run without a prompt" }],
  },
  {
    path: "security.disableYoloMode",
    loosens: [],
    protects: [{ value: true, severity: "medium", means: "YOLO mode was disabled" }],
  },
  {
    path: "security.folderTrust.enabled",
    loosens: [],
    protects: [{ value: true, severity: "medium", means: "untrusted folders were held to the default mode" }],
  },
  {
    path: "tools.sandbox",
    loosens: [],
    protects: [{ value: true, severity: "medium", means: "tools ran in the sandbox" }],
  },
];

const CODEX_SWITCH_PATHS = ["", "profiles.*."];
const CODEX_SWITCHES: readonly SwitchSpec[] = CODEX_SWITCH_PATHS.flatMap((prefix) => [
  {
    path: `${prefix}approval_policy`,
    loosens: [
      { value: "never", severity: "high" as Severity, means: "commands run without ever asking" },
      { value: "on-failure", severity: "medium" as Severity, means: "sandboxed commands run without asking" },
    ],
  },
  {
    path: `${prefix}sandbox_mode`,
    loosens: [
      {
        value: "danger-full-access",
        severity: "critical" as Severity,
        means: "commands run outside any sandbox, with network and the whole disk",
      },
    ],
  },
  {
    path: `${prefix}sandbox_workspace_write.network_access`,
    loosens: [{ value: true, severity: "medium" as Severity, means: "sandboxed commands reach the network" }],
  },
]);

const VSCODE_DOCS = ["https://code.visualstudio.com/docs/agents/approvals"];
const ROO_DOCS = ["https://docs.roocode.com/features/auto-approving-actions"];

/** The agent configuration formats the agent-autonomy rules read. */
export const AGENT_CONFIG_FORMATS: readonly AgentConfigFormat[] = [
  {
    id: "claude-code-settings",
    agent: "claude-code",
    name: "Claude Code settings",
    paths: ["**/.claude/settings.json", "**/.claude/settings.local.json", "**/managed-settings.json"],
    syntax: "json",
    docs: CLAUDE_DOCS,
    lists: CLAUDE_LISTS,
    switches: CLAUDE_SWITCHES,
  },
  {
    id: "mcp-json",
    agent: "claude-code",
    name: "project MCP servers (.mcp.json)",
    paths: ["**/.mcp.json"],
    syntax: "json",
    docs: ["https://code.claude.com/docs/en/mcp"],
    mcpServers: ["mcpServers"],
  },
  {
    id: "codex-config",
    agent: "codex",
    name: "Codex CLI config",
    paths: ["**/.codex/config.toml"],
    syntax: "toml",
    docs: [
      "https://developers.openai.com/codex/config-reference",
      "https://developers.openai.com/codex/agent-approvals-security",
    ],
    switches: CODEX_SWITCHES,
    mcpServers: ["mcp_servers"],
  },
  {
    id: "gemini-settings",
    agent: "gemini",
    name: "Gemini CLI settings",
    paths: ["**/.gemini/settings.json"],
    syntax: "json",
    docs: [
      "https://geminicli.com/docs/reference/configuration",
      "https://github.com/google-gemini/gemini-cli/blob/main/schemas/settings.schema.json",
    ],
    lists: [
      { path: "tools.allowed", effect: "allow", form: "tool-rule" },
      { path: "allowedTools", effect: "allow", form: "tool-rule" },
      { path: "tools.exclude", effect: "deny", form: "tool-rule" },
      { path: "excludeTools", effect: "deny", form: "tool-rule" },
      { path: "tools.confirmationRequired", effect: "ask", form: "tool-rule" },
    ],
    switches: GEMINI_SWITCHES,
    mcpServers: ["mcpServers"],
  },
  {
    id: "cursor-cli",
    agent: "cursor",
    name: "Cursor CLI permissions",
    paths: ["**/.cursor/cli.json"],
    syntax: "json",
    docs: ["https://cursor.com/docs/cli/reference/configuration"],
    lists: [
      { path: "permissions.allow", effect: "allow", form: "tool-rule" },
      { path: "permissions.deny", effect: "deny", form: "tool-rule" },
    ],
  },
  {
    id: "cursor-mcp",
    agent: "cursor",
    name: "Cursor MCP servers",
    paths: ["**/.cursor/mcp.json"],
    syntax: "json",
    docs: ["https://cursor.com/docs/context/mcp"],
    mcpServers: ["mcpServers"],
  },
  {
    id: "vscode-settings",
    agent: "copilot",
    name: "VS Code workspace settings (agent approvals, Roo Code, Kilo Code)",
    paths: ["**/.vscode/settings.json", "**/*.code-workspace"],
    syntax: "json",
    docs: [...VSCODE_DOCS, ...ROO_DOCS],
    lists: [
      { path: "chat.tools.terminal.autoApprove", effect: "allow", form: "command", map: true },
      { path: "chat.tools.edits.autoApprove", effect: "allow", form: "path", map: true },
      { path: "chat.tools.urls.autoApprove", effect: "allow", form: "url", map: true },
      { path: "roo-cline.allowedCommands", effect: "allow", form: "command" },
      { path: "roo-cline.deniedCommands", effect: "deny", form: "command" },
      { path: "kilo-code.allowedCommands", effect: "allow", form: "command" },
      { path: "kilo-code.deniedCommands", effect: "deny", form: "command" },
    ],
    switches: [
      {
        path: "chat.tools.global.autoApprove",
        loosens: [{ value: true, severity: "critical", means: "every agent tool call is approved automatically" }],
      },
      {
        path: "chat.tools.autoApprove",
        loosens: [{ value: true, severity: "critical", means: "every agent tool call is approved automatically" }],
      },
      {
        path: "chat.permissions.default",
        loosens: [
          { value: "autoApprove", severity: "critical", means: "sessions start with every approval bypassed" },
          { value: "autopilot", severity: "critical", means: "sessions start in autopilot, approvals bypassed" },
        ],
      },
      {
        path: "chat.agent.sandbox.enabled",
        loosens: [],
        protects: [{ value: true, severity: "medium", means: "agent commands ran in the sandbox" }],
      },
    ],
  },
  {
    id: "vscode-mcp",
    agent: "copilot",
    name: "VS Code MCP servers",
    paths: ["**/.vscode/mcp.json"],
    syntax: "json",
    docs: ["https://code.visualstudio.com/docs/copilot/customization/mcp-servers"],
    mcpServers: ["servers"],
  },
  {
    id: "roo-mcp",
    agent: "roo-code",
    name: "Roo Code / Kilo Code / Amazon Q MCP servers",
    paths: ["**/.roo/mcp.json", "**/.kilocode/mcp.json", "**/.amazonq/mcp.json"],
    syntax: "json",
    docs: ["https://docs.roocode.com/features/mcp/using-mcp-in-roo"],
    mcpServers: ["mcpServers"],
  },
  {
    id: "opencode",
    agent: "opencode",
    name: "OpenCode config",
    paths: ["**/opencode.json", "**/opencode.jsonc", "**/.opencode/opencode.json"],
    syntax: "json",
    docs: ["https://opencode.ai/docs/permissions", "https://opencode.ai/docs/mcp-servers"],
    switches: [
      {
        path: "permission",
        loosens: [{ value: "allow", severity: "critical", means: "every tool runs without a prompt" }],
      },
      {
        path: "permission.bash",
        loosens: [{ value: "allow", severity: "critical", means: "every shell command runs without a prompt" }],
      },
      {
        path: "permission.bash.*",
        loosens: [{ value: "allow", severity: "low", means: "matching shell commands run without a prompt" }],
      },
      {
        path: "permission.edit",
        loosens: [{ value: "allow", severity: "medium", means: "file edits run without a prompt" }],
      },
      {
        path: "permission.webfetch",
        loosens: [{ value: "allow", severity: "medium", means: "any URL is fetched without a prompt" }],
      },
    ],
    mcpServers: ["mcp"],
  },
  {
    id: "aider-conf",
    agent: "aider",
    name: "Aider config",
    paths: ["**/.aider.conf.yml", "**/.aider.conf.yaml"],
    syntax: "yaml",
    docs: ["https://aider.chat/docs/config/aider_conf.html"],
    switches: [
      {
        path: "yes-always",
        loosens: [{ value: true, severity: "medium", means: "every confirmation is answered yes" }],
      },
      { path: "yes", loosens: [{ value: true, severity: "medium", means: "every confirmation is answered yes" }] },
    ],
  },
];

/** Claude Code slash commands, subagents and skills: their front matter grants tools while they run. */
export const FRONT_MATTER_TOOL_FILES = [
  "**/.claude/commands/**/*.md",
  "**/.claude/agents/**/*.md",
  "**/.claude/skills/**/SKILL.md",
  "**/.agents/skills/**/SKILL.md",
  "**/.github/prompts/*.prompt.md",
  "**/.github/chatmodes/*.chatmode.md",
  "**/.github/agents/*.agent.md",
] as const;

/** Front-matter keys that grant tools without a prompt (Claude Code `allowed-tools`, subagent `tools`). */
export const FRONT_MATTER_TOOL_KEYS = ["allowed-tools", "allowed_tools", "tools"] as const;

/** Files agents read as standing instructions. */
export const INSTRUCTION_FILES = [
  "**/AGENTS.md",
  "**/AGENTS.override.md",
  "**/CLAUDE.md",
  "**/CLAUDE.local.md",
  "**/GEMINI.md",
  "**/.cursorrules",
  "**/.cursor/rules/**",
  "**/.github/copilot-instructions.md",
  "**/.github/instructions/**/*.md",
  "**/.clinerules",
  "**/.clinerules/**",
  "**/.roo/rules*/**",
  "**/.roorules*",
  "**/.windsurfrules",
  "**/.windsurf/rules/**",
  "**/.junie/guidelines.md",
  "**/.goosehints",
  "**/.kiro/steering/**",
  "**/CONVENTIONS.md",
  ...FRONT_MATTER_TOOL_FILES,
] as const;

export type Capability = "all" | "shell" | "web" | "write" | "read" | "mcp" | "other";

/** Tool names, per agent's spelling, and what they can do. Case-insensitive. */
export const TOOL_CAPABILITIES: Record<string, Capability> = {
  "*": "all",
  bash: "shell",
  shell: "shell",
  run_shell_command: "shell",
  shelltool: "shell",
  execute_command: "shell",
  run_in_terminal: "shell",
  terminal: "shell",
  webfetch: "web",
  web_fetch: "web",
  fetch: "web",
  write: "write",
  edit: "write",
  multiedit: "write",
  notebookedit: "write",
  write_file: "write",
  replace: "write",
  read: "read",
  glob: "read",
  grep: "read",
  ls: "read",
  read_file: "read",
  websearch: "read",
  google_web_search: "read",
  todowrite: "read",
  task: "other",
  mcp: "mcp",
};

/** Commands whose first words start any program: allowing them is allowing any command. */
export const LAUNCHERS = [
  "sh",
  "bash",
  "zsh",
  "fish",
  "dash",
  "pwsh",
  "powershell",
  "cmd",
  "python",
  "python3",
  "node",
  "deno",
  "bun",
  "ruby",
  "perl",
  "php",
  "npx",
  "bunx",
  "pnpx",
  "uvx",
  "uv run",
  "poetry run",
  "pipx run",
  "pnpm dlx",
  "pnpm exec",
  "yarn dlx",
  "npm exec",
  "docker",
  "podman",
  "eval",
  "exec",
  "env",
  "sudo",
  "su",
  "xargs",
  "nohup",
  "time",
  "timeout",
  "watch",
  "ssh",
  "bash -c",
] as const;

/** Commands that destroy data, publish, change remote state or reach production systems. */
export const HIGH_RISK_COMMANDS = [
  "rm",
  "rmdir",
  "dd",
  "mkfs",
  "shred",
  "chmod",
  "chown",
  "kill",
  "pkill",
  "killall",
  "git",
  "git push",
  "git reset",
  "git clean",
  "git rebase",
  "git filter-branch",
  "git remote",
  "git config",
  "gh",
  "gh api",
  "gh release",
  "gh repo",
  "gh secret",
  "gh workflow",
  "gh pr merge",
  "curl",
  "wget",
  "nc",
  "scp",
  "rsync",
  "kubectl",
  "helm",
  "terraform",
  "tofu",
  "pulumi",
  "aws",
  "gcloud",
  "gsutil",
  "az",
  "doctl",
  "flyctl",
  "heroku",
  "vercel",
  "netlify",
  "psql",
  "mysql",
  "mongo",
  "mongosh",
  "redis-cli",
  "sqlite3",
  "npm publish",
  "pnpm publish",
  "yarn publish",
  "cargo publish",
  "twine",
  "prisma migrate",
  "prisma db",
] as const;

/** Commands that run what the repository defines (scripts, targets): as wide as what the agent can edit. */
export const REPO_SCRIPT_RUNNERS = [
  "make",
  "npm run",
  "npm",
  "pnpm",
  "pnpm run",
  "yarn",
  "yarn run",
  "bun run",
  "just",
  "task",
  "rake",
  "gradle",
  "./gradlew",
  "mvn",
  "cargo run",
  "go run",
  "tox",
  "nox",
] as const;

/** Read-only commands: allowing them is not worth a finding. */
export const READ_ONLY_COMMANDS = [
  "ls",
  "cat",
  "head",
  "tail",
  "less",
  "grep",
  "rg",
  "ag",
  "wc",
  "tree",
  "pwd",
  "echo",
  "which",
  "file",
  "stat",
  "du",
  "df",
  "jq",
  "yq",
  "sort",
  "uniq",
  "diff",
  "date",
  "git status",
  "git log",
  "git diff",
  "git show",
  "git grep",
  "git blame",
  "git branch",
  "git rev-parse",
  "git merge-base",
  "git ls-files",
  "gh pr view",
  "gh pr list",
  "gh pr diff",
  "gh pr checks",
  "gh issue view",
  "gh issue list",
  "gh run view",
  "gh run list",
  "gh search",
] as const;

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
  switches?: readonly { input: string; value: string; severity: Severity; means: string }[];
}

export const AGENT_ACTIONS: readonly AgentAction[] = [
  {
    uses: "anthropics/claude-code-action",
    agent: "claude-code",
    docs: "https://github.com/anthropics/claude-code-action/blob/main/docs/security.md",
    allowInputs: ["allowed_tools"],
    denyInputs: ["disallowed_tools"],
    argInputs: ["claude_args"],
    settingsInputs: ["settings"],
    settingsFormat: "claude-code-settings",
    driverInputs: ["allowed_non_write_users", "allowed_bots"],
  },
  {
    uses: "anthropics/claude-code-base-action",
    agent: "claude-code",
    docs: "https://github.com/anthropics/claude-code-base-action",
    allowInputs: ["allowed_tools"],
    denyInputs: ["disallowed_tools"],
    argInputs: ["claude_args"],
    settingsInputs: ["settings"],
    settingsFormat: "claude-code-settings",
  },
  {
    uses: "anthropics/claude-code-security-review",
    agent: "claude-code",
    docs: "https://github.com/anthropics/claude-code-security-review",
  },
  {
    uses: "openai/codex-action",
    agent: "codex",
    docs: "https://github.com/openai/codex-action/blob/main/action.yml",
    argInputs: ["codex-args"],
    driverInputs: ["allow-users", "allow-bot-users"],
    switches: [
      {
        input: "sandbox",
        value: "danger-full-access",
        severity: "critical",
        means: "Codex runs without a sandbox, with network and the whole runner",
      },
      {
        input: "safety-strategy",
        value: "unsafe",
        severity: "high",
        means: "Codex keeps sudo and can read the job's secrets from memory",
      },
    ],
  },
  {
    uses: "google-github-actions/run-gemini-cli",
    agent: "gemini",
    docs: "https://github.com/google-github-actions/run-gemini-cli",
    settingsInputs: ["settings"],
    settingsFormat: "gemini-settings",
    argInputs: ["gemini_cli_args"],
  },
  {
    uses: "google-gemini/gemini-cli-action",
    agent: "gemini",
    docs: "https://github.com/google-gemini/gemini-cli-action",
  },
  { uses: "JetBrains/junie-github-action", agent: "junie", docs: "https://github.com/JetBrains/junie-github-action" },
  { uses: "sst/opencode/github", agent: "opencode", docs: "https://opencode.ai/docs/github" },
];

/** The job GitHub's Copilot coding agent runs before it starts, and the file that holds it. */
export const COPILOT_SETUP_STEPS = { path: ".github/workflows/copilot-setup-steps.yml", job: "copilot-setup-steps" };

/** Secrets an agent step needs for itself (its model provider and the job token): not worth a finding. */
export const AGENT_OWN_SECRETS =
  /^(?:ANTHROPIC_API_KEY|CLAUDE_CODE_OAUTH_TOKEN|CLAUDE_API_KEY|OPENAI_API_KEY|AZURE_OPENAI_API_KEY|GEMINI_API_KEY|GOOGLE_API_KEY|GITHUB_TOKEN|APP_PRIVATE_KEY|APP_ID|.*_APP_ID|.*_APP_PRIVATE_KEY)$/i;

/** Events anyone who can open an issue or a pull request (or comment on one) can raise. */
export const UNTRUSTED_TRIGGERS = [
  "issue_comment",
  "issues",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment",
  "discussion",
  "discussion_comment",
] as const;

/** What an MCP server reaches, from its package, command, image or URL. Checked in order. */
export const MCP_CAPABILITIES: readonly { capability: string; severity: Severity; words: RegExp }[] = [
  {
    capability: "an unrestricted shell",
    severity: "critical",
    words:
      /(?:^|[/@_.\s-])(?:shell|terminal|desktop-commander|commands?|exec|bash|ssh|iterm|cli-mcp-server|run-command|command-runner)(?:$|[/@_.\s-])/i,
  },
  {
    capability: "a database",
    severity: "high",
    words:
      /(?:^|[/@_.\s-])(?:postgres(?:ql)?|pg|mysql|mariadb|sqlite|mssql|sqlserver|oracle|mongo(?:db)?|redis|supabase|neon(?:database)?|planetscale|prisma|dbhub|snowflake|bigquery|clickhouse|duckdb|elasticsearch|opensearch|dynamodb|cockroach(?:db)?|firestore|firebase|turso|database|db)(?:$|[/@_.\s:-])/i,
  },
  {
    capability: "cloud or infrastructure",
    severity: "high",
    words:
      /(?:^|[/@_.\s-])(?:aws|awslabs|amazon|gcloud|gcp|google-cloud|cloud-run|azure|cloudflare|kubernetes|k8s|kubectl|helm|terraform|pulumi|vercel|netlify|heroku|flyio|fly|railway|render|digitalocean|docker|stripe|sentry|datadog|grafana)(?:$|[/@_.\s-])/i,
  },
  {
    capability: "the filesystem",
    severity: "medium",
    words: /(?:^|[/@_.\s-])(?:server-filesystem|filesystem|file-system|fs)(?:$|[/@_.\s-])/i,
  },
];

/** Command-line switches that take an agent's approvals or sandbox away, as written in scripts and workflows. */
export const BYPASS_FLAGS: readonly {
  agent: string;
  re: RegExp;
  keyword: string;
  severity: Severity;
  means: string;
}[] = [
  {
    agent: "Claude Code",
    keyword: "--dangerously-skip-permissions",
    re: /--dangerously-skip-permissions\b/,
    severity: "critical",
    means: "every tool runs without a prompt",
  },
  {
    agent: "Claude Code",
    keyword: "--permission-mode",
    re: /--permission-mode[=\s]+["']?bypassPermissions\b/,
    severity: "critical",
    means: "every tool runs without a prompt",
  },
  {
    agent: "Claude Code",
    keyword: "--permission-mode",
    re: /--permission-mode[=\s]+["']?acceptEdits\b/,
    severity: "medium",
    means: "edits and filesystem commands run without a prompt",
  },
  {
    agent: "Codex",
    keyword: "--dangerously-bypass-approvals-and-sandbox",
    re: /--dangerously-bypass-approvals-and-sandbox\b/,
    severity: "critical",
    means: "no approvals and no sandbox",
  },
  {
    agent: "Codex",
    keyword: "danger-full-access",
    re: /danger-full-access\b/,
    severity: "critical",
    means: "commands run outside any sandbox",
  },
  {
    agent: "Codex",
    keyword: "codex",
    re: /\bcodex\b[^\n]*\s--yolo\b/,
    severity: "critical",
    means: "no approvals and no sandbox",
  },
  {
    agent: "Codex",
    keyword: "never",
    re: /--ask-for-approval[=\s]+["']?never\b|\bcodex\b[^\n]*\s-a\s+["']?never\b|approval_policy\s*=\s*\\?["']?never\b/,
    severity: "high",
    means: "commands run without ever asking",
  },
  {
    agent: "Codex",
    keyword: "--full-auto",
    re: /--full-auto\b/,
    severity: "medium",
    means: "sandboxed commands and edits run without asking",
  },
  {
    agent: "Gemini CLI",
    keyword: "yolo",
    re: /--approval-mode[=\s]+["']?yolo\b|\bgemini\b[^\n]*\s(?:--yolo|-y)(?:\s|$|["'])/,
    severity: "critical",
    means: "every tool call is approved automatically",
  },
  {
    agent: "Gemini CLI",
    keyword: "auto_edit",
    re: /--approval-mode[=\s]+["']?auto_edit\b/,
    severity: "medium",
    means: "edit tools run without a prompt",
  },
  {
    agent: "Cursor CLI",
    keyword: "cursor-agent",
    re: /\bcursor-agent\b[^\n]*\s(?:--force|-f|--yolo)(?:\s|$|["'])/,
    severity: "critical",
    means: "every command runs unless explicitly denied",
  },
  {
    agent: "Copilot CLI",
    keyword: "--allow-all",
    re: /--allow-all-tools\b|--allow-all(?:\s|$|["'])|\bcopilot\b[^\n]*\s--yolo\b/,
    severity: "critical",
    means: "every tool runs without a prompt",
  },
  {
    agent: "Copilot CLI",
    keyword: "--allow-tool",
    re: /--allow-tool[=\s]+["']?shell["']?(?:\s|$)/,
    severity: "critical",
    means: "any shell command runs without a prompt",
  },
  {
    agent: "Cline CLI",
    keyword: "cline",
    re: /\bcline\b[^\n]*\s(?:-y|--yolo)(?:\s|$|["'])/,
    severity: "critical",
    means: "every action is approved automatically",
  },
  {
    agent: "OpenCode",
    keyword: "--auto",
    re: /\bopencode\b[^\n]*\s--auto(?:\s|$|["'])/,
    severity: "critical",
    means: "every permission request not explicitly denied is approved",
  },
  {
    agent: "Aider",
    keyword: "--yes",
    re: /--yes-always\b|\baider\b[^\n]*\s--yes(?:\s|$)/,
    severity: "medium",
    means: "every confirmation is answered yes",
  },
];
