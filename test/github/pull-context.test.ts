import { afterEach, describe, expect, test } from "vitest";
import { createClient } from "../../src/github/client.js";
import { createGitHubPort } from "../../src/github/octokit-port.js";
import { type FakeComment, type FakeGitHub, startFakeGitHub } from "../support/fake-github.js";

/** The port's one GraphQL read of the Action, over HTTP against the fake that checks GitHub's API description. */

const TOKEN = "ghs_pull_context";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
let fake: FakeGitHub | null = null;

afterEach(async () => {
  fake?.assertClean();
  await fake?.close();
  fake = null;
});

async function world() {
  fake = await startFakeGitHub();
  fake.addToken(TOKEN, fake.actionsUser);
  const mona = fake.addUser({ login: "mona", id: 7, type: "User" }, "write");
  fake.addPull({
    number: 2,
    user: mona,
    head: { ref: "feature", sha: "a".repeat(40) },
    base: { ref: "main", sha: BASE },
  });
  const port = createGitHubPort(
    createClient({
      auth: TOKEN,
      baseUrl: fake.url,
      tuning: { retryAfterBaseValue: 1, throttle: false },
      log: { warn: () => {} },
    }),
  );
  return { fake, mona, port };
}

function comment(f: FakeGitHub, id: number, body: string, user: FakeComment["user"]): void {
  f.comments.set(id, {
    id,
    issue: 2,
    body,
    user,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  });
}

const query = (f: FakeGitHub) => ({
  owner: f.owner,
  repo: f.repoName,
  number: 2,
  baseSha: BASE,
  configPath: "./.github/ai-review-gate.yml",
  labelNames: ["ai-authored", "risk:high"],
  labelPrefixes: ["ai-agent:"],
  commentMarker: "<!-- m -->",
});

describe("the port's pullContext", () => {
  test("one request: config at the base sha, labels, repository labels, commits and comments", async () => {
    const { fake, mona, port } = await world();
    fake.setFile(BASE, ".github/ai-review-gate.yml", "gate:\n  policy: all\n");
    fake.mustPull(2).labels = ["bug", "risk:high"];
    for (const name of ["risk:high", "ai-agent:claude", "not-ai-agent:x"])
      fake.repoLabels.set(name, { name, color: "ededed", description: null });
    fake.mustPull(2).commits = [{ sha: "c1", message: "m", author: { name: "Mona", email: "m@x", login: "mona" } }];
    comment(fake, 7, "<!-- m -->", fake.actionsUser);
    comment(fake, 8, "<!-- m --> forged", mona);
    const before = fake.requests.length;
    const ctx = await port.pullContext(query(fake));
    expect(ctx.configText).toBe("gate:\n  policy: all\n");
    expect(ctx.labels).toEqual(["bug", "risk:high"]);
    expect([...ctx.repoLabels].sort()).toEqual(["ai-agent:claude", "risk:high"]);
    expect(ctx.commits[0]).toMatchObject({ sha: "c1", author: { login: "mona" } });
    expect(ctx.comments.map((c) => [c.id, c.mine])).toEqual([
      [7, true],
      [8, false],
    ]);
    expect(fake.requests.slice(before).map((r) => r.route)).toEqual(["POST /graphql"]);
  });

  test("more than 100 commits and comments: pages until 250 commits and until our comment is found", async () => {
    const { fake, mona, port } = await world();
    fake.mustPull(2).commits = Array.from({ length: 300 }, (_, i) => ({
      sha: `c${i}`,
      message: `commit ${i}`,
      author: { name: "Mona", email: "m@x" },
    }));
    for (let i = 0; i < 350; i++)
      comment(fake, i + 1, i === 150 ? "<!-- m --> report" : "chatter", i === 150 ? fake.actionsUser : mona);
    const before = fake.requests.length;
    const ctx = await port.pullContext(query(fake));
    expect(ctx.configText).toBeNull();
    expect(ctx.commits).toHaveLength(250);
    expect(ctx.comments.filter((c) => c.mine).map((c) => c.id)).toEqual([151]);
    // main query + 2 commit pages (to 300, capped at 250) + 1 comment page (ours is on page 2).
    expect(fake.requests.length - before).toBe(4);
    expect(ctx.requests).toBe(4);
  });
});
