import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, describe, expect, test, vi } from "vitest";
import { forgetStartupCheck, handler, startupRefusal } from "../../app/lambda.js";
import { runCli } from "../../src/cli/main.js";
import { protectCommand } from "../../src/cli/protect.js";
import { pullRequestEvent } from "../e2e/support/payloads.js";
import { addRiskyAgentPull, setUpRepo } from "../e2e/support/scenario.js";
import { FakeGitHub } from "../support/fake-github.js";
import { MemoryGitHub } from "../support/memory-github.js";

const privateKey = readFileSync(new URL("../fixtures/app/mock-cert.pem", import.meta.url), "utf8");

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  vi.unstubAllEnvs();
});

describe("lambda handler", () => {
  test("awaits the load on a cold start, verifies the signature, dispatches; a bad signature is 400", async () => {
    const gh = new FakeGitHub();
    gh.url = "http://fake-github.test";
    setUpRepo(gh);
    addRiskyAgentPull(gh);
    const TestOctokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({
      ...o,
      retry: { enabled: false },
      throttle: { ...(o.throttle as object), enabled: false },
    }));
    const factory = () =>
      new Probot({
        appId: gh.appId,
        privateKey,
        secret: "whsec",
        baseUrl: gh.url,
        Octokit: TestOctokit,
        logLevel: "fatal",
        request: { fetch: gh.fetch },
      });
    const body = JSON.stringify(pullRequestEvent(gh, "opened", 2));
    const sig = `sha256=${createHmac("sha256", "whsec").update(body).digest("hex")}`;
    const headers = { "X-GitHub-Delivery": "1", "X-GitHub-Event": "pull_request", "X-Hub-Signature-256": sig };
    const ok = await handler({ headers, body }, factory);
    expect(ok.statusCode).toBe(200);
    expect(gh.runsFor(gh.mustPull(2).head.sha)[0]?.conclusion).toBe("action_required");
    // The App identity came from GET /app once (no APP_SLUG in the environment).
    expect(gh.count("GET /app")).toBe(1);
    const bad = await handler({ headers: { ...headers, "X-Hub-Signature-256": "sha256=00" }, body }, factory);
    expect(bad.statusCode).toBe(400);
    expect((await handler({ headers: {}, body }, factory)).statusCode).toBe(400);
    gh.assertClean();
  });
});

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (s: string) => out.push(s),
      stderr: (s: string) => err.push(s),
      readStdin: () => Buffer.from(""),
      cwd: "/tmp",
      isTTY: false,
      env: { ...env } as NodeJS.ProcessEnv,
    },
  };
}

describe("lambda start-up check", () => {
  test("refuses every event in one log line naming what is missing, never values, without details to the caller", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("APP_ID", "");
    vi.stubEnv("PRIVATE_KEY", "");
    vi.stubEnv("PRIVATE_KEY_PATH", "");
    vi.stubEnv("WEBHOOK_SECRET", "development");
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      forgetStartupCheck();
      const headers = { "x-github-delivery": "1", "x-github-event": "ping", "x-hub-signature-256": "sha256=00" };
      const first = await handler({ headers, body: "{}" });
      const again = await handler({ headers, body: "{}" });
      expect([first.statusCode, again.statusCode]).toEqual([500, 500]);
      expect(first.body).not.toMatch(/APP_ID|secret/i);
      expect(written).toEqual([
        'ai-review-gate: refusing to start in production: APP_ID is not set; no private key: set PRIVATE_KEY or PRIVATE_KEY_PATH; WEBHOOK_SECRET is Probot\'s public default "development": anyone could sign deliveries\n',
      ]);
      // Without NODE_ENV, a function is a deployment: the same refusal.
      forgetStartupCheck();
      expect(startupRefusal({}, "/nonexistent")).toMatch(/^refusing to start in production: APP_ID is not set/);
    } finally {
      spy.mockRestore();
      forgetStartupCheck();
    }
  });
});

