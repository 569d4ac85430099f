import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { deliver, sign } from "../support/deliver.js";
import { type FakeComment, type FakeGitHub, type FakeUser, startFakeGitHub } from "../support/fake-github.js";
import { ACTION_TOKEN, runActionAgainst } from "./support/action.js";
import { type AppServer, startAppServer, WEBHOOK_SECRET } from "./support/app-server.js";
import { humanEdit, isTicked, itemIds, pullRequestEvent, setBox } from "./support/payloads.js";
import { addRiskyAgentPull, BASE_SHA, HEAD_1, HEAD_2, PEOPLE, RISKY_FILES, setUpRepo } from "./support/scenario.js";

/**
 * The story of an AI-authored, risky pull request from open to merge-ready, over real HTTP: the
 * Action's report, the App's blocking check, refused ticks, authorized ticks, a second approver for
 * the critical level, a push that resets the approvals, and the final success with its audit trail.
 * One fake GitHub and one App server for the whole story; each step depends on the previous one.
 */

const CHECK = "AI Review Gate";
let fake: FakeGitHub;
let app: AppServer;

beforeAll(async () => {
  fake = await startFakeGitHub();
  setUpRepo(fake);
  addRiskyAgentPull(fake);
  app = await startAppServer(fake);
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

async function send(event: string, payload: unknown) {
  const res = await deliver({ url: app.url, event, payload, secret: WEBHOOK_SECRET });
  expect(res.status, `${event} delivery answered ${res.status}: ${res.body} ${app.errors.join("; ")}`).toBe(200);
  return res;
}

function checklist(): FakeComment {
  const own = fake.commentsOn(2).filter((c) => c.user.login === fake.botUser.login);
  expect(own, "exactly one checklist comment by the App").toHaveLength(1);
  return own[0]!;
}

function gateRun(sha: string) {
  const runs = fake.runsFor(sha, CHECK).filter((r) => r.app.id === fake.appId);
  expect(runs.length).toBeGreaterThan(0);
  return runs[0]!;
}

/** A person ticks (or unticks) items in the web UI; the App receives the edit. Returns requests it made. */
async function edit(by: FakeUser, change: (body: string) => string): Promise<number> {
  const before = fake.requests.length;
  await send("issue_comment", humanEdit(fake, by, checklist().id, change));
  return fake.requests.length - before;
}

const tick = (ids: string[]) => (body: string) => ids.reduce((b, id) => setBox(b, id, true), body);

describe("AI-authored risky PR, open to merge-ready", () => {
  test("the Action reports the risk on the PR (comment, labels, outputs)", async () => {
    const res = await runActionAgainst(fake, "pull_request", pullRequestEvent(fake, "opened", 2));
    expect(res.failed).toBeNull();
    expect(res.outputs["ai-detected"]).toBe("true");
    expect(res.outputs.agents).toContain("copilot");
    expect(res.outputs["risk-level"]).toBe("critical");
    expect(res.outputs["gate-required"]).toBe("true");
    const report = fake.commentsOn(2).filter((c) => c.user.login === "github-actions[bot]");
    expect(report).toHaveLength(1);
    expect(report[0]!.body).toContain("users.email");
    expect(fake.mustPull(2).labels).toEqual(expect.arrayContaining(["ai-authored", "risk:critical"]));
    // The Action read the config at the base SHA through its GraphQL context query, as the workflow token.
    const actionCalls = fake.requests.filter((r) => r.as === "github-actions[bot]");
    expect(actionCalls.some((r) => r.route === "POST /graphql")).toBe(true);
    expect(actionCalls.some((r) => r.route.startsWith("POST /repos/{owner}/{repo}/check-runs"))).toBe(false);
    expect(ACTION_TOKEN).toBeTruthy();
    fake.assertClean();
  });

  test("unsigned and wrongly signed deliveries are refused before any API call", async () => {
    const before = fake.requests.length;
    const payload = pullRequestEvent(fake, "opened", 2);
    const unsigned = await deliver({
      url: app.url,
      event: "pull_request",
      payload,
      secret: WEBHOOK_SECRET,
      signature: false,
    });
    expect(unsigned.status).toBe(400);
    const wrongSecret = await deliver({ url: app.url, event: "pull_request", payload, secret: "not-the-secret" });
    expect(wrongSecret.status).toBe(400);
    // A valid signature of a different body (replayed header on a tampered payload).
    const tampered = await deliver({
      url: app.url,
      event: "pull_request",
      payload,
      secret: WEBHOOK_SECRET,
      signature: sign(WEBHOOK_SECRET, JSON.stringify({ ...payload, action: "closed" })),
    });
    expect(tampered.status).toBe(400);
    expect(fake.requests.length).toBe(before);
    expect(fake.checkRuns.size).toBe(0);
    for (const e of app.errors) expect(e).toMatch(/signature does not match/);
    app.errors.length = 0;
  });

  test("opened: the App's check blocks and one checklist comment lists the items", async () => {
    await send("pull_request", pullRequestEvent(fake, "opened", 2));
    const run = gateRun(HEAD_1);
    expect(run.conclusion).toBe("action_required");
    expect(run.status).toBe("completed");
    expect(run.output.title).toMatch(/^needs 2 more sign-offs/);
    expect(run.output.title).toContain("users.email");
    const ids = itemIds(checklist().body);
    expect(ids).toEqual(
      expect.arrayContaining(["category:migration-destructive", "category:infra-deletion", "signoff:2"]),
    );
    // The config was read at the base SHA only; the PR head's weaker config never was.
    const configReads = fake.requests.filter((r) => r.route === "GET /repos/{owner}/{repo}/contents/{path}");
    expect(configReads.length).toBeGreaterThan(0);
    for (const r of configReads) expect(r.query.ref).toBe(BASE_SHA);
    fake.assertClean();
  });

  test("the PR's agent, its requester and a read-only user cannot tick: each edit is reverted", async () => {
    const first = itemIds(checklist().body)[0]!;
    for (const [who, reason] of [
      [PEOPLE.copilot, /bots and apps cannot approve/],
      [PEOPLE.dana, /whoever asked the agent/],
      [PEOPLE.reader, /write, maintain or admin permission/],
    ] as const) {
      await edit(who, tick([first]));
      const body = checklist().body;
      expect(isTicked(body, first), `${who.login}'s tick must be reverted`).toBe(false);
      expect(body).toMatch(reason);
      expect(gateRun(HEAD_1).conclusion).toBe("action_required");
    }
  });

  test("an authorized reviewer's ticks count; the critical level still needs a second approver", async () => {
    const ids = itemIds(checklist().body).filter((id) => !id.startsWith("signoff:"));
    const requests = await edit(PEOPLE.alice, tick([...ids, "signoff:1"]));
    // The common-case budget for a tick (issue 6): at most 6 API requests.
    expect(requests).toBeLessThanOrEqual(6);
    const body = checklist().body;
    for (const id of [...ids, "signoff:1"]) expect(isTicked(body, id)).toBe(true);
    const run = gateRun(HEAD_1);
    expect(run.conclusion).toBe("action_required");
    expect(run.output.title).toMatch(/needs 1 more sign-off/);
    // The same reviewer cannot fill the second sign-off.
    await edit(PEOPLE.alice, tick(["signoff:2"]));
    expect(isTicked(checklist().body, "signoff:2")).toBe(false);
    expect(gateRun(HEAD_1).conclusion).toBe("action_required");
  });

  test("a second, distinct approver turns the check green", async () => {
    await edit(PEOPLE.bob, tick(["signoff:2"]));
    const run = gateRun(HEAD_1);
    expect(run.conclusion).toBe("success");
    expect(run.output.title).toMatch(/approved by @alice, @bob/);
  });

  test("a push resets the approvals: the new head's check blocks again", async () => {
    fake.push(
      2,
      HEAD_2,
      {
        message: "Address review comments\n\nCo-authored-by: dana <2001+dana@users.noreply.github.com>",
        author: {
          name: "copilot-swe-agent[bot]",
          email: "198982749+Copilot@users.noreply.github.com",
          login: "Copilot",
        },
      },
      RISKY_FILES,
    );
    await send("pull_request", pullRequestEvent(fake, "synchronize", 2));
    const run = gateRun(HEAD_2);
    expect(run.conclusion).toBe("action_required");
    const body = checklist().body;
    for (const id of itemIds(body)) expect(isTicked(body, id)).toBe(false);
    expect(body).toMatch(/ticks were reset/);
    // The Action re-runs on the push and updates its one comment in place.
    await runActionAgainst(fake, "pull_request", pullRequestEvent(fake, "synchronize", 2));
    expect(fake.commentsOn(2).filter((c) => c.user.login === "github-actions[bot]")).toHaveLength(1);
  });

  test("after a fresh review at the new head the gate succeeds with the audit trail", async () => {
    const ids = itemIds(checklist().body).filter((id) => !id.startsWith("signoff:"));
    await edit(PEOPLE.alice, tick([...ids, "signoff:1"]));
    expect(gateRun(HEAD_2).conclusion).toBe("action_required");
    await edit(PEOPLE.bob, tick(["signoff:2"]));
    const run = gateRun(HEAD_2);
    expect(run.conclusion).toBe("success");
    expect(run.output.summary).toContain("@alice");
    expect(run.output.summary).toContain("@bob");
    expect(run.output.summary).toContain(HEAD_2.slice(0, 7));
    // The audit trail shows the refusals, the reset and the ticks.
    expect(run.output.text ?? "").toMatch(/refused/);
    expect(run.output.text ?? "").toMatch(/reset/);
    expect(run.output.text ?? "").toMatch(/tick/);
    const body = checklist().body;
    expect(body).toContain("Audit trail");
    expect(body).toMatch(/ticked by @bob/);

    // Requests made across the story: every check-run write came from the App, every request matched
    // GitHub's OpenAPI description, and only the App and the workflow token wrote anything.
    for (const r of fake.requests.filter((x) => x.route.includes("check-runs") && x.method !== "GET"))
      expect(r.as).toBe(fake.botUser.login);
    const writers = new Set(
      fake.requests.filter((r) => r.method !== "GET" && r.route !== "POST /graphql").map((r) => r.as),
    );
    expect([...writers].sort()).toEqual(["app", "github-actions[bot]", fake.botUser.login].sort());
    expect(app.errors).toEqual([]);
    fake.assertClean();
  });
});
