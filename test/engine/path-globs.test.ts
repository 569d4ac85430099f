import { fc, test } from "@fast-check/vitest";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { compileGlobs, requiredLiteral } from "../../src/util/paths.js";

// compileGlobs joins the globs into one RegExp for speed; its answers must be picomatch's own.
const GLOBS = [
  "**/*.test.ts",
  "docs/**",
  "**/.github/workflows/*.{yml,yaml}",
  "src/a[1].ts",
  "!**/vendor/**",
  "*.md",
  "**/migrations/**/*.sql",
  "infra/?/main.tf",
  "./docs/*.md",
  '**/"q r"*.md',
  "**/x.{js,ts}",
  "a+b",
  "foo\\*bar",
  "@(a|b).md",
  "**/[[:alpha:]]1/**",
  "**/*Test.java",
];
const SEGMENTS = [
  "src",
  "docs",
  ".github",
  "workflows",
  "vendor",
  "migrations",
  "a[1].ts",
  "x.test.ts",
  "ci.yml",
  "main.tf",
  "README.md",
  "1",
  "a",
  "v.sql",
  "q r.md",
  "x.js",
  "a+b",
  "foo*bar",
  "b.md",
  "FooTest.java",
  "",
];

describe("compileGlobs", () => {
  it("matches a path equal to a glob even where the glob's RegExp would not (picomatch does)", () => {
    expect(compileGlobs(["src/a[1].ts"])("src/a[1].ts")).toBe(true);
    expect(compileGlobs(["**"])("")).toBe(false);
    expect(compileGlobs([])("anything")).toBe(false);
  });

  it("answers from the required literals first, and only when every glob has one", () => {
    expect(requiredLiteral("**/test/**")).toBe("test");
    expect(requiredLiteral("**/*.test.*")).toBe(".test.");
    expect(requiredLiteral("**/x.{js,ts}")).toBe("x.");
    expect(requiredLiteral("./docs/*.md")).toBe("");
    expect(requiredLiteral("!**/vendor/**")).toBe("");
    expect(compileGlobs(["**/*.md", "**"])("src/a.ts")).toBe(true);
  });

  test.prop([
    fc.subarray(GLOBS, { minLength: 1 }),
    fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 5 }),
  ])("agrees with picomatch on every path", (globs, segments) => {
    const path = segments.join("/");
    expect(compileGlobs(globs)(path)).toBe(picomatch(globs, { dot: true })(path));
  });
});
