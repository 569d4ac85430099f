/**
 * The coding agents the gate recognises, as data. Each entry lists only STABLE identifiers: app and
 * account logins, commit addresses, trailer keys, footers the tools write, session-link hosts, branch
 * shapes the tools create. Display names change with every model release ("Claude Opus 4.8 (1M
 * context)"), so no entry matches on a name alone, except for marks no human writes ("(aider)").
 *
 * Weights: `certain` (identity or trailer only the tool writes), `strong` (footer, session link,
 * tool-generated branch/title shape), `supporting` (branch namespace a human might also choose),
 * `declared` (a human says AI was used: label, ticked box, Assisted-by).
 */

export type SignalWeight = "certain" | "strong" | "supporting" | "declared";

export interface TrailerSignal {
  /** Normalised trailer key: lower-case, words joined by "-" ("co-authored-by"). */
  key: string;
  /** When set, the trailer value must match (e.g. `Made-with: Cursor`). */
  value?: RegExp;
  weight: "certain" | "strong" | "supporting";
}

export interface PatternSignal {
  pattern: RegExp;
  weight: "certain" | "strong" | "supporting";
  /** Short description for the docs. */
  note: string;
}

export interface AgentDefinition {
  id: string;
  name: string;
  /** "agent": writes code on its own or in an editor; "review-bot": its suggestions get committed. */
  kind: "agent" | "review-bot";
  /**
   * GitHub logins (lower-case) of the agent's app or service account. `[bot]` logins are reserved
   * for GitHub Apps; the others are accounts the vendor owns.
   */
  logins: string[];
  /**
   * Logins a human could also hold (e.g. "claude"): they count only with one of these numeric
   * account ids in a noreply address, or as a PR author whose type is Bot.
   */
  guardedLogins?: { login: string; ids: number[] }[];
  /** Exact commit addresses (lower-case) the tool writes as author or co-author. */
  emails: string[];
  /** Marks in an author/committer name that only the tool writes. */
  nameMarks?: PatternSignal[];
  /** Trailer keys only this tool writes. */
  trailers?: TrailerSignal[];
  /** Whole-line footers the tool writes in commit messages or PR bodies (matched on trimmed lines). */
  footers?: PatternSignal[];
  /** Session/task links or machine markers in PR bodies and commit messages. */
  links?: PatternSignal[];
  /** Branch names, anchored at the start. */
  branches?: PatternSignal[];
  /** PR title or commit subject prefixes the tool writes. */
  titles?: PatternSignal[];
  /** Labels that declare this agent (lower-case). */
  labels?: string[];
  /** How a human names the tool in a declaration ("Generated-by: Claude Code"). */
  aliases: RegExp;
}

/** GitHub noreply address: `[<id>+]<login>@users.noreply.github.com`. */
export const GITHUB_NOREPLY = /^(?:(\d{1,12})\+)?([a-z0-9][a-z0-9-]{0,38}(?:\[bot\])?)@users\.noreply\.github\.com$/i;

