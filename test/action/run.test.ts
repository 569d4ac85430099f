import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { COMMENT_MARKER } from "../../action/comment.js";
import { diffAnchor } from "../../src/format/links.js";
import { type DoubleFile, newWorld, serve, type World } from "./github-double.js";
import { pullRequestPayload, runAction } from "./harness.js";

const CONFIG_PATH = ".github/ai-review-gate.yml";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";

/** A policy on the base branch: DROP TABLE in a migration is critical. */
const BASE_CONFIG = `custom_rules:
  - id: no-drop-table
    pattern: "(?i)drop table"
    paths: ["db/**"]
    severity: critical
    category: migration-destructive
    message: "migration drops a table"
`;

const RISKY_FILES: DoubleFile[] = [
  {
    filename: "db/migrations/20261124_drop_users.sql",
    status: "added",
    additions: 2,
    deletions: 0,
    patch: "@@ -0,0 +1,2 @@\n+-- cleanup\n+DROP TABLE users;",
  },
  // GitHub omits the patch of very large diffs: the deletion still counts by path.
  { filename: "infra/prod/main.tf", status: "removed", additions: 0, deletions: 4200 },
  {
    filename: "src/billing.ts",
    status: "modified",
    additions: 1,
    deletions: 1,
    patch:
      "@@ -10,3 +10,3 @@ export function charge() {\n   const amount = total();\n-  return stripe.charge(amount);\n+  return stripe.charge(amount * 2);\n }",
  },
];

const AI_PR = {
  title: "Drop the legacy users table",
  body: "Removes the unused table.\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>",
  user: { login: "Copilot", type: "Bot" },
  headRef: "copilot/drop-legacy-users",
};
const AI_COMMITS = [
  {
    sha: "aaa111",
    message: "Drop legacy users table\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>",
    authorName: "copilot-swe-agent[bot]",
    authorEmail: "198982749+Copilot@users.noreply.github.com",
    authorLogin: "Copilot",
  },
];

function docsFiles(n = 1): DoubleFile[] {
  return Array.from({ length: n }, (_, i) => ({
    filename: `docs/guide-${i}.md`,
    status: "modified",
    additions: 1,
    deletions: 1,
    patch: "@@ -1,2 +1,2 @@\n # Guide\n-Old wording.\n+New wording.",
  }));
}

let world: World;
beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

function setup(partial: Partial<World>): World {
  world = newWorld(partial);
  serve(world);
  return world;
}

const ALL_LABELS = ["ai-authored", "risk:low", "risk:medium", "risk:high", "risk:critical", "ai-agent:copilot"];

