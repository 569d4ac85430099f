import { describe, expect, it } from "vitest";
import { AGENTS, agentsCatalogue } from "../../src/ai/catalogue.js";
import { detectAi, NO_AI } from "../../src/ai/detect.js";
import { defaultConfig, validateConfig } from "../../src/config/load.js";
import type { CommitFacts, PullRequestFacts } from "../../src/types.js";

const config = defaultConfig();

const human = { author_name: "Mara Okafor", author_email: "mara.okafor@fastmail.com" };

function commit(message: string, who: Partial<CommitFacts> = human): CommitFacts {
  return { message, ...who };
}

function pr(facts: Partial<PullRequestFacts>): PullRequestFacts {
  return {
    author_login: "mokafor",
    author_type: "User",
    head_ref: "feature/billing-export",
    title: "Export invoices as CSV",
    body: "Adds a CSV export to the invoices page.",
    commits: [commit("Export invoices as CSV")],
    labels: [],
    ...facts,
  };
}

function detect(facts: Partial<PullRequestFacts>, cfg = config) {
  return detectAi(pr(facts), cfg);
}

function expectAgent(facts: Partial<PullRequestFacts>, agent: string, confidence = "certain") {
  const r = detect(facts);
  expect(r.detected).toBe(true);
  expect(r.agents[0]).toBe(agent);
  expect(r.confidence).toBe(confidence);
  expect(r.evidence.length).toBeGreaterThan(0);
  return r;
}

function expectHuman(facts: Partial<PullRequestFacts>) {
  const r = detect(facts);
  expect(r.detected, JSON.stringify(r.evidence)).toBe(false);
  expect(r.agents).toEqual([]);
  return r;
}