export const AGENTS: readonly AgentDefinition[] = [
  {
    id: "claude-code",
    name: "Claude Code",
    kind: "agent",
    // claude[bot]: the Claude GitHub App (claude-code-action); anthropic-code-agent[bot]: Claude on
    // GitHub's agent platform, which commits as <242468646+Claude@users.noreply.github.com>.
    logins: ["claude[bot]", "anthropic-code-agent[bot]", "claude-code[bot]"],
    guardedLogins: [{ login: "claude", ids: [242468646, 209825114] }],
    emails: ["noreply@anthropic.com", "claude@anthropic.com"],
    trailers: [{ key: "claude-session", weight: "certain" }],
    footers: [
      {
        pattern: /^(?:🤖\s*)?Generated with \[?Claude Code\]?(?:\([^)\s]{0,100}\))?\.?$/i,
        weight: "strong",
        note: "🤖 Generated with [Claude Code](https://claude.ai/code)",
      },
    ],
    links: [
      { pattern: /claude\.ai\/code\/session_[A-Za-z0-9]{8,}/, weight: "strong", note: "claude.ai/code/session_… link" },
    ],
    branches: [
      {
        pattern: /^claude\/issue-\d+-\d{8}-\d{4}$/,
        weight: "strong",
        note: "claude/issue-<n>-<yyyymmdd>-<hhmm> (claude-code-action)",
      },
      {
        pattern: /^claude\/pr-\d+-\d{8}-\d{4}$/,
        weight: "strong",
        note: "claude/pr-<n>-<yyyymmdd>-<hhmm> (claude-code-action)",
      },
      {
        // Claude Code on the web: a kebab slug plus a random 5-character suffix with an upper-case letter.
        pattern: /^claude\/[a-z0-9]+(?:-[a-z0-9]+){0,15}-(?=[A-Za-z0-9]{5}$)[A-Za-z0-9]*[A-Z][A-Za-z0-9]*$/,
        weight: "strong",
        note: "claude/<slug>-<5 random chars> (Claude Code on the web)",
      },
      { pattern: /^claude\/./, weight: "supporting", note: "claude/ namespace" },
    ],
    labels: ["claude", "claude-code", "claude code"],
    aliases: /\bclaude(?:[ -]code)?\b/i,
  },
  {
    id: "copilot",
    name: "GitHub Copilot",
    kind: "agent",
    // "Copilot" is GitHub's reserved account for the coding agent, Autofix and suggestions;
    // copilot-swe-agent[bot] is the coding agent's app identity.
    // github-advanced-security[bot] / github-code-quality[bot]: Copilot Autofix suggestions for code
    // scanning and code quality findings, committed with "Copilot Autofix powered by AI" as co-author.
    logins: [
      "copilot",
      "copilot-swe-agent[bot]",
      "copilot-pull-request-reviewer[bot]",
      "github-copilot[bot]",
      "github-advanced-security[bot]",
      "github-code-quality[bot]",
    ],
    emails: [],
    links: [
      {
        pattern: /<!--\s*START COPILOT CODING AGENT (?:SUFFIX|TIPS)\s*-->/i,
        weight: "strong",
        note: "<!-- START COPILOT CODING AGENT SUFFIX --> marker",
      },
      {
        pattern: /gh\.io\/copilot-coding-agent/i,
        weight: "strong",
        note: "Copilot coding agent survey/docs link",
      },
    ],
    footers: [
      {
        // The tips the coding agent appends to its PR descriptions.
        pattern:
          /(?:Share your feedback on|You can make|Let) Copilot(?: coding agent)? (?:coding agent|smarter|set things up)/i,
        weight: "strong",
        note: "💬 Share your feedback on Copilot coding agent / 💡 You can make Copilot smarter…",
      },
    ],
    branches: [
      { pattern: /^copilot\/fix-\d+$/, weight: "strong", note: "copilot/fix-<n>" },
      { pattern: /^copilot\/./, weight: "supporting", note: "copilot/ namespace" },
    ],
    labels: ["copilot", "github-copilot", "copilot-generated"],
    aliases: /\b(?:github )?copilot\b/i,
  },
  {
    id: "codex",
    name: "OpenAI Codex",
    kind: "agent",
    logins: ["chatgpt-codex-connector[bot]", "openai-code-agent[bot]", "codex[bot]"],
    emails: ["noreply@openai.com", "codex@openai.com"],
    links: [
      {
        pattern: /chatgpt\.com\/codex\/tasks\/task_[a-z]_[0-9a-f]{8,}/i,
        weight: "strong",
        note: "chatgpt.com/codex/tasks/task_… link",
      },
    ],
    branches: [
      // Codex cloud tasks: codex/<slug>, recent versions add a random hex suffix.
      {
        pattern: /^codex\/[a-z0-9-]{1,120}-(?=[0-9a-f]{6}$)[a-f]*\d[0-9a-f]*$/,
        weight: "strong",
        note: "codex/<slug>-<hex>",
      },
      { pattern: /^codex\/./, weight: "supporting", note: "codex/ namespace" },
    ],
    labels: ["codex"],
    aliases: /\b(?:openai |chatgpt )?codex(?: cli)?\b/i,
  },
  {
    id: "cursor",
    name: "Cursor",
    kind: "agent",
    // cursor[bot] is Bugbot; its suggestions and background-agent commits carry cursoragent@cursor.com.
    logins: ["cursor[bot]", "cursor-agent[bot]"],
    emails: ["cursoragent@cursor.com"],
    trailers: [{ key: "made-with", value: /^cursor\b/i, weight: "certain" }],
    footers: [
      {
        pattern: /^(?:🤖\s*)?(?:Made|Generated|Created) with \[?Cursor\]?(?:\([^)\s]{0,100}\))?\.?$/i,
        weight: "strong",
        note: "Made with [Cursor](https://cursor.com)",
      },
    ],
    links: [
      {
        pattern: /cursor\.com\/(?:agents(?:\?|%3F)id=bc-|background-agent(?:\?|%3F)bcId=bc-)[0-9a-f-]{8,}/i,
        weight: "strong",
        note: "cursor.com background-agent link (bc-…)",
      },
    ],
    branches: [
      {
        pattern: /^cursor\/[a-z0-9-]{1,120}-(?=[0-9a-f]{4}$)[a-f]*\d[0-9a-f]*$/,
        weight: "strong",
        note: "cursor/<slug>-<4 hex> (background agent)",
      },
      { pattern: /^cursor\/./, weight: "supporting", note: "cursor/ namespace" },
    ],
    labels: ["cursor-agent"],
    aliases: /\bcursor(?: agent| ai)?\b/i,
  },
  {
    id: "devin",
    name: "Devin",
    kind: "agent",
    logins: ["devin-ai-integration[bot]"],
    emails: [],
    footers: [
      {
        pattern: /^(?:🤖\s*)?Generated with \[?Devin\]?(?:\([^)\s]{0,100}\))?\.?$/i,
        weight: "strong",
        note: "Generated with [Devin](https://devin.ai)",
      },
    ],
    links: [
      // Only sessions: app.devin.ai/review/… is a review badge humans add to their own PRs.
      { pattern: /app\.devin\.ai\/sessions\/[0-9a-f]{16,}/i, weight: "strong", note: "app.devin.ai/sessions/… link" },
    ],
    branches: [
      { pattern: /^devin\/\d{10}-./, weight: "strong", note: "devin/<unix time>-<slug>" },
      { pattern: /^devin\/./, weight: "supporting", note: "devin/ namespace" },
    ],
    labels: ["devin"],
    aliases: /\bdevin(?: ai)?\b/i,
  },
  {
    id: "aider",
    name: "Aider",
    kind: "agent",
    logins: [],
    emails: ["noreply@aider.chat", "aider@aider.chat"],
    nameMarks: [{ pattern: /\(aider\)\s*$/i, weight: "certain", note: 'author/committer name ends with "(aider)"' }],
    titles: [{ pattern: /^aider: \S/, weight: "strong", note: 'commit subject starts with "aider: "' }],
    labels: ["aider"],
    aliases: /\baider\b/i,
  },
  {
    id: "jules",
    name: "Google Jules",
    kind: "agent",
    logins: ["google-labs-jules[bot]"],
    emails: [],
    footers: [
      {
        pattern: /PR created automatically by Jules\b/i,
        weight: "strong",
        note: "*PR created automatically by Jules for task …*",
      },
    ],
    links: [{ pattern: /jules\.google\.com\/task\/\d{6,}/i, weight: "strong", note: "jules.google.com/task/… link" }],
    branches: [
      { pattern: /^jules[-/]\d{6,}/, weight: "strong", note: "jules-<task id>" },
      { pattern: /^jules\//, weight: "supporting", note: "jules/ namespace" },
    ],
    labels: ["jules"],
    aliases: /\b(?:google )?jules\b/i,
  },
  {
    id: "amazon-q",
    name: "Amazon Q Developer",
    kind: "agent",
    logins: ["amazon-q-developer[bot]", "amazon-q[bot]"],
    emails: [],
    branches: [{ pattern: /^Q-DEV-issue-\d+-\d+$/, weight: "strong", note: "Q-DEV-issue-<n>-<timestamp>" }],
    labels: ["amazon q development agent", "amazon-q"],
    aliases: /\bamazon q(?: developer)?\b/i,
  },
  {
    id: "gemini",
    name: "Gemini (Code Assist / CLI)",
    kind: "agent",
    // gemini-cli-robot is a release account, not an agent: deliberately absent.
    logins: ["gemini-code-assist[bot]", "gemini-cli[bot]"],
    emails: [],
    footers: [
      {
        pattern: /^(?:🤖\s*)?Generated (?:with|by) \[?Gemini(?: CLI| Code Assist)?\]?(?:\([^)\s]{0,100}\))?\.?$/i,
        weight: "strong",
        note: "Generated with Gemini CLI",
      },
    ],
    aliases: /\bgemini(?: cli| code assist)?\b/i,
  },
  {
    id: "openhands",
    name: "OpenHands",
    kind: "agent",
    logins: ["openhands-agent", "openhands-ai[bot]", "openhands[bot]"],
    emails: ["openhands@all-hands.dev", "openhands@openhands.dev"],
    footers: [
      {
        pattern: /Automatic fix generated by \[?OpenHands\b/i,
        weight: "strong",
        note: "Automatic fix generated by [OpenHands]",
      },
    ],
    branches: [
      { pattern: /^openhands-fix-(?:issue|pr)-\d+/, weight: "strong", note: "openhands-fix-issue-<n> (resolver)" },
      { pattern: /^openhands[-/]./, weight: "supporting", note: "openhands- / openhands/ namespace" },
    ],
    labels: ["openhands"],
    aliases: /\bopen ?hands\b/i,
  },
  {
    id: "sweep",
    name: "Sweep",
    kind: "agent",
    logins: ["sweep-ai[bot]", "sweep-nightly[bot]"],
    emails: [],
    branches: [{ pattern: /^sweep\/./, weight: "supporting", note: "sweep/ namespace" }],
    titles: [{ pattern: /^Sweep: \S/, weight: "supporting", note: 'PR title "Sweep: …"' }],
    aliases: /\bsweep(?: ai|\.dev)\b/i,
  },
  {
    id: "factory",
    name: "Factory (Droid)",
    kind: "agent",
    logins: ["factory-droid[bot]"],
    emails: ["droid@factory.ai", "noreply@factory.ai"],
    aliases: /\bfactory(?:\.ai| droid)\b|\bdroid\b/i,
  },
  {
    id: "amp",
    name: "Sourcegraph Amp",
    kind: "agent",
    logins: [],
    emails: ["amp@ampcode.com"],
    trailers: [
      { key: "amp-thread-id", weight: "certain" },
      { key: "amp-thread", weight: "certain" },
    ],
    links: [
      { pattern: /ampcode\.com\/threads\/T-[0-9a-f-]{8,}/i, weight: "strong", note: "ampcode.com/threads/T-… link" },
    ],
    aliases: /(?<!&)\b(?:sourcegraph )?amp(?:code)?\b(?!;)/i,
  },
  {
    id: "windsurf",
    name: "Windsurf (Cascade)",
    kind: "agent",
    logins: ["windsurf[bot]", "codeium[bot]"],
    emails: ["noreply@windsurf.com", "cascade@windsurf.com", "noreply@codeium.com"],
    footers: [
      {
        pattern: /^(?:🤖\s*)?(?:Generated|Made) (?:with|by) \[?(?:Windsurf|Cascade)\]?(?:\([^)\s]{0,100}\))?\.?$/i,
        weight: "strong",
        note: "Generated with Windsurf / Cascade",
      },
    ],
    aliases: /\bwindsurf\b|\bcascade (?:agent|ai)\b|\bcodeium\b/i,
  },
  {
    id: "cline",
    name: "Cline / Roo Code",
    kind: "agent",
    // Roo Code is a Cline fork; its cloud agent commits as roomote with roomote@roocode.com.
    logins: ["cline[bot]", "roomote[bot]", "roomote-v0[bot]", "roo-code[bot]"],
    emails: ["roomote@roocode.com", "noreply@cline.bot", "cline@cline.bot"],
    footers: [
      {
        pattern: /^(?:🤖\s*)?(?:Generated|Made) (?:with|by) \[?(?:Cline|Roo Code|Roo)\]?(?:\([^)\s]{0,100}\))?\.?$/i,
        weight: "strong",
        note: "Generated with Cline / Roo Code",
      },
    ],
    labels: ["cline", "roo-code"],
    aliases: /\b(?:cline|roo(?: ?code)?|roomote)\b/i,
  },
  {
    id: "junie",
    name: "JetBrains Junie",
    kind: "agent",
    // junie-github-actions[bot]: Junie run as a GitHub Action (junie-github-action) commits as this app.
    logins: ["jetbrains-junie[bot]", "junie-agent", "junie[bot]", "junie-github-actions[bot]"],
    emails: ["junie@jetbrains.com"],
    footers: [
      { pattern: /^#{1,6}\s*(?:📊\s*)?Junie Summary\b/i, weight: "strong", note: "### 📊 Junie Summary" },
      { pattern: /^Generated automatically by Junie\b/i, weight: "strong", note: "Generated automatically by Junie" },
    ],
    branches: [
      { pattern: /^junie\/issue-\d+-\d+$/, weight: "strong", note: "junie/issue-<n>-<run id> (junie-github-action)" },
      { pattern: /^junie\/./, weight: "supporting", note: "junie/ namespace" },
    ],
    titles: [{ pattern: /^\[Junie\]:\s/, weight: "strong", note: 'PR title "[Junie]: …"' }],
    labels: ["junie"],
    aliases: /\b(?:jetbrains )?junie\b/i,
  },
  {
    id: "replit",
    name: "Replit Agent",
    kind: "agent",
    logins: ["replit-agent[bot]"],
    emails: [],
    trailers: [
      { key: "replit-commit-author", value: /^(?:agent|assistant)\b/i, weight: "certain" },
      // Workspace trailers may also follow a person's commit in Replit: supporting only.
      { key: "replit-commit-session-id", weight: "supporting" },
      { key: "replit-commit-checkpoint-type", weight: "supporting" },
    ],
    aliases: /\breplit(?: agent)?\b/i,
  },
  {
    id: "kiro",
    name: "Kiro",
    kind: "agent",
    logins: ["kiro-agent", "kiro[bot]", "kiro-agent[bot]"],
    emails: ["noreply@kiro.dev"],
    aliases: /\bkiro\b/i,
  },
  {
    id: "warp",
    name: "Warp (Oz agent)",
    kind: "agent",
    logins: ["warp-agent[bot]", "oz-agent[bot]"],
    emails: ["oz-agent@warp.dev", "agent@warp.dev"],
    aliases: /\bwarp(?: agent)?\b|\boz agent\b/i,
  },
  {
    id: "opencode",
    name: "opencode",
    kind: "agent",
    logins: ["opencode-agent[bot]", "opencode[bot]"],
    emails: ["noreply@opencode.ai"],
    footers: [
      {
        pattern: /^(?:🤖\s*)?Generated with \[?opencode\]?(?:\([^)\s]{0,100}\))?\.?$/i,
        weight: "strong",
        note: "🤖 Generated with [opencode](https://opencode.ai)",
      },
    ],
    links: [{ pattern: /opencode\.ai\/s\/[A-Za-z0-9]{6,}/, weight: "strong", note: "opencode.ai/s/… share link" }],
    branches: [
      { pattern: /^opencode\/(?:issue|pr)\d+-\d{6,}/, weight: "strong", note: "opencode/issue<n>-<timestamp>" },
      { pattern: /^opencode\/./, weight: "supporting", note: "opencode/ namespace" },
    ],
    aliases: /\bopen ?code\b/i,
  },
  {
    id: "codegen",
    name: "Codegen",
    kind: "agent",
    logins: ["codegen-sh[bot]", "codegen-bot[bot]"],
    emails: [],
    links: [
      { pattern: /codegen\.(?:com|sh)\/agent\/trace\/\d+/i, weight: "strong", note: "codegen.com/agent/trace/… link" },
    ],
    branches: [{ pattern: /^codegen-bot\/./, weight: "supporting", note: "codegen-bot/ namespace" }],
    aliases: /\bcodegen(?:\.com|\.sh| agent)\b/i,
  },
  // Review bots: committed suggestions carry the bot as co-author.
  {
    id: "coderabbit",
    name: "CodeRabbit",
    kind: "review-bot",
    logins: ["coderabbitai[bot]"],
    emails: [],
    aliases: /\bcode ?rabbit\b/i,
  },
  {
    id: "ellipsis",
    name: "Ellipsis",
    kind: "review-bot",
    logins: ["ellipsis-dev[bot]"],
    emails: [],
    aliases: /\bellipsis\b/i,
  },
  {
    id: "greptile",
    name: "Greptile",
    kind: "review-bot",
    logins: ["greptile-apps[bot]"],
    emails: [],
    aliases: /\bgreptile\b/i,
  },
  {
    id: "sourcery",
    name: "Sourcery",
    kind: "review-bot",
    logins: ["sourcery-ai[bot]"],
    emails: [],
    aliases: /\bsourcery\b/i,
  },
  {
    id: "cubic",
    name: "cubic",
    kind: "review-bot",
    logins: ["cubic-dev-ai[bot]"],
    emails: [],
    aliases: /\bcubic(?:\.dev|[ -]dev[ -]ai)\b/i,
  },
  {
    id: "qodo",
    name: "Qodo Merge",
    kind: "review-bot",
    logins: ["qodo-merge-pro[bot]", "qodo-code-review[bot]", "codiumai-pr-agent-pro[bot]"],
    emails: [],
    aliases: /\b(?:qodo|codium ?ai)\b/i,
  },
];