describe("AI PR with risky changes", () => {
  test("comment, labels, annotations, summary, SARIF, outputs and fail-on; within the API budget", async () => {
    const w = setup({
      blobs: { [`${BASE}:${CONFIG_PATH}`]: BASE_CONFIG, [`${HEAD}:${CONFIG_PATH}`]: "rules:\n  custom: off\n" },
      commits: AI_COMMITS,
      files: RISKY_FILES,
      repoLabels: ALL_LABELS,
    });
    const res = await runAction({
      eventName: "pull_request",
      payload: pullRequestPayload(AI_PR),
      inputs: { "fail-on": "high", "sarif-file": "out/results.sarif" },
    });

    // Outputs.
    expect(res.outputs["ai-detected"]).toBe("true");
    expect(res.outputs.agents).not.toBe("");
    expect(["high", "critical"]).toContain(res.outputs["risk-level"]);
    expect(Number(res.outputs["risk-score"])).toBeGreaterThanOrEqual(55);
    expect(res.outputs["gate-required"]).toBe("true");
    expect(Number(res.outputs["findings-count"])).toBeGreaterThan(0);
    const report = JSON.parse(readFileSync(res.outputs.report!, "utf8"));
    expect(report.version).toBe(1);
    // The config came from the base commit (the head's copy turns custom rules off).
    expect(report.findings.some((f: { ruleId: string }) => f.ruleId === "custom/no-drop-table")).toBe(true);
    expect(report.notAnalyzed).toEqual([{ file: "infra/prod/main.tf", reason: expect.stringMatching(/too large/) }]);

    // fail-on: one-line reason.
    expect(res.failed).toMatch(/^ai-review-gate: risk level (high|critical) \(score \d+\) reaches fail-on: high/);

    // Sticky comment linking into the PR's "Files changed" view at the line.
    expect(w.comments).toHaveLength(1);
    const comment = w.comments[0]!.body;
    expect(comment.startsWith(COMMENT_MARKER)).toBe(true);
    expect(comment).toContain(
      `https://github.com/Codertocat/Hello-World/pull/2/files#${diffAnchor("db/migrations/20261124_drop_users.sql")}R2`,
    );
    expect(comment).toContain("<details");

    // Labels: ai-authored, one per agent, and the risk level.
    expect(w.prLabels).toContain("ai-authored");
    expect(w.prLabels).toContain(`risk:${res.outputs["risk-level"]}`);
    for (const agent of res.outputs.agents!.split(",")) expect(w.prLabels).toContain(`ai-agent:${agent}`);

    // Inline annotation on the exact line, most severe first.
    const first = res.annotations.find((a) => a.props.includes("db/migrations/20261124_drop_users.sql"));
    expect(first?.kind).toBe("error");
    expect(first?.props).toContain("line=2");
    expect(res.annotations[0]?.kind).toBe("error");

    // Job summary and SARIF.
    expect(res.summary).toContain("AI Review Gate: risk");
    expect(res.summary).toContain("custom/no-drop-table");
    const sarifPath = join(process.env.TMPDIR ?? "/tmp", "x");
    expect(sarifPath).toBeTruthy();
    const sarifFile = res.stdout.find((l) => l.startsWith("SARIF written to "))!.slice("SARIF written to ".length);
    expect(sarifFile.endsWith("out/results.sarif")).toBe(true);
    const sarif = JSON.parse(readFileSync(sarifFile, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.length).toBe(report.findings.length);

    // API budget: 4 + ceil(3 files / 100) = 5.
    expect(w.log).toEqual([
      "POST /graphql",
      "GET /repos/Codertocat/Hello-World/pulls/2/files",
      "POST /repos/Codertocat/Hello-World/issues/2/comments",
      "GET /repos/Codertocat/Hello-World/issues/2/comments",
      "POST /repos/Codertocat/Hello-World/issues/2/labels",
    ]);
    expect(w.log.length).toBeLessThanOrEqual(4 + Math.ceil(RISKY_FILES.length / 100));
    expect(res.stdout.some((l) => l.includes("API requests: 5"))).toBe(true);
  });

  test("labels missing from the repository are created once with color and description", async () => {
    const w = setup({ blobs: { [`${BASE}:${CONFIG_PATH}`]: BASE_CONFIG }, commits: AI_COMMITS, files: RISKY_FILES });
    const res = await runAction({ eventName: "pull_request", payload: pullRequestPayload(AI_PR) });
    expect(res.failed).toBeNull();
    const risk = `risk:${res.outputs["risk-level"]}`;
    expect(w.labelSpecs["ai-authored"]).toMatchObject({ color: "7057ff", description: expect.stringMatching(/AI/) });
    expect(w.labelSpecs[risk]).toMatchObject({ color: expect.stringMatching(/^[0-9a-f]{6}$/) });
    expect(w.labelSpecs[risk]?.description).toMatch(/Risk level/);
    expect(w.prLabels).toEqual(expect.arrayContaining(["ai-authored", risk]));
  });
});

describe("human docs-only PR", () => {
  test("no AI, no gate, no labels; the comment still reports; 4 requests", async () => {
    const w = setup({
      commits: [{ sha: "b1", message: "Fix a typo in the guide", authorLogin: "Codertocat" }],
      files: docsFiles(1),
    });
    const res = await runAction({ eventName: "pull_request", payload: pullRequestPayload({ body: "Typo fix." }) });
    expect(res.failed).toBeNull();
    expect(res.outputs).toMatchObject({ "ai-detected": "false", agents: "", "gate-required": "false" });
    expect(["none", "low"]).toContain(res.outputs["risk-level"]);
    expect(w.prLabels.filter((l) => l.startsWith("ai-"))).toEqual([]);
    expect(w.comments).toHaveLength(1);
    expect(res.annotations.filter((a) => a.kind === "error")).toEqual([]);
    expect(w.log).toHaveLength(4); // graphql, files, create comment, re-list
  });
});

describe("fork PRs and read-only tokens", () => {
  test("fork PR on pull_request: no write is attempted, ONE notice names the permission", async () => {
    const w = setup({
      blobs: { [`${BASE}:${CONFIG_PATH}`]: BASE_CONFIG },
      commits: AI_COMMITS,
      files: RISKY_FILES,
      readOnly: true,
    });
    const res = await runAction({
      eventName: "pull_request",
      payload: pullRequestPayload({ ...AI_PR, forkOwner: "outsider" }),
    });
    expect(res.failed).toBeNull();
    expect(w.log).toEqual(["POST /graphql", "GET /repos/Codertocat/Hello-World/pulls/2/files"]);
    const notices = res.annotations.filter((a) => a.message.includes("pull-requests: write"));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.kind).toBe("notice");
    expect(notices[0]!.message).toMatch(/fork outsider\/Hello-World/);
    expect(res.summary).toContain("skipped");
    expect(res.summary).toContain("AI Review Gate: risk");
    expect(res.outputs["risk-level"]).toBeTruthy();
    expect(res.annotations.some((a) => a.kind === "error" && a.props.includes("db/migrations"))).toBe(true);
  });

  test("a token without write access (403) degrades after the first refusal with one notice", async () => {
    const w = setup({ commits: AI_COMMITS, files: RISKY_FILES, readOnly: true });
    const res = await runAction({ eventName: "pull_request_target", payload: pullRequestPayload(AI_PR) });
    expect(res.failed).toBeNull();
    // The comment write is refused; the label write is then not even tried.
    expect(w.log.filter((l) => !l.startsWith("GET") && l !== "POST /graphql")).toEqual([
      "POST /repos/Codertocat/Hello-World/issues/2/comments",
    ]);
    const notices = res.annotations.filter((a) => a.message.includes("pull-requests: write"));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/Resource not accessible by integration/);
    expect(notices[0]!.message).toMatch(/the pull request comment and the labels/);
    expect(res.outputs["findings-count"]).toBeTruthy();
  });
});