describe("per-agent signals", () => {
  describe("claude-code", () => {
    it("co-author trailer matched by address whatever the model name", () => {
      for (const name of ["Claude", "Claude Sonnet 4.5", "Claude Opus 4.8 (1M context)", "Claude Haiku 7"]) {
        const r = expectAgent(
          { commits: [commit(`Fix race in job queue\n\nCo-Authored-By: ${name} <noreply@anthropic.com>`)] },
          "claude-code",
        );
        expect(r.evidence[0]).toMatchObject({ signal: "co-author-trailer", where: "commit:#1", weight: "certain" });
      }
    });
    it("footer in the PR body is strong", () => {
      expectAgent(
        { body: "Fixes the race.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)" },
        "claude-code",
        "likely",
      );
    });
    it("Claude-Session trailer, claude[bot] author, agent-platform identity", () => {
      expectAgent(
        { commits: [commit("Tidy\n\nClaude-Session: https://claude.ai/code/session_01AbCdEfGhIjKl")] },
        "claude-code",
      );
      expectAgent(
        {
          commits: [
            commit("Fix", {
              author_name: "claude[bot]",
              author_email: "209825114+claude[bot]@users.noreply.github.com",
            }),
          ],
        },
        "claude-code",
      );
      expectAgent(
        {
          commits: [
            commit("Fix", {
              author_name: "anthropic-code-agent[bot]",
              author_email: "242468646+Claude@users.noreply.github.com",
            }),
          ],
        },
        "claude-code",
      );
    });
    it("claude-code-action branch shape alone is strong; the bare namespace only supporting", () => {
      expectAgent({ head_ref: "claude/issue-42-20260101-0930" }, "claude-code", "likely");
      const r = detect({ head_ref: "claude/tweak-prompt" });
      expect(r.detected).toBe(false);
      expect(r.confidence).toBe("possible");
    });
    it("session link in the body", () => {
      expectAgent({ body: "Summary\n\nhttps://claude.ai/code/session_01XyZaBcDeFgHi" }, "claude-code", "likely");
    });
  });

  it("copilot: coding agent PR, autofix/suggestion co-author, body marker", () => {
    const r = expectAgent(
      {
        author_login: "Copilot",
        author_type: "Bot",
        head_ref: "copilot/fix-1204",
        assignees: ["lena-v"],
        commits: [
          commit("Initial plan", {
            author_name: "copilot-swe-agent[bot]",
            author_email: "198982749+Copilot@users.noreply.github.com",
          }),
          commit("Handle null totals\n\nCo-authored-by: lena-v <4242+lena-v@users.noreply.github.com>", {
            author_name: "copilot-swe-agent[bot]",
            author_email: "198982749+Copilot@users.noreply.github.com",
          }),
        ],
      },
      "copilot",
    );
    expect(r.requesters).toEqual(["lena-v"]);
    expect(r.commitShare).toBe(1);
    expectAgent(
      { commits: [commit("Potential fix\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>")] },
      "copilot",
    );
    expectAgent({ body: "Does the thing.\n\n<!-- START COPILOT CODING AGENT SUFFIX -->\n" }, "copilot", "likely");
  });

  it("codex: trailer, author address, task link, connector bot", () => {
    expectAgent({ commits: [commit("Refactor\n\nCo-authored-by: Codex <noreply@openai.com>")] }, "codex");
    expectAgent({ commits: [commit("Refactor", { author_name: "Codex", author_email: "codex@openai.com" })] }, "codex");
    expectAgent(
      { body: "## Summary\n- x\n\n------\nhttps://chatgpt.com/codex/tasks/task_e_0123456789abcdef0123" },
      "codex",
      "likely",
    );
    expectAgent(
      {
        commits: [
          commit(
            "Apply suggestion\n\nCo-authored-by: chatgpt-codex-connector[bot] <199175422+chatgpt-codex-connector[bot]@users.noreply.github.com>",
          ),
        ],
      },
      "codex",
    );
  });

  it("cursor: agent address, Made-with trailer, footer, background-agent link and branch", () => {
    expectAgent({ commits: [commit("Fix\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>")] }, "cursor");
    expectAgent({ commits: [commit("Fix\n\nMade-with: Cursor")] }, "cursor");
    expectAgent({ body: "Refactor.\n\nMade with [Cursor](https://cursor.com)" }, "cursor", "likely");
    expectAgent({ body: "[Open in Web](https://cursor.com/agents?id=bc-1234abcd-5678)" }, "cursor", "likely");
    expectAgent({ head_ref: "cursor/fix-date-parsing-3f9a" }, "cursor", "likely");
  });

  it("devin: bot identity, session link, timestamped branch, CLI co-author; requester captured", () => {
    const r = expectAgent(
      {
        author_login: "devin-ai-integration[bot]",
        author_type: "Bot",
        head_ref: "devin/1767225600-add-rate-limit",
        body: "Adds a rate limit.\n\nLink to Devin run: https://app.devin.ai/sessions/0123456789abcdef0123456789abcdef\nRequested by: Lena Vogel (@lena-v)",
      },
      "devin",
    );
    expect(r.requesters).toEqual(["lena-v"]);
    expectAgent({ head_ref: "devin/1767225600-add-rate-limit" }, "devin", "likely");
    expectAgent(
      {
        commits: [
          commit("gofmt\n\nCo-Authored-By: Devin <158243242+devin-ai-integration[bot]@users.noreply.github.com>"),
        ],
      },
      "devin",
    );
  });

  it("aider: name suffix, co-author trailer, legacy subject prefix", () => {
    expectAgent(
      { commits: [commit("feat: x", { author_name: "Mara Okafor (aider)", author_email: "mara@fastmail.com" })] },
      "aider",
    );
    expectAgent({ commits: [commit("feat: x\n\nCo-authored-by: aider (openai/gpt-5) <noreply@aider.chat>")] }, "aider");
    expectAgent({ commits: [commit("aider: Added retries to the HTTP client.")] }, "aider", "likely");
  });

  it("jules, amazon-q, gemini, sweep, codegen, coderabbit: app identities", () => {
    const bots: [string, string][] = [
      ["google-labs-jules[bot]", "jules"],
      ["amazon-q-developer[bot]", "amazon-q"],
      ["gemini-code-assist[bot]", "gemini"],
      ["sweep-ai[bot]", "sweep"],
      ["codegen-sh[bot]", "codegen"],
      ["coderabbitai[bot]", "coderabbit"],
      ["factory-droid[bot]", "factory"],
      ["jetbrains-junie[bot]", "junie"],
      ["roomote-v0[bot]", "cline"],
    ];
    for (const [login, agent] of bots) {
      expectAgent({ author_login: login, author_type: "Bot" }, agent);
      expectAgent(
        { commits: [commit(`Apply suggestion\n\nCo-authored-by: ${login} <1234+${login}@users.noreply.github.com>`)] },
        agent,
      );
    }
  });

  it("jules footer and task link", () => {
    expectAgent(
      {
        body: "Done.\n\n---\n*PR created automatically by Jules for task [987654321](https://jules.google.com/task/987654321)*",
      },
      "jules",
      "likely",
    );
  });

  it("amazon-q branch shape", () => {
    expectAgent({ head_ref: "Q-DEV-issue-12-1767225600" }, "amazon-q", "likely");
  });

  it("openhands: agent address and resolver branch", () => {
    expectAgent({ commits: [commit("Fix\n\nCo-authored-by: openhands <openhands@all-hands.dev>")] }, "openhands");
    expectAgent({ author_login: "openhands-agent", head_ref: "openhands-fix-issue-88" }, "openhands");
    expectAgent({ head_ref: "openhands-fix-issue-88" }, "openhands", "likely");
  });

  it("amp: thread trailer (any casing) and co-author address", () => {
    expectAgent({ commits: [commit("Cache\n\namp-thread-id: https://ampcode.com/threads/T-0a1b2c3d-4e5f")] }, "amp");
    expectAgent({ commits: [commit("Cache\n\nCo-authored-by: Amp <amp@ampcode.com>")] }, "amp");
  });

  it("windsurf, cline/roo, junie, kiro, warp, opencode, replit, factory: addresses and trailers", () => {
    const trailers: [string, string][] = [
      ["Co-authored-by: Roo Code <roomote@roocode.com>", "cline"],
      ["Co-authored-by: Junie <junie@jetbrains.com>", "junie"],
      ["Co-Authored-By: Oz <oz-agent@warp.dev>", "warp"],
      ["Co-Authored-By: opencode <noreply@opencode.ai>", "opencode"],
      ["Co-Authored-By: Cascade <noreply@windsurf.com>", "windsurf"],
      ["Replit-Commit-Author: Agent", "replit"],
      ["Co-authored-by: Droid <droid@factory.ai>", "factory"],
    ];
    for (const [line, agent] of trailers) expectAgent({ commits: [commit(`Change\n\n${line}`)] }, agent);
    expectAgent(
      {
        commits: [
          commit("Fix", { author_name: "Kiro Agent", author_email: "244629292+kiro-agent@users.noreply.github.com" }),
        ],
      },
      "kiro",
    );
    expectAgent({ body: "Done\n\n🤖 Generated with [opencode](https://opencode.ai)" }, "opencode", "likely");
  });

  it("junie title and action branch", () => {
    expectAgent({ title: "[Junie]: Retry uploads", head_ref: "junie/issue-9-1234567890" }, "junie", "likely");
  });

  it("opencode in its own trailer form without angle brackets", () => {
    expectAgent(
      { commits: [commit("Fix\n\n🤖 Generated with opencode\n\nCo-Authored-By: opencode noreply@opencode.ai")] },
      "opencode",
    );
  });
});

