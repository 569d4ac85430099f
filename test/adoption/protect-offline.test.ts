import nock from "nock";
import { afterEach, describe, expect, test } from "vitest";
import type { CliIO } from "../../src/cli/main.js";
import { UsageError } from "../../src/cli/main.js";
import { protectCommand } from "../../src/cli/protect.js";
import { MemoryGitHub } from "../support/memory-github.js";

/**
 * `protect --dry-run` before anyone has an admin token: it prints the ruleset a first run would create,
 * with no request at all, and that ruleset is the body the online command sends.
 */

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readStdin: () => Buffer.from(""),
    cwd: "/tmp",
    isTTY: false,
    env: { ...env } as NodeJS.ProcessEnv,
  };
  return { out, err, cli };
}

/** The JSON document that follows "would create ruleset:" in the output. */
const printedRuleset = (out: string[]) => JSON.parse(out.join("").split("would create ruleset:\n")[1]!);

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("protect --dry-run without a token", () => {
  test("prints the ruleset for --branch without any request, and it is what the online run sends", async () => {
    nock.disableNetConnect();
    const offline = io();
    const code = await protectCommand(
      ["--repo", "o/r", "--branch", "release", "--app-id", "77", "--dry-run"],
      offline.cli,
    );
    expect(code).toBe(0);
    expect(offline.err).toEqual([]);
    expect(offline.out.join("")).toMatch(/^no GITHUB_TOKEN: a preview, not compared with o\/r's current rules\n/);

    const port = new MemoryGitHub();
    const online = io({ GITHUB_TOKEN: "t" });
    expect(await protectCommand(["--repo", "o/r", "--branch", "release", "--app-id", "77"], online.cli, { port })).toBe(
      0,
    );
    const [created] = [...port.rulesetStore.values()];
    expect({ ...created, id: undefined }).toEqual({ ...printedRuleset(offline.out), id: undefined });
  });

  test("without --branch it targets the default branch by GitHub's own condition", async () => {
    nock.disableNetConnect();
    const t = io({ APP_ID: "5" });
    expect(await protectCommand(["--repo", "o/r", "--dry-run"], t.cli)).toBe(0);
    const ruleset = printedRuleset(t.out);
    expect(ruleset.conditions.ref_name.include).toEqual(["~DEFAULT_BRANCH"]);
    expect(ruleset.rules[0].parameters.required_status_checks).toEqual([
      { context: "AI Review Gate", integration_id: 5 },
    ]);
    expect(t.out.join("")).toContain("~DEFAULT_BRANCH stands for the default branch");
  });

  test("still needs the App id, and a real run still needs the token", async () => {
    await expect(protectCommand(["--repo", "o/r", "--dry-run"], io().cli)).rejects.toThrow(UsageError);
    await expect(protectCommand(["--repo", "o/r", "--app-id", "5"], io().cli)).rejects.toThrow(/needs a token/);
  });
});
