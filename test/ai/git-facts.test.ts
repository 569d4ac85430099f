import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectAi } from "../../src/ai/detect.js";
import {
  GIT_BRANCH_ARGS,
  GIT_LOG_FORMAT,
  gitLogArgs,
  parseBranch,
  parseGitLog,
  pullRequestFactsFromGit,
} from "../../src/ai/git-facts.js";
import { proseLines } from "../../src/ai/markdown.js";
import { defaultConfig } from "../../src/config/load.js";

const US = "\u001f";
const SHA1 = "8c99977e5d95ef86597b2db615ef196ae0d44df7";
const SHA2 = "7466637c19b20784e9aa45260fddfec06879b1ad";

function record(sha: string, an: string, ae: string, cn: string, ce: string, msg: string): string {
  return [sha, an, ae, cn, ce, msg].join(US);
}

describe("parseGitLog", () => {
  it("parses NUL-separated records with multi-line messages", () => {
    const text =
      record(
        SHA1,
        "Mara Okafor",
        "mara@fastmail.com",
        "Mara Okafor",
        "mara@fastmail.com",
        "feat: one\n\nbody: with colon\n\tand tab\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n",
      ) +
      "\0" +
      record(SHA2, "Mara Okafor", "mara@fastmail.com", "GitHub", "noreply@github.com", "two\n") +
      "\0";
    const commits = parseGitLog(text);
    expect(commits).toHaveLength(2);
    expect(commits[0]).toEqual({
      sha: SHA1,
      message: "feat: one\n\nbody: with colon\n\tand tab\n\nCo-Authored-By: Claude <noreply@anthropic.com>",
      author_name: "Mara Okafor",
      author_email: "mara@fastmail.com",
      committer_name: "Mara Okafor",
      committer_email: "mara@fastmail.com",
    });
    expect(commits[1]).toMatchObject({ sha: SHA2, message: "two", committer_name: "GitHub" });
  });

  it("skips malformed records and empty input without throwing", () => {
    expect(parseGitLog("")).toEqual([]);
    expect(parseGitLog("not git output\0\0")).toEqual([]);
    expect(parseGitLog(`nothex${US}a${US}b${US}c${US}d${US}msg\0`)).toEqual([]);
    expect(parseGitLog(`\n${record(SHA1, "", "", "", "", "empty identity")}\0`)[0]).toMatchObject({
      sha: SHA1,
      author_name: null,
      author_email: null,
    });
  });

  it("exports the exact format and arguments the CLI runs", () => {
    expect(GIT_LOG_FORMAT).toBe("%H%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%B");
    expect(gitLogArgs("origin/main")).toEqual([
      "log",
      "-z",
      "--reverse",
      "--no-color",
      `--format=${GIT_LOG_FORMAT}`,
      "origin/main..HEAD",
    ]);
    expect(GIT_BRANCH_ARGS).toEqual(["rev-parse", "--abbrev-ref", "HEAD"]);
  });
});

describe("parseBranch", () => {
  it("handles names, refs and detached HEAD", () => {
    expect(parseBranch("claude/issue-4-20260101-0101\n")).toBe("claude/issue-4-20260101-0101");
    expect(parseBranch("refs/heads/devin/1767225600-x")).toBe("devin/1767225600-x");
    expect(parseBranch("HEAD\n")).toBeNull();
    expect(parseBranch("")).toBeNull();
    expect(parseBranch(undefined)).toBeNull();
  });
});

describe("pullRequestFactsFromGit + detectAi", () => {
  it("detects from branch and commits", () => {
    const log =
      record(SHA1, "Mara Okafor (aider)", "mara@fastmail.com", "Mara Okafor (aider)", "mara@fastmail.com", "fix: x\n") +
      "\0";
    const facts = pullRequestFactsFromGit({ branch: "feature/x\n", log, base: "main" });
    expect(facts).toMatchObject({ head_ref: "feature/x", base_ref: "main", body: null, labels: [] });
    const r = detectAi(facts, defaultConfig());
    expect(r).toMatchObject({ detected: true, agents: ["aider"], commitShare: 1 });
    expect(r.evidence.map((e) => e.signal)).toEqual(expect.arrayContaining(["agent-author", "agent-committer"]));
  });

  it("round-trips real git output", () => {
    const dir = mkdtempSync(join(tmpdir(), "arg-git-"));
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd: dir,
        encoding: "utf8",
        env: {
          ...process.env,
          GIT_CONFIG_NOSYSTEM: "1",
          HOME: dir,
          GIT_AUTHOR_NAME: "Mara Okafor",
          GIT_AUTHOR_EMAIL: "mara@fastmail.com",
          GIT_COMMITTER_NAME: "Mara Okafor",
          GIT_COMMITTER_EMAIL: "mara@fastmail.com",
        },
      });
    try {
      git("init", "-q", "-b", "main");
      git("commit", "-q", "--allow-empty", "-m", "base");
      git("checkout", "-q", "-b", "codex/add-retry-3fa9c1");
      git(
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "Add retry\n\nExplain: why\n\nCo-authored-by: Codex <noreply@openai.com>",
      );
      git("commit", "-q", "--allow-empty", "-m", "Polish by hand");
      const facts = pullRequestFactsFromGit({ branch: git(...GIT_BRANCH_ARGS), log: git(...gitLogArgs("main")) });
      expect(facts.head_ref).toBe("codex/add-retry-3fa9c1");
      expect(facts.commits!.map((c) => c.message)).toEqual([
        "Add retry\n\nExplain: why\n\nCo-authored-by: Codex <noreply@openai.com>",
        "Polish by hand",
      ]);
      const r = detectAi(facts, defaultConfig());
      expect(r).toMatchObject({ detected: true, confidence: "certain", agents: ["codex"], commitShare: 0.5 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("proseLines", () => {
  it("drops fenced blocks (backticks and tildes, longer closers), quotes and inline code", () => {
    const text = [
      "keep 1",
      "````md",
      "```",
      "inside",
      "```",
      "````",
      "keep `drop` 2",
      "   > quoted",
      "~~~",
      "x",
      "~~~",
      "keep 3",
    ].join("\n");
    expect(proseLines(text)).toEqual(["keep 1", "keep   2", "keep 3"]);
  });
  it("keeps HTML comments (agents put markers there) and long lines whole", () => {
    expect(proseLines("<!-- marker -->")).toEqual(["<!-- marker -->"]);
    expect(proseLines("a".repeat(10_000))[0]!.length).toBe(10_000);
    expect(proseLines(null)).toEqual([]);
  });
});