describe("generic declarations", () => {
  it("Assisted-by and Generated-by count as AI with no named agent unless the value names one", () => {
    const r = detect({ commits: [commit("Fix deadlock\n\nAssisted-by: internal-tool/4c1e")] });
    expect(r).toMatchObject({ detected: true, agents: [], confidence: "possible" });
    expect(r.evidence[0]).toMatchObject({ signal: "ai-declaration", agent: null, weight: "declared" });
    expectAgent({ commits: [commit("Fix\n\nGenerated-by: Claude Code (Opus)")] }, "claude-code", "possible");
    expectAgent({ commits: [commit("Fix\n\nAssisted-by: Gemini:gemini-3-pro")] }, "gemini", "possible");
  });
  it("AI-assisted: true counts, AI-assisted: no does not", () => {
    expect(detect({ commits: [commit("Fix\n\nAI-assisted: true")] }).detected).toBe(true);
    expect(detect({ commits: [commit("Fix\n\nAI-assisted: no")] }).detected).toBe(false);
  });
  it("Agent-Logs-Url (GitHub agent platform) is certain with no named agent", () => {
    const r = detect({ commits: [commit("Fix\n\nAgent-Logs-Url: https://github.com/acme/app/sessions/1b2c")] });
    expect(r).toMatchObject({ detected: true, confidence: "certain", agents: [] });
  });
  it("a co-author with a clearly AI address", () => {
    expect(detect({ commits: [commit("Fix\n\nCo-authored-by: Grok <noreply@x.ai>")] }).detected).toBe(true);
  });
  it("Copilot Autofix for code scanning and code quality findings is Copilot", () => {
    for (const app of ["62310815+github-advanced-security[bot]", "223894421+github-code-quality[bot]"])
      expectAgent(
        {
          commits: [
            commit(
              `Potential fix for pull request finding\n\nCo-authored-by: Copilot Autofix powered by AI <${app}@users.noreply.github.com>`,
            ),
          ],
        },
        "copilot",
      );
  });
  it("Junie run as a GitHub Action and the cubic review bot are known apps", () => {
    expectAgent(
      {
        commits: [
          commit("Add retry", {
            author_name: "junie-github-actions[bot]",
            author_email: "1234+junie-github-actions[bot]@users.noreply.github.com",
          }),
        ],
      },
      "junie",
    );
    expectAgent(
      {
        commits: [
          commit(
            "Apply suggestions\n\nCo-authored-by: cubic-dev-ai[bot] <191113872+cubic-dev-ai[bot]@users.noreply.github.com>",
          ),
        ],
      },
      "cubic",
    );
  });
  it("an uncatalogued GitHub App whose name declares AI is AI evidence; other apps and people are not", () => {
    const coAuthor = (who: string) => detect({ commits: [commit(`Speed up parser\n\nCo-authored-by: ${who}`)] });
    expect(coAuthor("acme-perf-ai[bot] <148906541+acme-perf-ai[bot]@users.noreply.github.com>")).toMatchObject({
      detected: true,
      confidence: "certain",
      agents: [],
    });
    expect(coAuthor("Docs Reviewer powered by AI <1+docs-review[bot]@users.noreply.github.com>").detected).toBe(true);
    expect(
      detect({
        commits: [
          commit("Bump", { author_name: "acme-llm[bot]", author_email: "acme-llm[bot]@users.noreply.github.com" }),
        ],
      }).detected,
    ).toBe(true);
    // Lint-fix, CI and dependency apps are bots but not AI; "agent" alone does not declare AI.
    expect(coAuthor("autofix-ci[bot] <114827586+autofix-ci[bot]@users.noreply.github.com>").detected).toBe(false);
    expect(coAuthor("eon-pulumi-agent[bot] <294618585+eon-pulumi-agent[bot]@users.noreply.github.com>").detected).toBe(
      false,
    );
    expect(coAuthor("renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>").detected).toBe(false);
    // A person who writes about an AI, or is named after one, is not AI.
    expect(coAuthor("Claude Monet <claude.monet@fastmail.com>").detected).toBe(false);
    expect(coAuthor("AI Lab Intern <1234+ai-lab-intern@users.noreply.github.com>").detected).toBe(false);
    expect(detect({ commits: [commit("Compare Claude and Copilot suggestions for the parser")] }).detected).toBe(false);
  });
  it("AI labels declare; config labels too", () => {
    expect(detect({ labels: ["🤖 AI-generated"] })).toMatchObject({ detected: true, confidence: "possible" });
    expectAgent({ labels: ["copilot"] }, "copilot", "possible");
    const cfg = validateConfig({ ai: { labels: ["bot-written"] } });
    expect(detect({ labels: ["bot-written"] }, cfg).detected).toBe(true);
    expect(detect({ labels: ["bot-written"] }).detected).toBe(false);
  });
  it("a ticked AI box in the PR template declares; unticked, negated or policy boxes do not", () => {
    expect(
      detect({ body: "## Checklist\n- [x] Tests added\n- [x] This PR was written with AI assistance" }).detected,
    ).toBe(true);
    expect(detect({ body: "- [X] AI-assisted" }).detected).toBe(true);
    expectAgent(
      { body: "### Was generative AI tooling used to co-author this PR?\n\n- [x] Yes (Cursor)\n" },
      "cursor",
      "possible",
    );
    expectHuman({ body: "- [ ] This PR was written with AI assistance" });
    expectHuman({ body: "- [x] No AI tools were used for this PR" });
    expectHuman({ body: "- [x] I have read the AI contribution policy" });
    expectHuman({ body: "### Did you use generative AI?\n\n- [ ] Yes\n- [x] No" });
  });
  it("two independent weak signals make a likely detection", () => {
    const r = detect({ head_ref: "codex/add-metrics", labels: ["ai-assisted"] });
    expect(r).toMatchObject({ detected: true, confidence: "likely", agents: ["codex"] });
  });
  it("claude-squad auto-commits are AI with no named agent", () => {
    const r = detect({ commits: [commit("[claudesquad] update from 'fix-login' on 02 Jan 26 10:00 CET")] });
    expect(r).toMatchObject({ detected: true, confidence: "likely", agents: [] });
  });
});

