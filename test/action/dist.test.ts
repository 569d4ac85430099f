import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { COMMENT_MARKER } from "../../action/comment.js";
import { actionRunnerEnv } from "../e2e/support/payloads.js";
import { addRiskyAgentPull, setUpRepo } from "../e2e/support/scenario.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.js";

/**
 * The shipped file itself: bundle action/main.ts with the project's build script into a temp dir,
 * then run `node index.js` as the runner would (env only) against the loopback GitHub fake.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
let outdir: string;
let fake: FakeGitHub;

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), "arg-dist-"));
  execFileSync(process.execPath, [join(root, "scripts/build.mjs"), "--outdir", outdir], { cwd: root, stdio: "pipe" });
  // The repository's package.json makes dist/ ESM; the temp dir needs the same.
  writeFileSync(join(outdir, "package.json"), '{"type":"module"}\n');
  fake = await startFakeGitHub();
  setUpRepo(fake);
  addRiskyAgentPull(fake);
  fake.addToken("ghs_dist", fake.actionsUser);
}, 120_000);

afterAll(async () => {
  fake?.assertClean();
  await fake?.close();
});

function runBundle(env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(outdir, "index.js")], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

describe("dist bundle", () => {
  test("node index.js analyzes a PR end to end over HTTP", async () => {
    const { dir, env } = actionRunnerEnv(fake, 2, "ghs_dist", "arg-dist-run-");
    const { code, stdout } = await runBundle({
      ...env,
      "INPUT_SARIF-FILE": "results.sarif",
    });
    expect(code, stdout).toBe(0);
    expect(stdout).not.toMatch(/::error::/);
    const outputs = readFileSync(join(dir, "output"), "utf8");
    expect(outputs).toMatch(/^risk-level<<ghadelimiter_/m);
    expect(outputs).toMatch(/^report<<ghadelimiter_[^\n]+\n[^\n]+report-pr-2\.json$/m);
    expect(readFileSync(join(dir, "summary.md"), "utf8")).toContain("AI Review Gate: risk");
    expect(JSON.parse(readFileSync(join(dir, "results.sarif"), "utf8")).version).toBe("2.1.0");
    const ours = fake.commentsOn(2).filter((c) => c.user.login === fake.actionsUser.login);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(fake.requests[0]?.route).toBe("POST /graphql");
    expect(stdout).toMatch(/API requests: \d+/);
  }, 60_000);
});