describe("large pull requests", () => {
  test("3,000 files: 30 pages, all analyzed, within 4 + 30 requests", async () => {
    const files = docsFiles(2999);
    files.push(RISKY_FILES[0]!);
    const w = setup({
      blobs: { [`${BASE}:${CONFIG_PATH}`]: BASE_CONFIG },
      commits: AI_COMMITS,
      files,
      repoLabels: ALL_LABELS,
    });
    const res = await runAction({
      eventName: "pull_request",
      payload: pullRequestPayload({ ...AI_PR, changedFiles: 3000 }),
    });
    const report = JSON.parse(readFileSync(res.outputs.report!, "utf8"));
    expect(report.stats.files).toBe(3000);
    expect(report.findings.some((f: { file: string }) => f.file.startsWith("db/migrations/"))).toBe(true);
    expect(w.log.filter((l) => l.endsWith("/pulls/2/files"))).toHaveLength(30);
    expect(w.log.length).toBeLessThanOrEqual(4 + 30);
    // The comment stays under GitHub's limit.
    expect(w.comments[0]!.body.length).toBeLessThan(65_536);
  });

  test("more files than GitHub lists: the rest are reported as not analyzed", async () => {
    const w = setup({ files: docsFiles(3000) });
    const res = await runAction({ eventName: "pull_request", payload: pullRequestPayload({ changedFiles: 3400 }) });
    const report = JSON.parse(readFileSync(res.outputs.report!, "utf8"));
    expect(report.warnings.join("\n")).toMatch(/3400 files; GitHub lists only the first 3000/);
    expect(w.log.filter((l) => l.endsWith("/files"))).toHaveLength(30);
  });
});

