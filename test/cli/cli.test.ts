import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { io } from "../support/cli-io.js";
import { addedFile } from "../support/diff.js";

const root = join(import.meta.dirname, "../..");
const example = join(root, "examples/risky-ai-pr.diff");

const CUSTOM_CONFIG =
  'custom_rules:\n  - id: dbg\n    pattern: "debugger"\n    severity: high\n    message: debugger left in\n';

describe("ai-review-gate scan", () => {
  it("prints the JSON contract for a diff file", async () => {
    const t = io();
    expect(await runCli(["scan", "--diff", example, "--format", "json"], t.io)).toBe(0);
    const report = JSON.parse(t.out());
    expect(report.version).toBe(1);
    expect(report.risk).toEqual(expect.objectContaining({ score: expect.any(Number), level: expect.any(String) }));
    expect(report.gate).toEqual(
      expect.objectContaining({ required: expect.any(Boolean), checklist: expect.any(Array) }),
    );
  });

  it("reads the diff from stdin with --diff -", async () => {
    const t = io({ readStdin: () => Buffer.from(addedFile("a.txt", ["hi"])) });
    expect(await runCli(["scan", "--diff", "-", "--format", "json"], t.io)).toBe(0);
    expect(JSON.parse(t.out()).stats).toEqual({ files: 1, additions: 1, deletions: 0 });
  });

  it("exits 1 when --fail-on is reached, 0 below it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "arg-cfg-"));
    writeFileSync(join(dir, "cfg.yml"), CUSTOM_CONFIG);
    const diff = join(dir, "d.diff");
    writeFileSync(diff, addedFile("src/a.js", ["debugger;"]));
    const high = io();
    expect(await runCli(["scan", "--diff", diff, "--config", join(dir, "cfg.yml"), "--fail-on", "high"], high.io)).toBe(
      1,
    );
    expect(high.err()).toMatch(/reaches --fail-on high/);
    const critical = io();
    expect(
      await runCli(["scan", "--diff", diff, "--config", join(dir, "cfg.yml"), "--fail-on", "critical"], critical.io),
    ).toBe(0);
  });

  it("exits 2 on input that is not a diff, saying so", async () => {
    const t = io({ readStdin: () => Buffer.from("just some text\n") });
    expect(await runCli(["scan", "--diff", "-"], t.io)).toBe(2);
    expect(t.err()).toMatch(/not a unified diff/);
  });

  it("exits 2 on usage errors", async () => {
    for (const argv of [
      ["scan", "--format", "xml", "--diff", example],
      ["scan", "--fail-on", "extreme", "--diff", example],
      ["scan", "--bogus"],
      ["scan", "--diff", "/nonexistent/file.diff"],
      ["frobnicate"],
      [],
    ]) {
      const t = io();
      expect(await runCli(argv, t.io), argv.join(" ")).toBe(2);
    }
  });

  it("exits 2 with the key path on an invalid config", async () => {
    const dir = mkdtempSync(join(tmpdir(), "arg-cfg-"));
    writeFileSync(join(dir, "bad.yml"), "gate:\n  threshold: extreme\n");
    const t = io();
    expect(await runCli(["scan", "--diff", example, "--config", join(dir, "bad.yml")], t.io)).toBe(2);
    expect(t.err()).toMatch(/gate\.threshold \(line 2\)/);
  });

  it("warns that a config's extends is applied by the App only, and scans with the file alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "arg-cfg-"));
    writeFileSync(join(dir, "cfg.yml"), `extends: acme/.github\n${CUSTOM_CONFIG}`);
    const t = io();
    expect(await runCli(["scan", "--diff", example, "--config", join(dir, "cfg.yml"), "--format", "json"], t.io)).toBe(
      0,
    );
    expect(t.err()).toContain("warning: extends: acme/.github is applied by the App only");
    expect(JSON.parse(t.out()).version).toBe(1);
  });

  it("exits 2 when not in a git repository and no --diff is given", async () => {
    const t = io();
    expect(await runCli(["scan"], t.io)).toBe(2);
    expect(t.err()).toMatch(/not inside a git repository/);
  });

  it("reads --pr JSON in the corpus shape and rejects invalid JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "arg-pr-"));
    writeFileSync(join(dir, "pr.json"), JSON.stringify({ title: "x", commits: [{ message: "m" }], extra: 1 }));
    expect(await runCli(["scan", "--diff", example, "--pr", join(dir, "pr.json")], io().io)).toBe(0);
    writeFileSync(join(dir, "bad.json"), "{nope");
    const t = io();
    expect(await runCli(["scan", "--diff", example, "--pr", join(dir, "bad.json")], t.io)).toBe(2);
    expect(t.err()).toMatch(/not valid JSON/);
  });

  it("writes markdown, SARIF and text; colors only on a TTY", async () => {
    const md = io();
    await runCli(["scan", "--diff", example, "--format", "markdown"], md.io);
    expect(md.out()).toMatch(/^## .* AI Review Gate: risk/m);
    const sarif = io();
    await runCli(["scan", "--diff", example, "--format", "sarif"], sarif.io);
    expect(JSON.parse(sarif.out()).version).toBe("2.1.0");
    const plain = io();
    await runCli(["scan", "--diff", example], plain.io);
    expect(plain.out()).not.toMatch(/\x1b\[/);
    const tty = io({ isTTY: true });
    await runCli(["scan", "--diff", example], tty.io);
    expect(tty.out()).toMatch(/\x1b\[/);
    const noColor = io({ isTTY: true, env: { NO_COLOR: "1" } });
    await runCli(["scan", "--diff", example], noColor.io);
    expect(noColor.out()).not.toMatch(/\x1b\[/);
  });

  it("writes to --output", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "arg-out-")), "r.json");
    const t = io();
    expect(await runCli(["scan", "--diff", example, "--format", "json", "--output", out], t.io)).toBe(0);
    expect(t.out()).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).version).toBe(1);
  });

  it("scans the current branch against its merge base in a git repository", async () => {
    const repo = mkdtempSync(join(tmpdir(), "arg-git-"));
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=Dev", "-c", "user.email=dev@example.com", ...args], {
        cwd: repo,
        stdio: "pipe",
      });
    git("init", "-q", "-b", "main");
    writeFileSync(join(repo, "README.md"), "hello\n");
    git("add", ".");
    git("commit", "-qm", "init");
    git("checkout", "-qb", "feature/x");
    writeFileSync(join(repo, "app.js"), "debugger;\n");
    git("add", ".");
    git("commit", "-qm", "Add app\n\nCo-Authored-By: Claude <noreply@anthropic.com>");
    writeFileSync(join(repo, "cfg.yml"), CUSTOM_CONFIG);
    const t = io({ cwd: repo });
    expect(await runCli(["scan", "--format", "json", "--config", join(repo, "cfg.yml")], t.io)).toBe(0);
    const report = JSON.parse(t.out());
    expect(report.stats.files).toBe(1);
    expect(report.findings.map((f: { file: string }) => f.file)).toContain("app.js");
    // Commits of the branch are the PR facts: the agent's co-author trailer is found.
    expect(report.ai).toMatchObject({ detected: true, agents: ["claude-code"] });
  });
});

describe("the shipped bin", () => {
  it("runs from the bundle and prints --version", () => {
    const out = execFileSync(process.execPath, [join(root, "bin/ai-review-gate.js"), "--version"], {
      encoding: "utf8",
    });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
