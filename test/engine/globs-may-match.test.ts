import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { AGENT_CONFIG_FORMATS, INSTRUCTION_FILES } from "../../src/agents/catalogue.js";
import { compileGlobs, globsMayMatch } from "../../src/util/paths.js";

// The gate only skips work: it may say "maybe" too often, never "no" for a path the globs match.
const GLOB_SETS = [
  AGENT_CONFIG_FORMATS.flatMap((f) => f.paths),
  INSTRUCTION_FILES,
  ["**/*.test.ts", "docs/**", "*.md", "**/migrations/**/*.sql"],
  ["**/.github/workflows/*.{yml,yaml}", "src/a[1].ts", "infra/?/main.tf"],
];
const SEGMENTS = [
  ".claude",
  "settings.json",
  "settings.local.json",
  "x.code-workspace",
  ".cursor",
  "rules",
  ".roo",
  "rules-code",
  "AGENTS.md",
  "CLAUDE.md",
  ".github",
  "instructions",
  "a.md",
  "docs",
  "migrations",
  "v.sql",
  "x.test.ts",
  "workflows",
  "ci.yml",
  "a[1].ts",
  "src",
  "main.tf",
  "1",
  ".",
  "..",
  "",
];

describe("globsMayMatch", () => {
  it("rejects paths without the globs' required literals, and lets through globs without one", () => {
    expect(globsMayMatch(["**/.claude/settings.json"])("src/index.ts")).toBe(false);
    expect(globsMayMatch(["**/.claude/settings.json"])("a/.claude/settings.json")).toBe(true);
    expect(globsMayMatch(["**/.cursor/rules/**"])("a/.cursor/rules/x.mdc")).toBe(true);
    expect(globsMayMatch(["**/.cursor/rules/**"])("a/rules/x.mdc")).toBe(false);
    expect(globsMayMatch(["**/*.{yml,yaml}"])("src/index.ts")).toBe(true);
    expect(globsMayMatch(["**"])("src/index.ts")).toBe(true);
  });

  test.prop([fc.constantFrom(...GLOB_SETS), fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 5 })], {
    numRuns: 2000,
  })("never rejects a path compileGlobs matches", (globs, segments) => {
    const path = segments.join("/");
    if (compileGlobs(globs)(path)) expect(globsMayMatch(globs)(path)).toBe(true);
  });
});
