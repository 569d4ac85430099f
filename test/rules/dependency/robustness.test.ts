import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byRule, runDependencyRules } from "../../support/dependency-rules.js";
import { modifiedFile } from "../../support/diff.js";

const DEPENDENCY_PATHS = [
  "package.json",
  "package-lock.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lock",
  ".npmrc",
  "requirements.txt",
  "pyproject.toml",
  "Pipfile",
  "Pipfile.lock",
  "poetry.lock",
  "uv.lock",
  "setup.py",
  "setup.cfg",
  "go.mod",
  "go.sum",
  "Cargo.toml",
  "Cargo.lock",
  ".cargo/config.toml",
  "Gemfile",
  "Gemfile.lock",
  "x.gemspec",
  "pom.xml",
  "build.gradle",
  "gradle/libs.versions.toml",
  "composer.json",
  "composer.lock",
  "App.csproj",
  "packages.config",
  "nuget.config",
  "main.tf",
  ".terraform.lock.hcl",
];

describe("robustness", () => {
  it("never throws on arbitrary lines in any dependency file", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DEPENDENCY_PATHS),
        fc.array(fc.tuple(fc.constantFrom("+", "-", " "), fc.string({ maxLength: 80 })), { maxLength: 30 }),
        async (path, lines) => {
          const hunk = lines.map(([p, t]) => p + t.replace(/[\r\n]/g, ""));
          const findings = await runDependencyRules(modifiedFile(path, hunk));
          for (const f of findings) {
            expect(f.message.length).toBeGreaterThan(0);
            expect(f.line === null || f.line >= 1).toBe(true);
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it("a go.sum-only change is a low lock-only finding", async () => {
    const diff = modifiedFile("go.sum", [
      "-golang.org/x/net v0.23.0 h1:abc=",
      "-golang.org/x/net v0.23.0/go.mod h1:def=",
      "+golang.org/x/net v0.25.0 h1:ghi=",
      "+golang.org/x/net v0.25.0/go.mod h1:jkl=",
    ]);
    const f = byRule(await runDependencyRules(diff), "lockfile-only");
    expect(f.map((x) => [x.severity, x.message.includes("golang.org/x/net v0.23.0 → v0.25.0")])).toEqual([
      ["low", true],
    ]);
  });

  it("a Renovate pnpm-lock update with its manifest reports only the manifest bump", async () => {
    const diff =
      modifiedFile("package.json", [
        '   "devDependencies": {',
        '-    "vite": "5.2.10",',
        '+    "vite": "5.2.11",',
        "   }",
      ]) +
      modifiedFile("pnpm-lock.yaml", [
        "       vite:",
        "-        specifier: 5.2.10",
        "-        version: 5.2.10(@types/node@20.12.7)",
        "+        specifier: 5.2.11",
        "+        version: 5.2.11(@types/node@20.12.7)",
        " ",
        " packages:",
        "-  vite@5.2.10:",
        "-    resolution: {integrity: sha512-aaa}",
        "+  vite@5.2.11:",
        "+    resolution: {integrity: sha512-bbb}",
      ]);
    const all = await runDependencyRules(diff);
    expect(all.map((f) => f.ruleId)).toEqual(["dependency/version-change"]);
    expect(all[0]!.message).toContain("vite 5.2.10 → 5.2.11");
  });

  it("pip-compile output with hashes and `# via` comments reads as version changes", async () => {
    const diff = modifiedFile("requirements.txt", [
      "-certifi==2024.2.2 \\",
      "-    --hash=sha256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f",
      "+certifi==2024.7.4 \\",
      "+    --hash=sha256:5a1e7645bc0ec61a09e26c36f6106dd4cf40c6db3a1fb6352b0244e7fb057c7b",
      "     # via requests",
    ]);
    const all = await runDependencyRules(diff);
    expect(all.map((f) => [f.ruleId, f.message])).toEqual([
      ["dependency/version-change", "requirements.txt: changes certifi ==2024.2.2 → ==2024.7.4"],
    ]);
  });

  it("4-space indented package.json with the section visible", async () => {
    const diff = modifiedFile("package.json", [
      '    "version": "2.0.0",',
      '    "dependencies": {',
      '+        "undici": "^6.19.2",',
      '        "zod": "^3.23.8"',
      "    }",
    ]);
    const all = await runDependencyRules(diff);
    expect(byRule(all, "new-dependency").map((f) => f.message)).toEqual([
      "package.json: adds dependency undici@^6.19.2",
    ]);
  });
});