describe("protect", () => {
  const REQUIRED = { context: "AI Review Gate", integration_id: 123 };

  test("creates a ruleset pinning the check to the App id, on the default branch", async () => {
    const gh = new MemoryGitHub();
    gh.defaultBranchName = "trunk";
    const t = io();
    expect(await protectCommand(["--repo", "o/r", "--app-id", "123"], t.io, { port: gh })).toBe(0);
    const [created] = [...gh.rulesetStore.values()];
    expect(created).toMatchObject({
      name: "AI Review Gate",
      enforcement: "active",
      conditions: { ref_name: { include: ["refs/heads/trunk"] } },
      rules: [{ type: "required_status_checks", parameters: { required_status_checks: [REQUIRED] } }],
    });
    // A second run finds it in place and writes nothing.
    const writes = gh.calls.length;
    expect(await protectCommand(["--repo", "o/r", "--app-id", "123"], t.io, { port: gh })).toBe(0);
    expect(gh.since(writes)).toEqual(["defaultBranch", "rulesets", "ruleset"]);
    expect(t.out.join("")).toContain("nothing to do");
  });

  test("replaces a ruleset of that name that does not pin the check", async () => {
    const gh = new MemoryGitHub();
    gh.rulesetStore.set(7, {
      id: 7,
      name: "AI Review Gate",
      enforcement: "active",
      conditions: { ref_name: { include: ["refs/heads/main"] } },
      rules: [
        { type: "required_status_checks", parameters: { required_status_checks: [{ context: "AI Review Gate" }] } },
      ],
    });
    expect(await protectCommand(["--repo", "o/r", "--branch", "main", "--app-id", "123"], io().io, { port: gh })).toBe(
      0,
    );
    expect(gh.rulesetStore.get(7)?.rules?.[0]?.parameters?.required_status_checks).toEqual([REQUIRED]);
  });

  test("--dry-run prints the change and writes nothing", async () => {
    const gh = new MemoryGitHub();
    const t = io({ APP_ID: "123" });
    expect(await protectCommand(["--repo", "o/r", "--branch", "release", "--dry-run"], t.io, { port: gh })).toBe(0);
    expect(gh.calls).toEqual(["rulesets"]);
    expect(t.out.join("")).toContain("would create ruleset");
    expect(t.out.join("")).toContain("refs/heads/release");
  });

  test("falls back to branch protection and replaces an unpinned check of the same name", async () => {
    const gh = new MemoryGitHub();
    gh.rulesetsAvailable = false;
    gh.protections.set("main", {
      required_status_checks: {
        strict: true,
        checks: [{ context: "AI Review Gate" }, { context: "ci", app_id: 15368 }],
      },
    });
    const t = io();
    expect(await protectCommand(["--repo", "o/r", "--branch", "main", "--app-id", "123"], t.io, { port: gh })).toBe(0);
    expect(gh.protections.get("main")?.required_status_checks?.checks).toEqual([
      { context: "ci", app_id: 15368 },
      { context: "AI Review Gate", app_id: 123 },
    ]);
    expect(t.out.join("")).toContain("using the branch protection API");
  });

  test("protects an unprotected branch, and says what to do when protection has no status checks", async () => {
    const gh = new MemoryGitHub();
    gh.rulesetsAvailable = false;
    expect(await protectCommand(["--repo", "o/r", "--branch", "main", "--app-id", "9"], io().io, { port: gh })).toBe(0);
    expect(gh.protections.get("main")?.required_status_checks?.checks).toEqual([
      { context: "AI Review Gate", app_id: 9 },
    ]);
    gh.protections.set("dev", { required_status_checks: null });
    const t = io();
    expect(await protectCommand(["--repo", "o/r", "--branch", "dev", "--app-id", "9"], t.io, { port: gh })).toBe(1);
    expect(t.out.join("")).toContain("has no required status checks");
  });

  test("an API error is one line and exit code 1", async () => {
    const gh = new MemoryGitHub();
    gh.fail("rulesets", 500, 1, "Server Error");
    const t = io();
    expect(await protectCommand(["--repo", "o/r", "--branch", "main", "--app-id", "9"], t.io, { port: gh })).toBe(1);
    expect(t.err.join("")).toMatch(/^ai-review-gate: /);
  });

  test("is wired into the CLI and needs an app id", async () => {
    const t = io({ GITHUB_TOKEN: "x" });
    const { registerCommand } = await import("../../src/cli/main.js");
    registerCommand("protect", protectCommand);
    expect(await runCli(["protect", "--repo", "o/r"], t.io)).toBe(2);
    expect(t.err.join("")).toContain("--app-id");
  });
});