describe("re-runs and concurrent runs", () => {
  test("a re-run updates the same comment; unchanged results cost 2 requests", async () => {
    const w = setup({ blobs: { [`${BASE}:${CONFIG_PATH}`]: BASE_CONFIG }, commits: AI_COMMITS, files: RISKY_FILES });
    const payload = pullRequestPayload(AI_PR);
    await runAction({ eventName: "pull_request", payload });
    const firstId = w.comments[0]!.id;
    const labelsAfterFirst = [...w.prLabels];

    w.log = [];
    await runAction({ eventName: "pull_request", payload });
    expect(w.comments.map((c) => c.id)).toEqual([firstId]);
    expect(w.prLabels).toEqual(labelsAfterFirst);
    expect(w.log).toEqual(["POST /graphql", "GET /repos/Codertocat/Hello-World/pulls/2/files"]);

    // A new push removes the risky files: same comment edited in place, stale risk label removed.
    w.log = [];
    w.files = docsFiles(1);
    const res = await runAction({ eventName: "pull_request", payload: pullRequestPayload(AI_PR, "synchronize") });
    expect(w.comments.map((c) => c.id)).toEqual([firstId]);
    expect(w.comments[0]!.body).not.toContain("drop_users");
    const risk = res.outputs["risk-level"];
    expect(w.prLabels.filter((l) => l.startsWith("risk:"))).toEqual(risk === "none" ? [] : [`risk:${risk}`]);
    expect(w.prLabels).toContain("ai-authored");
    expect(w.log).toContain("PATCH /repos/Codertocat/Hello-World/issues/comments/" + firstId);
    expect(w.log.length).toBeLessThanOrEqual(5);
  });

  test("duplicates the Action made are deleted (oldest kept); other users' marker comments are untouched", async () => {
    const w = setup({
      files: docsFiles(1),
      comments: [
        { id: 1, body: "first!", login: "Codertocat", createdAt: "2026-11-24T09:00:00Z" },
        { id: 2, body: `${COMMENT_MARKER}\nold`, login: "github-actions[bot]", createdAt: "2026-11-24T09:01:00Z" },
        { id: 3, body: `${COMMENT_MARKER}\nspoof`, login: "mallory", createdAt: "2026-11-24T09:02:00Z" },
        { id: 4, body: `${COMMENT_MARKER}\ndup`, login: "github-actions[bot]", createdAt: "2026-11-24T09:03:00Z" },
      ],
    });
    await runAction({ eventName: "pull_request", payload: pullRequestPayload() });
    expect(w.comments.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(w.comments[1]!.body).toContain("AI Review Gate");
    expect(w.comments[2]!.body).toContain("spoof");
  });

  test("two runs racing to create: the later one deletes its comment and updates the oldest", async () => {
    const w = setup({ files: docsFiles(1) });
    // Between this run's listing and its create, a concurrent run posts its own sticky comment.
    w.onCreateComment = (world) => {
      world.onCreateComment = undefined;
      world.comments.push({
        id: 900,
        body: `${COMMENT_MARKER}\nfrom the other run`,
        login: world.viewer,
        createdAt: "2026-11-24T09:59:59Z",
      });
    };
    await runAction({ eventName: "pull_request", payload: pullRequestPayload() });
    expect(w.comments.map((c) => c.id)).toEqual([900]);
    expect(w.comments[0]!.body).toContain("AI Review Gate: risk");
  });
});

describe("config", () => {
  test("missing config: defaults, the run succeeds", async () => {
    const w = setup({ files: docsFiles(1) });
    const res = await runAction({ eventName: "pull_request", payload: pullRequestPayload() });
    expect(res.failed).toBeNull();
    expect(res.stdout.some((l) => l.startsWith("Config: defaults"))).toBe(true);
    expect(w.comments).toHaveLength(1);
  });

  test("invalid config: fails with the key path and line in the summary and the comment; files not fetched", async () => {
    const w = setup({
      blobs: { [`${BASE}:${CONFIG_PATH}`]: "gate:\n  threshold: extreme\n" },
      files: RISKY_FILES,
    });
    const res = await runAction({ eventName: "pull_request", payload: pullRequestPayload(AI_PR) });
    expect(res.failed).toMatch(/invalid config \.github\/ai-review-gate\.yml/);
    expect(res.failed).toMatch(/gate\.threshold \(line 2\)/);
    expect(res.summary).toMatch(/gate\.threshold \(line 2\)/);
    expect(w.comments).toHaveLength(1);
    expect(w.comments[0]!.body).toMatch(/invalid configuration[\s\S]*gate\.threshold \(line 2\)/);
    expect(res.annotations.some((a) => a.kind === "error" && a.props.includes("line=2"))).toBe(true);
    expect(w.log.some((l) => l.endsWith("/files"))).toBe(false);
    expect(res.outputs).toEqual({});
  });
});

describe("config extends", () => {
  test("the Action warns that extends is the App's and scans with the repository's file alone", async () => {
    const w = setup({ blobs: { [`${BASE}:${CONFIG_PATH}`]: `extends: .github\n${BASE_CONFIG}` }, files: RISKY_FILES });
    const res = await runAction({ eventName: "pull_request", payload: pullRequestPayload(AI_PR) });
    expect(res.failed).toBeNull();
    expect(w.comments[0]!.body).toContain("extends: .github is applied by the App only");
  });
});

describe("API failures", () => {
  test("a transient 502 is retried and the run succeeds", async () => {
    const w = setup({ files: docsFiles(1), failNext: 1 });
    const res = await runAction({ eventName: "pull_request", payload: pullRequestPayload() });
    expect(res.failed).toBeNull();
    expect(w.log.slice(0, 2)).toEqual(["POST /graphql", "POST /graphql"]);
  });

  test("persistent 502 on reads: retried, then the run fails naming the request", async () => {
    const w = setup({ files: docsFiles(1), failNext: 100 });
    const res = await runAction({ eventName: "pull_request", payload: pullRequestPayload() });
    expect(w.log).toEqual(["POST /graphql", "POST /graphql", "POST /graphql"]);
    expect(res.failed).toMatch(/HTTP 502/);
    expect(res.failed).toMatch(/POST \S*\/graphql\)$/);
  });

  test("persistent 502 on writes: the summary and outputs are still written, then the step fails", async () => {
    const w = setup({ files: docsFiles(1), failWrites: true });
    const res = await runAction({ eventName: "pull_request", payload: pullRequestPayload() });
    expect(w.log.filter((l) => l.startsWith("POST /repos"))).toHaveLength(3);
    expect(res.outputs["risk-level"]).toBeTruthy();
    expect(res.summary).toMatch(/the pull request comment failed: HTTP 502/);
    expect(res.failed).toMatch(/the pull request comment failed: HTTP 502/);
  });
});

