import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createClient } from "../../src/github/client.js";
import { fetchPullContext } from "../../src/github/pull-context.js";
import { newWorld, serve } from "../action/github-double.js";

const client = () =>
  createClient({ auth: "t", tuning: { retryAfterBaseValue: 1, throttle: false }, log: { warn: () => {} } });

describe("fetchPullContext (every query is checked against GitHub's GraphQL schema by the test setup)", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const query = (w: ReturnType<typeof newWorld>) => ({
    owner: w.owner,
    repo: w.repo,
    number: w.number,
    baseSha: w.baseSha,
    configPath: "./.github/ai-review-gate.yml",
    labelNames: ["ai-authored", "risk:high"],
    labelPrefixes: ["ai-agent:"],
    commentMarker: "<!-- m -->",
  });

  test("one request: config at the base sha, labels, repository labels, commits and comments", async () => {
    const w = newWorld({
      blobs: { [`f95f852bd8fca8fcc58a9a2d6c842781e32a215e:.github/ai-review-gate.yml`]: "gate:\n  policy: all\n" },
      prLabels: ["bug", "risk:high"],
      repoLabels: ["risk:high", "ai-agent:claude", "not-ai-agent:x"],
      commits: [{ sha: "c1", message: "m", authorLogin: "mona" }],
      comments: [{ id: 7, body: "<!-- m -->", login: "github-actions[bot]", createdAt: "2026-01-01T00:00:00Z" }],
    });
    serve(w);
    const ctx = await fetchPullContext(client(), query(w));
    expect(ctx.configText).toBe("gate:\n  policy: all\n");
    expect(ctx.labels).toEqual(["bug", "risk:high"]);
    expect([...ctx.repoLabels].sort()).toEqual(["ai-agent:claude", "risk:high"]);
    expect(ctx.commits[0]).toMatchObject({ sha: "c1", author: { login: "mona" } });
    expect(ctx.comments).toEqual([{ id: 7, body: "<!-- m -->", mine: true, createdAt: "2026-01-01T00:00:00Z" }]);
    expect(w.log).toEqual(["POST /graphql"]);
  });

  test("more than 100 commits and comments: pages until 250 commits and until our comment is found", async () => {
    const w = newWorld({
      commits: Array.from({ length: 300 }, (_, i) => ({ sha: `c${i}`, message: `commit ${i}` })),
      comments: Array.from({ length: 350 }, (_, i) => ({
        id: i + 1,
        body: i === 150 ? "<!-- m --> report" : "chatter",
        login: i === 150 ? "github-actions[bot]" : "someone",
        createdAt: "2026-01-01T00:00:00Z",
      })),
    });
    serve(w);
    const ctx = await fetchPullContext(client(), query(w));
    expect(ctx.configText).toBeNull();
    expect(ctx.commits).toHaveLength(250);
    expect(ctx.comments.filter((c) => c.mine).map((c) => c.id)).toEqual([151]);
    // main query + 2 commit pages (to 300, capped at 250) + 1 comment page (ours is on page 2).
    expect(w.log).toHaveLength(4);
    expect(ctx.requests).toBe(4);
  });
});
