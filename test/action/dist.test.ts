import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { COMMENT_MARKER } from "../../action/comment.js";
import { handle, newWorld, type World } from "./github-double.js";
import { pullRequestPayload } from "./harness.js";

/**
 * The shipped file itself: bundle action/main.ts with the project's build script into a temp dir,
 * then run `node index.js` as the runner would (env only) against a loopback GitHub API double.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
let outdir: string;
let server: Server;
let world: World;

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), "arg-dist-"));
  execFileSync(process.execPath, [join(root, "scripts/build.mjs"), "--outdir", outdir], { cwd: root, stdio: "pipe" });
  // The repository's package.json makes dist/ ESM; the temp dir needs the same.
  writeFileSync(join(outdir, "package.json"), '{"type":"module"}\n');
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
      const [status, body, headers] = handle(world, req.method ?? "GET", url, text ? JSON.parse(text) : undefined);
      res.writeHead(status, { "content-type": "application/json", ...(headers ?? {}) });
      res.end(status === 204 ? undefined : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
}, 120_000);

afterAll(() => {
  server?.close();
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
    world = newWorld({
      commits: [
        {
          sha: "c1",
          message: "Drop legacy table\n\nCo-authored-by: Claude <noreply@anthropic.com>",
          authorLogin: "dev",
        },
      ],
      files: [
        {
          filename: "db/migrations/001_drop.sql",
          status: "added",
          additions: 1,
          deletions: 0,
          patch: "@@ -0,0 +1 @@\n+DROP TABLE users;",
        },
      ],
      repoLabels: ["ai-authored", "risk:low", "risk:medium", "risk:high", "risk:critical"],
    });
    const dir = mkdtempSync(join(tmpdir(), "arg-dist-run-"));
    mkdirSync(join(dir, "temp"));
    const event = join(dir, "event.json");
    writeFileSync(event, JSON.stringify(pullRequestPayload({ headRef: "claude/drop-table" })));
    writeFileSync(join(dir, "output"), "");
    writeFileSync(join(dir, "summary.md"), "");
    const { port } = server.address() as AddressInfo;
    const { code, stdout } = await runBundle({
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: "Codertocat/Hello-World",
      GITHUB_API_URL: `http://127.0.0.1:${port}`,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_OUTPUT: join(dir, "output"),
      GITHUB_STEP_SUMMARY: join(dir, "summary.md"),
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: join(dir, "temp"),
      "INPUT_GITHUB-TOKEN": "ghs_dist",
      "INPUT_SARIF-FILE": "results.sarif",
    });
    expect(code, stdout).toBe(0);
    expect(stdout).not.toMatch(/::error::/);
    const outputs = readFileSync(join(dir, "output"), "utf8");
    expect(outputs).toMatch(/^risk-level<<ghadelimiter_/m);
    expect(outputs).toMatch(/^report<<ghadelimiter_[^\n]+\n[^\n]+report-pr-2\.json$/m);
    expect(readFileSync(join(dir, "summary.md"), "utf8")).toContain("AI Review Gate: risk");
    expect(JSON.parse(readFileSync(join(dir, "results.sarif"), "utf8")).version).toBe("2.1.0");
    expect(world.comments).toHaveLength(1);
    expect(world.comments[0]!.body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(world.log[0]).toBe("POST /graphql");
    expect(stdout).toMatch(/API requests: \d+/);
  }, 60_000);
});