describe("events", () => {
  test("an unsupported event ends with a notice and success, no API call", async () => {
    const w = setup({});
    const res = await runAction({ eventName: "push", payload: { ref: "refs/heads/main" } });
    expect(res.failed).toBeNull();
    expect(res.annotations).toEqual([
      expect.objectContaining({ kind: "notice", message: expect.stringMatching(/"push" event is not supported/) }),
    ]);
    expect(w.log).toEqual([]);
  });

  test("workflow_dispatch with pr-number fetches the pull request first", async () => {
    const payload = pullRequestPayload(AI_PR);
    const w = setup({ files: RISKY_FILES, commits: AI_COMMITS, pull: payload.pull_request as Record<string, unknown> });
    const res = await runAction({
      eventName: "workflow_dispatch",
      payload: { inputs: { pr: "2" }, ref: "refs/heads/main" },
      inputs: { "pr-number": "2", comment: "false", labels: "false" },
    });
    expect(res.failed).toBeNull();
    expect(w.log).toEqual([
      "GET /repos/Codertocat/Hello-World/pulls/2",
      "POST /graphql",
      "GET /repos/Codertocat/Hello-World/pulls/2/files",
    ]);
    expect(res.outputs["ai-detected"]).toBe("true");
  });

  test("workflow_dispatch without pr-number fails with a clear message", async () => {
    setup({});
    const res = await runAction({ eventName: "workflow_dispatch", payload: {} });
    expect(res.failed).toMatch(/workflow_dispatch needs the pr-number input/);
  });

  test("invalid inputs fail before any API call", async () => {
    const w = setup({});
    const res = await runAction({
      eventName: "pull_request",
      payload: pullRequestPayload(),
      inputs: { "fail-on": "severe" },
    });
    expect(res.failed).toMatch(/fail-on must be one of none, low, medium, high, critical/);
    expect(w.log).toEqual([]);
    expect(existsSync("/nonexistent")).toBe(false);
  });
});