describe("config extras", () => {
  const cfg = validateConfig({
    ai: { bots: ["acme-coder[bot]", "ai@acme.dev"], trailers: ["X-Acme-Agent"], branches: ["ai/"] },
  });
  it("extra bots by login or address", () => {
    expect(detectAi(pr({ author_login: "acme-coder[bot]", author_type: "Bot" }), cfg)).toMatchObject({
      detected: true,
      confidence: "certain",
    });
    expect(
      detectAi(pr({ commits: [commit("x", { author_name: "Acme", author_email: "ai@acme.dev" })] }), cfg).detected,
    ).toBe(true);
    expect(
      detectAi(
        pr({ commits: [commit("x\n\nCo-authored-by: acme-coder[bot] <9+acme-coder[bot]@users.noreply.github.com>")] }),
        cfg,
      ).detected,
    ).toBe(true);
  });
  it("extra trailer keys in any casing", () => {
    expect(detectAi(pr({ commits: [commit("x\n\nx-acme-agent : run 12")] }), cfg).confidence).toBe("certain");
  });
  it("extra branch prefixes", () => {
    expect(detectAi(pr({ head_ref: "ai/refactor-billing" }), cfg)).toMatchObject({
      detected: true,
      confidence: "likely",
    });
    expect(detectAi(pr({ head_ref: "main-ai/refactor" }), cfg).detected).toBe(false);
  });
});

