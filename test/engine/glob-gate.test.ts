import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { AGENT_CONFIG_FORMATS, INSTRUCTION_FILES } from "../../src/agents/catalogue.js";
import { compileGatedGlobs, literalGate } from "../../src/util/glob-gate.js";
import { compileGlobs } from "../../src/util/paths.js";

// The gate only skips work: behind it, the globs must answer exactly as compileGlobs does.
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

describe("compileGatedGlobs", () => {
  it("rejects paths without the globs' literal pieces, and lets through globs it cannot read", () => {
    expect(literalGate(["**/.claude/settings.json"])("src/index.ts")).toBe(false);
    expect(literalGate(["**/.claude/settings.json"])("a/.claude/settings.json")).toBe(true);
    expect(literalGate(["**/.cursor/rules/**"])("a/.cursor/rules/x.mdc")).toBe(true);
    expect(literalGate(["**/.cursor/rules/**"])("a/rules/x.mdc")).toBe(false);
    expect(literalGate(["**/*.{yml,yaml}"])("src/index.ts")).toBe(true);
    expect(literalGate(["**"])("src/index.ts")).toBe(true);
  });

  test.prop([fc.constantFrom(...GLOB_SETS), fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 5 })], {
    numRuns: 2000,
  })("agrees with compileGlobs on every path", (globs, segments) => {
    const path = segments.join("/");
    expect(compileGatedGlobs(globs)(path)).toBe(compileGlobs(globs)(path));
  });
});