/**
 * Generic AI markers: they prove AI involvement without naming an agent (an agent is filled in
 * only when the declaration names one).
 */
export const GENERIC = {
  /** Trailer keys that declare AI assistance (normalised). Linux kernel / Fedora / Apache conventions. */
  declarationTrailers: [
    "assisted-by",
    "generated-by",
    "ai-assisted",
    "ai-generated",
    "ai-agent",
    "ai-tool",
    "llm-used",
  ],
  /** GitHub's agent platform links each agent commit to its session log. */
  agentPlatformTrailers: ["agent-logs-url"],
  /** Local parts and domains that make a co-author address clearly an AI's, not a person's. */
  aiAddressLocalParts: ["noreply", "no-reply", "ai", "agent", "bot", "assistant"],
  aiDomains: [
    "anthropic.com",
    "openai.com",
    "mistral.ai",
    "x.ai",
    "deepseek.com",
    "gemini.google.com",
    "moonshot.ai",
    "z.ai",
    "qwen.ai",
    "augmentcode.com",
    "tabnine.com",
    "cognition.ai",
    "githubcopilot.com",
  ],
  /**
   * Large companies whose people also commit: an address there is an AI's only when its local part
   * is a model or assistant name ("gemini@google.com", "copilot@github.com").
   */
  modelNameDomains: ["google.com", "github.com", "alibabacloud.com", "alibaba-inc.com", "microsoft.com", "amazon.com"],
  /** Local parts that are model or assistant names. */
  modelLocalPart:
    /^(?:gemini|qwen(?:-?coder)?|claude|codex|copilot|gpt|chatgpt|grok|kimi|deepseek|mistral|auggie)(?:[-._][a-z0-9]+){0,3}$/,
  /**
   * A line that states AI generation ("🤖 This PR was generated by an AI agent (OpenHands)",
   * "Generated with AI assistance"). Anchored at the line start, so "not generated by AI" never matches.
   */
  aiStatement:
    /^(?:(?:🤖|✨)\s*)?(?:this (?:pr|pull request|commit|change|patch|code)(?: description)? (?:was|is|has been) )?(?:fully |partially |partly |mostly |largely )?(?:generated|written|created|authored|co-authored|opened|drafted) (?:with|by|using) (?:the help of |assistance from )?(?:an? )?(?:AI|LLM|generative AI|AI[- ](?:agent|assistant|coding (?:agent|assistant)|tools?)|coding agent)\b/i,
  /**
   * Words that make a GitHub App (`[bot]` identity) an AI when its login or display name contains one as
   * a word: "cubic-dev-ai[bot]", "Copilot Autofix powered by AI". Not "bot", "agent" or "autofix":
   * dependency, CI and lint-fix apps use those too (autofix-ci[bot], buildkite-agent).
   */
  aiBotWords: ["ai", "genai", "llm", "gpt", "chatgpt", "openai", "anthropic", "claude", "gemini", "copilot", "codex"],
  /** Co-author display names that are AI models, used only together with a noreply-style address. */
  aiNames: /^(?:chatgpt|gpt-?\d|gemini|grok|deepseek|qwen|kimi|mistral|llama|claude|copilot|codex|augment|auggie)\b/i,
  /**
   * Tool-generated commit subjects of agent orchestrators that run several agents
   * (claude-squad auto-commits "[claudesquad] update from '<session>' on <date>").
   */
  orchestratorSubjects: [{ pattern: /^\[claudesquad\] update from '/i, note: "claude-squad auto-commit" }] as {
    pattern: RegExp;
    note: string;
  }[],
  /** Labels that declare AI authorship (lower-case, compared after trimming emoji and spaces). */
  labels: [
    "ai-generated",
    "ai-assisted",
    "ai-authored",
    "ai-written",
    "ai-created",
    "ai-pr",
    "ai-contribution",
    "llm-generated",
    "llm-assisted",
    "agent-generated",
    "agent-authored",
    "generated-by-ai",
    "written-by-ai",
    "ai generated",
    "ai assisted",
    "ai-agent",
    "coding-agent",
    "vibe-coded",
  ],
};

/** Dependency, release and CI bots: bots, but not coding agents. Listed so the docs can say so. */
export const NON_AGENT_BOTS = [
  "dependabot[bot]",
  "renovate[bot]",
  "github-actions[bot]",
  "pre-commit-ci[bot]",
  "snyk-bot",
  "mergify[bot]",
  "release-please[bot]",
  "semantic-release-bot",
  "transifex-integration[bot]",
  "crowdin-bot",
  "weblate",
  "autofix-ci[bot]",
  "imgbot[bot]",
  "allcontributors[bot]",
  "greenkeeper[bot]",
];

export interface AgentSummary {
  id: string;
  name: string;
  kind: AgentDefinition["kind"];
  signals: { weight: SignalWeight; what: string }[];
}

/** The catalogue as plain text rows, for docs and `--help` output. */
export function agentsCatalogue(): AgentSummary[] {
  return AGENTS.map((a) => {
    const signals: AgentSummary["signals"] = [];
    for (const l of a.logins) signals.push({ weight: "certain", what: `login ${l}` });
    for (const g of a.guardedLogins ?? [])
      signals.push({ weight: "certain", what: `login ${g.login} (account id ${g.ids.join("/")} or Bot type)` });
    for (const e of a.emails) signals.push({ weight: "certain", what: `address ${e}` });
    for (const m of a.nameMarks ?? []) signals.push({ weight: m.weight, what: m.note });
    for (const t of a.trailers ?? [])
      signals.push({ weight: t.weight, what: `trailer ${t.key}${t.value ? ` (${t.value.source})` : ""}` });
    for (const f of a.footers ?? []) signals.push({ weight: f.weight, what: `footer ${f.note}` });
    for (const l of a.links ?? []) signals.push({ weight: l.weight, what: l.note });
    for (const b of a.branches ?? []) signals.push({ weight: b.weight, what: `branch ${b.note}` });
    for (const t of a.titles ?? []) signals.push({ weight: t.weight, what: t.note });
    for (const l of a.labels ?? []) signals.push({ weight: "declared", what: `label ${l}` });
    return { id: a.id, name: a.name, kind: a.kind, signals };
  });
}