describe("text that must not count", () => {
  it("trailers and footers inside fenced code, inline code and quotes", () => {
    expectHuman({
      body: [
        "Document the attribution convention.",
        "",
        "```",
        "Co-Authored-By: Claude <noreply@anthropic.com>",
        "🤖 Generated with [Claude Code](https://claude.ai/code)",
        "```",
        "",
        "Agents should add `Co-authored-by: Cursor <cursoragent@cursor.com>` at the end.",
        "> Made with [Cursor](https://cursor.com)",
        "~~~text",
        "Link to Devin run: https://app.devin.ai/sessions/0123456789abcdef0123456789abcdef",
        "~~~",
      ].join("\n"),
    });
    expectHuman({ commits: [commit("docs: attribution\n\n```\nCo-authored-by: Codex <noreply@openai.com>\n```")] });
  });
  it("casing and whitespace variants of real trailers do count", () => {
    for (const line of [
      "co-authored-by: Claude <noreply@anthropic.com>",
      "Co-Authored-By : Claude <noreply@anthropic.com>",
      "CO-AUTHORED-BY:Claude <NoReply@Anthropic.com>",
      "Co authored by: Claude <noreply@anthropic.com>",
    ]) {
      expect(detect({ commits: [commit(`Fix\n\n${line}`)] }).agents).toEqual(["claude-code"]);
    }
  });
});

