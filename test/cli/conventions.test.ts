import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { registerCommand, runCli, useColor } from "../../src/cli/main.js";
import { registerProtect } from "../../src/cli/protect.js";
import { io } from "../support/cli-io.js";
import { addedFile } from "../support/diff.js";

/**
 * Issue 12, the CLI findings: unbounded input, output errors and command-line conventions. The in-process
 * tests drive runCli; the limits run the real entry point as a child process, measuring time and peak RSS.
 */

registerProtect();

const root = join(import.meta.dirname, "../..");
const example = join(root, "examples/risky-ai-pr.diff");

/** One line, with the program's name, no stack trace. */
function expectOneLine(stderr: string, pattern: RegExp) {
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr).toMatch(/^ai-review-gate: /);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).toMatch(pattern);
}

/** The CLI from source in a child process; prints its own peak RSS (KiB) on stderr at exit. */
function child(args: string[], input?: "endless") {
  const preload = join(mkdtempSync(join(tmpdir(), "arg-rss-")), "rss.mjs");
  writeFileSync(
    preload,
    'process.on("exit", () => process.stderr.write("\\nmaxrss=" + process.resourceUsage().maxRSS + "\\n"));\n',
  );
  return new Promise<{ code: number | null; stderr: string; seconds: number; rssMiB: number }>((done) => {
    const started = Date.now();
    const p = spawn(
      process.execPath,
      ["--import", "tsx", "--import", preload, join(root, "src/cli/index.ts"), ...args],
      {
        cwd: root,
        stdio: [input ? "pipe" : "ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    p.stderr?.on("data", (d) => {
      stderr += d;
    });
    if (input === "endless" && p.stdin) {
      const chunk = Buffer.alloc(1 << 20, "y\n");
      const pump = () => {
        while (p.stdin!.write(chunk)) {}
      };
      p.stdin.on("drain", pump);
      p.stdin.on("error", () => {});
      pump();
    }
    const timer = setTimeout(() => p.kill("SIGKILL"), 20_000);
    p.on("close", (code) => {
      clearTimeout(timer);
      const rss = /maxrss=(\d+)/.exec(stderr);
      done({
        code,
        stderr: stderr.replace(/\nmaxrss=\d+\n$/, ""),
        seconds: (Date.now() - started) / 1000,
        rssMiB: rss ? Number(rss[1]) / 1024 : Number.NaN,
      });
    });
  });
}

describe("issue 12: bounded input", () => {
  it.each([
    [
      ["scan", "--diff", "/dev/zero"],
      undefined,
      /diff \/dev\/zero: more than 100 MiB, the cap for a diff; raise it with --max-diff-mb N/,
    ],
    [
      ["scan", "--diff", example, "--config", "/dev/zero"],
      undefined,
      /config \/dev\/zero: more than 1 MiB, the cap for a config file/,
    ],
    [["scan", "--diff", "-"], "endless" as const, /diff on stdin: more than 100 MiB.*--max-diff-mb/],
    [["scan", "--diff", example, "--pr", "-"], "endless" as const, /PR facts on stdin: more than 16 MiB/],
  ])("%j (grew to 15 GB) exits 2 within 10 s and under 1.5 GB", async (args, input, message) => {
    const r = await child(args, input);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, message);
    expect(r.seconds).toBeLessThan(10);
    expect(r.rssMiB).toBeLessThan(1536);
  });

  it("a 50 MB config (took 25 s and 2.8 GB) is refused before it is read; --max-diff-mb lowers or raises the diff cap", async () => {
    const dir = mkdtempSync(join(tmpdir(), "arg-cap-"));
    const config = join(dir, "big.yml");
    writeFileSync(config, "");
    truncateSync(config, 50 * 1024 * 1024);
    const t = io();
    const started = Date.now();
    expect(await runCli(["scan", "--diff", example, "--config", config], t.io)).toBe(2);
    expect(Date.now() - started).toBeLessThan(1_000);
    expectOneLine(t.err(), /more than 1 MiB, the cap for a config file/);
    const small = io();
    expect(await runCli(["scan", "--diff", example, "--max-diff-mb", "0.001"], small.io)).toBe(2);
    expectOneLine(small.err(), /more than 1 KiB, the cap for a diff/);
    expect(await runCli(["scan", "--diff", example, "--max-diff-mb", "500"], io().io)).toBe(0);
    const bad = io();
    expect(await runCli(["scan", "--diff", example, "--max-diff-mb", "lots"], bad.io)).toBe(2);
    expectOneLine(bad.err(), /--max-diff-mb must be a positive number/);
  });
});

