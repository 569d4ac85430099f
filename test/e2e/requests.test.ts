import { afterAll, beforeAll, expect, test } from "vitest";
import { deliver } from "../support/deliver.js";
import { type FakeGitHub, type FakeUser, startFakeGitHub } from "../support/fake-github.js";
import { type AppServer, startAppServer, WEBHOOK_SECRET } from "./support/app-server.js";
import { humanEdit, itemIds, pullRequestEvent, setBox } from "./support/payloads.js";
import { addRiskyAgentPull, HEAD_1, PEOPLE, setUpRepo, sha } from "./support/scenario.js";

/**
 * GitHub API requests per event, counted at the loopback fake (real HTTP, Probot's Octokit). "Cold" is
 * the first delivery a fresh App process handles: it also fetches an installation token. The budget of
 * the issue: a tick costs at most 6 requests, cold. `REQUESTS_TABLE=1` prints the table for docs/app.md.
 */

const WEAK_SHA = "0ea5e0ea5e0ea5e0ea5e0ea5e0ea5e0ea5e0ea5e";
let fake: FakeGitHub;
let app: AppServer;
const table: string[] = [];

beforeAll(async () => {
  fake = await startFakeGitHub();
  setUpRepo(fake);
  fake.setFile(WEAK_SHA, ".github/ai-review-gate.yml", "version: 1\ngate:\n  policy: all\n  threshold: high\n");
  addRiskyAgentPull(fake);
});

afterAll(async () => {
  if (process.env.REQUESTS_TABLE) console.log(["| event | requests | routes |", "|---|---|---|", ...table].join("\n"));
  fake.assertClean();
  await app?.close();
  await fake.close();
});

/** Deliver on a fresh App process (cold) or the running one (warm); returns the routes requested. */
async function measure(what: string, event: string, payload: unknown, opts: { cold?: boolean; id?: string } = {}) {
  if (opts.cold || !app) {
    await app?.close();
    // As documented for production: APP_ID and APP_SLUG set, so no `GET /app` on a cold start.
    app = await startAppServer(fake, { knownIdentity: true });
  }
  const before = fake.requests.length;
  const res = await deliver({
    url: app.url,
    event,
    payload,
    secret: WEBHOOK_SECRET,
    ...(opts.id ? { id: opts.id } : {}),
  });
  expect(res.status).toBe(200);
  const routes = fake.requests.slice(before).map((r) => r.route.replace("/repos/{owner}/{repo}", ""));
  table.push(`| ${what} | ${routes.length} | ${routes.join(", ")} |`);
  return routes;
}

const checklist = () => fake.commentsOn(2).find((c) => c.user.login === fake.botUser.login)!;
const edit = (by: FakeUser, ids: string[]) =>
  humanEdit(fake, by, checklist().id, (b) => ids.reduce((acc, id) => setBox(acc, id, true), b));

test("open, cold", async () => {
  const routes = await measure("open (cold)", "pull_request", pullRequestEvent(fake, "opened", 2), { cold: true });
  expect(routes[0]).toBe("POST /app/installations/{installation_id}/access_tokens");
  expect(routes.length).toBeLessThanOrEqual(10);
});

test("duplicate delivery: nothing", async () => {
  const payload = pullRequestEvent(fake, "labeled", 2);
  await measure("labeled, nothing changed", "pull_request", payload, { id: "dup-1" });
  expect(await measure("duplicate delivery (same id)", "pull_request", payload, { id: "dup-1" })).toEqual([]);
});

test("tick: at most 6 requests, cold", async () => {
  const ids = itemIds(checklist().body).filter((id) => !id.startsWith("signoff:"));
  const warm = await measure("tick (warm)", "issue_comment", edit(PEOPLE.alice, [ids[0]!]));
  expect(warm.length).toBeLessThanOrEqual(5);
  const cold = await measure("tick (cold)", "issue_comment", edit(PEOPLE.alice, ids.slice(1)), { cold: true });
  expect(cold.length).toBeLessThanOrEqual(5);
  await measure("refused tick (requester)", "issue_comment", edit(PEOPLE.dana, ["signoff:1"]));
  await measure("sign-off", "issue_comment", edit(PEOPLE.alice, ["signoff:1"]));
  const green = await measure(
    "tick that turns the check green (cold)",
    "issue_comment",
    edit(PEOPLE.bob, ["signoff:2"]),
    { cold: true },
  );
  expect(green.length).toBeLessThanOrEqual(6);
  expect(fake.runsFor(HEAD_1)[0]?.conclusion).toBe("success");
});

test("description edit", async () => {
  const pull = fake.mustPull(2);
  const from = pull.body ?? "";
  const edited = (body: string) => {
    pull.body = body;
    return { ...pullRequestEvent(fake, "edited", 2), changes: { body: { from } } };
  };
  const quiet = await measure(
    "description edit (edited, body), nothing changed",
    "pull_request",
    edited(`Thanks!\n\n${from}`),
  );
  expect(quiet.filter((r) => !r.startsWith("GET"))).toEqual([]);
  expect(quiet.length).toBeLessThanOrEqual(6);
  const removed = await measure(
    "description edit removing the rollback plan",
    "pull_request",
    edited(from.replace(/## Rollback\n[^\n]*\n/, "")),
  );
  expect(removed.length).toBeLessThanOrEqual(quiet.length + 3);
  expect(fake.runsFor(HEAD_1)[0]?.conclusion).toBe("action_required");
});

test("push", async () => {
  fake.push(2, sha(2, 1), {
    message: "more",
    author: { name: "Copilot", email: "198982749+Copilot@users.noreply.github.com", login: "Copilot" },
  });
  const routes = await measure("push (synchronize)", "pull_request", pullRequestEvent(fake, "synchronize", 2));
  expect(routes.length).toBeLessThanOrEqual(11);
});

test("retarget", async () => {
  const pull = fake.mustPull(2);
  pull.base = { ref: "release", sha: WEAK_SHA };
  const routes = await measure("retarget (edited, base changed)", "pull_request", pullRequestEvent(fake, "edited", 2));
  expect(routes.length).toBeLessThanOrEqual(10);
});