describe("hard negatives", () => {
  it("humans named Claude, Devin, Jules, Kiro", () => {
    expectHuman({ commits: [commit("Fix", { author_name: "Claude Monet", author_email: "claude.monet@orange.fr" })] });
    expectHuman({ commits: [commit("Fix", { author_name: "Devin Walsh", author_email: "devin@walsh.io" })] });
    expectHuman({
      author_login: "jules",
      commits: [commit("Fix", { author_name: "Jules Verne", author_email: "jules@verne.fr" })],
    });
    expectHuman({ commits: [commit("Fix\n\nCo-authored-by: Kiro Sato <kiro@sato.jp>")] });
    expectHuman({ commits: [commit("Fix\n\nCo-authored-by: Claude Dupont <claude@dupont.fr>")] });
  });
  it("a personal GitHub account that happens to be named claude (no agent id, not a Bot)", () => {
    expectHuman({
      author_login: "claude",
      commits: [commit("Fix", { author_name: "claude", author_email: "31337+claude@users.noreply.github.com" })],
    });
  });
  it("branches that merely contain an agent word", () => {
    for (const ref of [
      "fix/cursor-blink",
      "feature/claude-summaries",
      "feat/devin-piece",
      "ci/copilot-setup-steps",
      "jules-patch-1",
      "sweep-old-rows",
    ]) {
      expectHuman({ head_ref: ref });
    }
  });
  it("PRs about AI products", () => {
    expectHuman({
      title: "Add support for Claude API",
      body: "Wraps the Anthropic SDK so we can call Claude for summaries.",
    });
    expectHuman({ title: "Fix Copilot integration", body: "The Copilot chat panel crashed on empty files." });
    expectHuman({ title: "Switch to cursor pagination", body: "Clients pass `?cursor=` now." });
    expectHuman({ title: "Bump openai to 5.0 for GPT-5", body: "Generated embeddings were cached wrongly." });
    expectHuman({ title: "Add CLAUDE.md and AGENTS.md", body: "Guidance for Claude Code, Codex and Cursor users." });
    expectHuman({
      body: "[![Open with Devin](https://static.devin.ai/badge.svg)](https://app.devin.ai/review/acme/app/pull/12)",
    });
    expectHuman({ body: "We generated this table with a script.\n\nMade with love in Lisbon" });
  });
  it("dependency, release and CI bots are bots but not agents", () => {
    for (const login of [
      "dependabot[bot]",
      "renovate[bot]",
      "github-actions[bot]",
      "pre-commit-ci[bot]",
      "snyk-bot",
      "mergify[bot]",
    ]) {
      expectHuman({
        author_login: login,
        author_type: "Bot",
        commits: [
          commit(
            `chore(deps): bump x\n\nSigned-off-by: ${login} <support@github.com>\nCo-authored-by: ${login} <1+${login}@users.noreply.github.com>`,
            {
              author_name: login,
              author_email: `1+${login}@users.noreply.github.com`,
            },
          ),
        ],
      });
    }
  });
  it("human co-author trailers, including people at AI companies", () => {
    expectHuman({
      commits: [
        commit("Fix\n\nCo-authored-by: Priya Nair <priya@anthropic.com>\nCo-authored-by: Sam Lee <sam@openai.com>"),
      ],
    });
    expectHuman({
      commits: [commit("Fix\n\nCo-authored-by: Xi Chen <xi@all-hands.dev>\nCo-authored-by: matt <matt@roocode.com>")],
    });
    expectHuman({ commits: [commit("Fix", { author_name: "Paul Gauthier", author_email: "paul@aider.chat" })] });
  });
  it("Assisted-by thanking a person, Generated-by naming a code generator", () => {
    expectHuman({ commits: [commit("Fix\n\nAssisted-by: Jane Doe <jane@example.org>")] });
    expectHuman({ commits: [commit("Regenerate stubs\n\nGenerated-by: protoc-gen-go v1.34")] });
  });
});