describe("issue 12: output errors are one line and exit 2, and the output is atomic", () => {
  const dir = mkdtempSync(join(tmpdir(), "arg-outerr-"));
  const diff = join(dir, "in.diff");
  writeFileSync(diff, readFileSync(example));
  mkdirSync(join(dir, "folder"));
  symlinkSync(diff, join(dir, "alias.diff"));

  it.each([
    [
      "into a missing folder (was a stack trace, exit 1)",
      join(dir, "missing/r.txt"),
      /no such file or directory \(ENOENT\)/,
    ],
    ["onto a folder", join(dir, "folder"), /is a directory \(EISDIR\)/],
    ["onto a full device", "/dev/full", /no space left on the device \(ENOSPC\)/],
    ["onto the --diff input (was silently overwritten)", diff, /is the --diff input; refusing to overwrite it/],
    ["onto the --diff input by another name", join(dir, "alias.diff"), /is the --diff input/],
  ])("%s", async (_, output, message) => {
    if (output === "/dev/full" && !existsSync(output)) return;
    const t = io();
    expect(await runCli(["scan", "--diff", diff, "--output", output], t.io)).toBe(2);
    expectOneLine(t.err(), message);
    expect(readFileSync(diff, "utf8")).toBe(readFileSync(example, "utf8"));
  });

  it("replaces an existing report through a temp file beside it, leaving no temp file", async () => {
    const out = join(dir, "report.json");
    writeFileSync(out, "old");
    expect(await runCli(["scan", "--diff", diff, "--format", "json", "--output", out], io().io)).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).version).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("an internal error is one line and exit 2, never exit 1 (which means --fail-on)", async () => {
    registerCommand("explode", async () => {
      throw new TypeError("boom");
    });
    const t = io();
    expect(await runCli(["explode"], t.io)).toBe(2);
    expectOneLine(t.err(), /internal error: boom/);
  });
});

