import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIO } from "../../src/cli/main.js";

/** A CliIO that records stdout and stderr, in a fresh temp folder, not a terminal, with an empty env. */
export function io(overrides: Partial<CliIO> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIO = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readStdin: () => Buffer.from(""),
    cwd: mkdtempSync(join(tmpdir(), "arg-cli-")),
    isTTY: false,
    env: {},
    ...overrides,
  };
  return { io: value, out: () => out.join(""), err: () => err.join("") };
}