describe("result shape", () => {
  it("null PR and empty PR", () => {
    expect(detectAi(null, config)).toEqual(NO_AI);
    expect(detectAi({}, config)).toEqual(NO_AI);
    expect(detectAi({ commits: [] }, config).commitShare).toBeNull();
  });
  it("commitShare is the share of commits carrying a signal; evidence names the commit", () => {
    const r = detect({
      commits: [
        { sha: "a".repeat(40), message: "Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>" },
        { sha: "b".repeat(40), message: "Tweak by hand", ...human },
      ],
    });
    expect(r.commitShare).toBe(0.5);
    expect(r.evidence[0]!.where).toBe(`commit:${"a".repeat(12)}`);
  });
  it("agents ranked by evidence", () => {
    const r = detect({
      head_ref: "cursor/x",
      commits: [
        commit(
          "Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>\nClaude-Session: https://claude.ai/code/session_01abcdefgh",
        ),
      ],
    });
    expect(r.agents).toEqual(["claude-code", "cursor"]);
  });
  it("bad input does not crash", () => {
    const junk = {
      commits: [null, 3, { message: 5 }],
      labels: [null, 7],
      title: 9,
      body: {},
    } as unknown as PullRequestFacts;
    expect(() => detectAi(junk, config)).not.toThrow();
  });
  it("linear on large input", () => {
    const body = "word `code` > x\n".repeat(50_000);
    const commits = Array.from({ length: 2_000 }, (_, i) =>
      commit(`Change ${i}\n\n${"Line of text: value\n".repeat(50)}`),
    );
    const t = performance.now();
    detectAi(pr({ body, commits }), config);
    expect(performance.now() - t).toBeLessThan(1_500);
  });
});

describe("catalogue", () => {
  it("covers the required agents with at least one certain or strong signal each", () => {
    const required = [
      "claude-code",
      "copilot",
      "codex",
      "cursor",
      "devin",
      "aider",
      "jules",
      "amazon-q",
      "gemini",
      "openhands",
      "sweep",
      "factory",
      "amp",
      "windsurf",
      "cline",
      "junie",
      "replit",
      "kiro",
      "warp",
      "opencode",
      "codegen",
      "coderabbit",
    ];
    const rows = agentsCatalogue();
    for (const id of required) {
      const row = rows.find((r) => r.id === id);
      expect(row, id).toBeDefined();
      expect(
        row!.signals.some((s) => s.weight === "certain" || s.weight === "strong"),
        id,
      ).toBe(true);
    }
    expect(new Set(AGENTS.map((a) => a.id)).size).toBe(AGENTS.length);
  });
});

describe("statements and vendor addresses", () => {
  it("a line stating AI generation declares, naming the agent when it does", () => {
    expectAgent(
      { body: "Fixes #3.\n\n_This PR was created by an AI agent (OpenHands) on behalf of the user._" },
      "openhands",
      "possible",
    );
    expect(detect({ body: "🤖 Generated with AI assistance, reviewed by me." })).toMatchObject({
      detected: true,
      agents: [],
    });
    expectHuman({ body: "This change was not generated by AI." });
    expectHuman({ body: "The report is generated by a cron job." });
  });
  it("model-named addresses at large vendors are AI; people there are not", () => {
    expectAgent({ commits: [commit("x\n\nCo-authored-by: Gemini <gemini@google.com>")] }, "gemini");
    expectHuman({ commits: [commit("x\n\nCo-authored-by: Ana Ruiz <anaruiz@google.com>")] });
  });
  it("Copilot coding agent tips in a PR body", () => {
    expectAgent(
      { body: "Adds export.\n\n💬 Share your feedback on Copilot coding agent for the chance to win a gift card!" },
      "copilot",
      "likely",
    );
  });
  it("Replit workspace trailers without an agent author only support", () => {
    expect(detect({ commits: [commit("x\n\nReplit-Commit-Session-Id: 3f2b8c1e")] })).toMatchObject({
      detected: false,
      confidence: "possible",
    });
  });
});

describe("declaration values", () => {
  it("a person thanked in Assisted-by stays human even when named like an agent", () => {
    expectHuman({ commits: [commit("Fix\n\nAssisted-by: Devin Walsh <devin@walsh.io>")] });
    expectAgent({ commits: [commit("Fix\n\nAssisted-by: Cursor <cursoragent@cursor.com>")] }, "cursor", "possible");
  });
  it("code generators in Generated-by are not AI", () => {
    for (const v of ["codegen v1.2", "model-gen 3", "build agent 7", "cascade-cli", "sweep script"]) {
      expectHuman({ commits: [commit(`Regenerate\n\nGenerated-by: ${v}`)] });
    }
  });
  it("HTML-escaped ampersands are not Amp", () => {
    const r = detect({ body: "Generated with AI &amp; reviewed by hand." });
    expect(r.detected).toBe(true);
    expect(r.agents).toEqual([]);
  });
});