describe("issue 12: command-line conventions", () => {
  it("help asked for goes to stdout with exit 0, for every command (scan --help and protect --help were errors)", async () => {
    for (const argv of [
      ["--help"],
      ["-h"],
      ["help"],
      ["help", "scan"],
      ["scan", "--help"],
      ["scan", "-h"],
      ["protect", "--help"],
    ]) {
      const t = io();
      expect(await runCli(argv, t.io), argv.join(" ")).toBe(0);
      expect(t.out()).toMatch(/^(?:ai-review-gate |Usage: ai-review-gate )/);
      expect(t.err()).toBe("");
    }
    const scan = io();
    await runCli(["scan", "--help"], scan.io);
    expect(scan.out()).toMatch(/--max-diff-mb N/);
  });

  it("usage errors go to stderr with exit 2, suggesting the command or flag meant", async () => {
    for (const [argv, message] of [
      [["scna"], /unknown command "scna"; did you mean "scan"\?/],
      [["scan", "--dif", example], /unknown option --dif for scan; did you mean --diff\?/],
      [["scan", "--fromat", "json"], /did you mean --format\?/],
      [["scan", "--format", "jsno", "--diff", example], /did you mean "json"\?/],
      [["protect", "--rpeo", "o/r"], /unknown option --rpeo for protect; did you mean --repo\?/],
      [["help", "scna"], /did you mean "scan"\?/],
    ] as const) {
      const t = io();
      expect(await runCli([...argv], t.io), argv.join(" ")).toBe(2);
      expect(t.out()).toBe("");
      expectOneLine(t.err(), message);
    }
    const none = io();
    expect(await runCli([], none.io)).toBe(2);
    expect(none.out()).toBe("");
    expect(none.err()).toMatch(/^ai-review-gate .*\n\nUsage:/);
  });

  it("FORCE_COLOR forces color (was ignored), NO_COLOR and --no-color turn it off", async () => {
    expect(useColor({ FORCE_COLOR: "1" }, false, false, true)).toBe(true);
    expect(useColor({ FORCE_COLOR: "" }, false, false, false)).toBe(true);
    expect(useColor({ FORCE_COLOR: "0" }, true, false, false)).toBe(false);
    expect(useColor({ FORCE_COLOR: "false", NO_COLOR: "" }, true, false, false)).toBe(false);
    expect(useColor({ FORCE_COLOR: "3" }, true, true, false)).toBe(false);
    expect(useColor({ NO_COLOR: "1" }, true, false, false)).toBe(false);
    expect(useColor({}, true, false, true)).toBe(false);
    const forced = io({ env: { FORCE_COLOR: "1" } });
    await runCli(["scan", "--diff", example], forced.io);
    expect(forced.out()).toMatch(/\x1b\[1m/);
  });

  it("a non-ASCII path is shown decoded (was git's octal escapes 003_donn\\303\\251es.sql)", async () => {
    const diff = [
      'diff --git "a/db/003_donn\\303\\251es.sql" "b/db/003_donn\\303\\251es.sql"',
      "new file mode 100644",
      "--- /dev/null",
      '+++ "b/db/003_donn\\303\\251es.sql"',
      "@@ -0,0 +1 @@",
      "+DROP TABLE users;",
      "",
    ].join("\n");
    for (const format of ["text", "json", "markdown"]) {
      const t = io({ readStdin: () => Buffer.from(diff) });
      expect(await runCli(["scan", "--diff", "-", "--format", format], t.io)).toBe(0);
      expect(t.out()).toContain("db/003_données.sql");
      expect(t.out()).not.toContain("\\303");
    }
  });

  it("an unknown rule id in the config's rules: is an error with a did-you-mean (was accepted silently)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "arg-rules-"));
    writeFileSync(join(dir, "cfg.yml"), "rules:\n  secrets/provider-tokens: off\n");
    const t = io();
    expect(await runCli(["scan", "--diff", example, "--config", join(dir, "cfg.yml")], t.io)).toBe(2);
    expect(t.err()).toMatch(
      /rules\.secrets\/provider-tokens \(line 2\): unknown rule id .*did you mean "secrets\/provider-token"\?/,
    );
  });

  it("control characters in error messages are escaped (a hostile file name cannot drive the terminal)", async () => {
    const t = io();
    expect(await runCli(["scan", "--diff", "/nonexistent/\x1b]0;owned\x07.diff"], t.io)).toBe(2);
    expectOneLine(t.err(), /\\x1b\]0;owned\\x07/);
  });

  it("a reader that goes away early (| head) ends the CLI quietly", () => {
    const r = spawnSync(
      "sh",
      ["-c", `node ${join(root, "bin/ai-review-gate.js")} scan --diff ${example} | head -c 1`],
      {
        encoding: "utf8",
      },
    );
    expect(r.stderr).toBe("");
  });

  it("error messages that quote the input mask its secrets (JSON.parse quotes the text near the error)", async () => {
    const token = ["ghp_", "Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1IL"].join("");
    for (const json of [`{"title": ${token}}`, `{"title": "${token}" x}`, `{"title": "${token}`]) {
      const t = io({ readStdin: () => Buffer.from(json) });
      expect(await runCli(["scan", "--diff", example, "--pr", "-"], t.io)).toBe(2);
      expectOneLine(t.err(), /not valid JSON/);
      for (let i = 4; i + 8 <= token.length; i++) expect(t.err(), json).not.toContain(token.slice(i, i + 8));
    }
  });

  it("the message for input that is not a diff masks a secret its quoted first line cuts", async () => {
    const token = ["ghp_", "Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1IL"].join("");
    const t = io({ readStdin: () => Buffer.from(`echo these words push it to the cut: ${token}\n`) });
    expect(await runCli(["scan", "--diff", "-"], t.io)).toBe(2);
    expectOneLine(t.err(), /not a unified diff/);
    for (let i = 4; i + 8 <= token.length; i++) expect(t.err()).not.toContain(token.slice(i, i + 8));
  });

  it("a --base that looks like an option is refused, not passed to git", async () => {
    const repo = mkdtempSync(join(tmpdir(), "arg-base-"));
    spawnSync("git", ["init", "-q", repo]);
    const t = io({ cwd: repo });
    expect(await runCli(["scan", "--base=--output=/tmp/x"], t.io)).toBe(2);
    expectOneLine(t.err(), /--base must name a ref, not an option/);
  });

  it("refuses to read the diff and the PR facts both from stdin", async () => {
    const t = io({ readStdin: () => Buffer.from(addedFile("a.sh", ["rm -rf /"])) });
    expect(await runCli(["scan", "--diff", "-", "--pr", "-"], t.io)).toBe(2);
    expectOneLine(t.err(), /--diff and --pr cannot both read stdin/);
  });
});
