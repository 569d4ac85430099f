import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { deliver } from "../support/deliver.js";
import { type FakeGitHub, type FakeUser, type FaultKind, startFakeGitHub } from "../support/fake-github.js";
import { type AppServer, startAppServer, WEBHOOK_SECRET } from "./support/app-server.js";
import { humanEdit, isTicked, itemIds, pullRequestEvent, setBox } from "./support/payloads.js";
import { PEOPLE, RISKY_FILES, setUpRepo, sha } from "./support/scenario.js";

/**
 * Fault injection on every API call of the App's tick path (a checklist edit) and push path
 * (`synchronize`): 500, 502, 403 secondary rate limit with retry-after, 404, 422 and a hang that ends
 * in a dropped connection. Every case must end in a retried success or a blocking/failed check with
 * the reason shown, never a false green, never an unhandled rejection.
 */

const FAULT_BASE = "0b5e0b5e0b5e0b5e0b5e0b5e0b5e0b5e0b5e0b5e";
// One approver at every level here, so one reviewer's edit is the whole tick path.
const ONE_APPROVER = "version: 1\ngate:\n  approvals:\n    critical: 1\n";
const KINDS: FaultKind[] = [500, 502, "secondary-rate-limit", 404, 422, "timeout"];
/**
 * Retried (Octokit's retry plugin for 5xx and timeouts; the App's own wait for secondary rate limits,
 * which Probot 14 does not retry): these must end exactly as if nothing had failed.
 */
const RETRIED = new Set<FaultKind>([500, 502, "timeout", "secondary-rate-limit"]);
const RATE_LIMIT: FaultKind = "secondary-rate-limit";

const TICK_PATH = [
  "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
  "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
];
const PUSH_PATH = [
  "GET /repos/{owner}/{repo}/pulls/{pull_number}",
  "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/commits",
  "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls",
  "POST /repos/{owner}/{repo}/check-runs",
  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
];
/** A 404 on the view's PATCH means the comment is gone: the App creates a new view (the fake's old one stays). */
const VIEW_GONE = (route: string, kind: FaultKind) =>
  kind === 404 && route === "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}";

let fake: FakeGitHub;
let app: AppServer;
let nextPr = 100;
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);
/** One line per case, printed at the end (the matrix in docs/testing.md). */
const matrix: string[] = [];

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  fake = await startFakeGitHub({ maxRequests: 20_000 });
  setUpRepo(fake);
  fake.setFile(FAULT_BASE, ".github/ai-review-gate.yml", ONE_APPROVER);
  app = await startAppServer(fake);
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  if (process.env.FAULT_MATRIX) console.log(matrix.join("\n"));
  await app?.close();
  await fake?.close();
});

async function send(event: string, payload: unknown): Promise<number> {
  return (await deliver({ url: app.url, event, payload, secret: WEBHOOK_SECRET })).status;
}

/** A fresh AI-authored risky PR into `base` (not yet delivered). */
function addAgentPull(base = FAULT_BASE): { number: number; head: string } {
  const number = nextPr++;
  const head = sha(number);
  fake.addPull({
    number,
    title: "Drop users.email",
    body: "## Rollback\nRestore `users.email` from the snapshot taken before the migration.\n\n<!-- START COPILOT CODING AGENT TIPS -->",
    user: PEOPLE.copilot,
    head: { ref: `copilot/fix-${number}`, sha: head },
    base: { ref: "main", sha: base },
    assignees: ["dana"],
    files: RISKY_FILES,
    commits: [
      {
        sha: head,
        message: "Drop users.email",
        author: { name: "Copilot", email: "198982749+Copilot@users.noreply.github.com", login: "Copilot" },
      },
    ],
  });
  return { number, head };
}

/** A fresh AI-authored risky PR, opened and evaluated (blocking) without faults. */
async function openPull(): Promise<{ number: number; head: string }> {
  const { number, head } = addAgentPull();
  expect(await send("pull_request", pullRequestEvent(fake, "opened", number))).toBe(200);
  expect(conclusion(head)).toBe("action_required");
  return { number, head };
}

function checklistOf(number: number) {
  return fake.commentsOn(number).filter((c) => c.user.login === fake.botUser.login);
}

function latestRun(sha: string) {
  return fake.runsFor(sha).filter((r) => r.app.id === fake.appId)[0];
}

function conclusion(sha: string): string | null {
  return latestRun(sha)?.conclusion ?? null;
}

async function tickAll(number: number, by: FakeUser): Promise<number> {
  const c = checklistOf(number)[0]!;
  const ids = itemIds(c.body);
  return send(
    "issue_comment",
    humanEdit(fake, by, c.id, (b) => ids.reduce((acc, id) => setBox(acc, id, true), b)),
  );
}

/** Where the reason of a non-green outcome is visible: the check output or the checklist's note. */
function reasonShown(number: number, head: string): boolean {
  const run = latestRun(head);
  const text = `${run?.output.title ?? ""} ${run?.output.summary ?? ""}`;
  if (run?.conclusion === "failure") return /HTTP \d{3}|failed/.test(text);
  if (run?.conclusion === "action_required")
    return /needs|missing|refused|reset/i.test(`${text} ${checklistOf(number)[0]?.body ?? ""}`);
  return false;
}

function record(
  path: string,
  route: string,
  kind: FaultKind,
  mode: string,
  status: number,
  head: string,
  hits: number,
) {
  const run = latestRun(head);
  matrix.push(
    `| ${path} | \`${route}\` | ${kind} ${mode} | ${hits} | ${status} | ${run?.conclusion ?? "none"} | ${(run?.output.title ?? "").slice(0, 70)} |`,
  );
}

describe("tick path: an authorized reviewer ticks every item", () => {
  const cases = TICK_PATH.flatMap((route) => KINDS.map((kind) => [route, kind] as const));
  test.each(cases)("%s → %s", async (route, kind) => {
    const { number, head } = await openPull();
    const rule = fake.fault({ route, fault: kind, times: 1, retryAfter: 1 });
    const status = await tickAll(number, PEOPLE.alice);
    fake.clearFaults();
    record("tick", route, kind, "once", status, head, rule.hits ?? 0);
    expect(rule.hits, "the fault was exercised").toBe(1);
    const result = conclusion(head);
    if (RETRIED.has(kind)) {
      // Retried: the same outcome as without the fault.
      expect(result).toBe("success");
      expect(isTicked(checklistOf(number)[0]!.body, "category:migration-destructive")).toBe(true);
    } else if (result !== "success") {
      expect(reasonShown(number, head), `reason for ${result} shown`).toBe(true);
      if (kind === RATE_LIMIT && result === "failure")
        expect(latestRun(head)!.output.summary).toMatch(/secondary rate limit/);
    }
    expect(checklistOf(number).length).toBeLessThanOrEqual(VIEW_GONE(route, kind) ? 2 : 1);
    expect(unhandled).toEqual([]);
  });
});

describe("tick path: an unauthorized (read-only) user ticks, under every fault", () => {
  // A refused edit asks for no permission: the person checks fail first. The other routes are written.
  const cases = TICK_PATH.filter((r) => !r.includes("permission")).flatMap((route) =>
    KINDS.map((kind) => [route, kind] as const),
  );
  test.each(cases)("%s → %s: never green", async (route, kind) => {
    const { number, head } = await openPull();
    const rule = fake.fault({ route, fault: kind, times: 1, retryAfter: 1 });
    const status = await tickAll(number, PEOPLE.reader);
    fake.clearFaults();
    record("tick (read-only user)", route, kind, "once", status, head, rule.hits ?? 0);
    expect(rule.hits).toBe(1);
    expect(conclusion(head)).not.toBe("success");
    // Redelivery after the fault (GitHub's retry, or a later event) still never turns it green.
    await send("pull_request", pullRequestEvent(fake, "synchronize", number));
    expect(conclusion(head)).not.toBe("success");
    expect(reasonShown(number, head)).toBe(true);
    expect(unhandled).toEqual([]);
  });
});

describe("push path: new commits after approval", () => {
  const cases = PUSH_PATH.flatMap((route) => KINDS.map((kind) => [route, kind] as const));
  test.each(cases)("%s → %s", async (route, kind) => {
    const { number, head } = await openPull();
    expect(await tickAll(number, PEOPLE.alice)).toBe(200);
    expect(conclusion(head)).toBe("success");
    const next = sha(number, 1);
    fake.push(number, next, {
      message: "more",
      author: { name: "Copilot", email: "198982749+Copilot@users.noreply.github.com", login: "Copilot" },
    });
    const rule = fake.fault({ route, fault: kind, times: 1, retryAfter: 1 });
    const status = await send("pull_request", pullRequestEvent(fake, "synchronize", number));
    fake.clearFaults();
    record("push", route, kind, "once", status, next, rule.hits ?? 0);
    expect(rule.hits).toBe(1);
    // Never a false green: the approval was for the old head.
    expect(conclusion(next)).not.toBe("success");
    if (RETRIED.has(kind)) {
      expect(conclusion(next)).toBe("action_required");
      const body = checklistOf(number)[0]!.body;
      expect(isTicked(body, "category:migration-destructive")).toBe(false);
      expect(body).toMatch(/ticks were reset/);
    } else {
      expect(reasonShown(number, next), "reason shown").toBe(true);
    }
    expect(checklistOf(number)).toHaveLength(VIEW_GONE(route, kind) ? 2 : 1);
    expect(unhandled).toEqual([]);
  });
});

describe("config read (a base commit's config is read once, when the PR is opened)", () => {
  const route = "GET /repos/{owner}/{repo}/contents/{path}";
  test.each(KINDS)(`${route} → %s on open: never green, the reason shown`, async (kind) => {
    // A base commit of its own, so its config is read now.
    const base = sha(nextPr, 77);
    fake.setFile(base, ".github/ai-review-gate.yml", ONE_APPROVER);
    const { number, head } = addAgentPull(base);
    const rule = fake.fault({ route, fault: kind, times: 1, retryAfter: 1 });
    const status = await send("pull_request", pullRequestEvent(fake, "opened", number));
    fake.clearFaults();
    record("open", route, kind, "once", status, head, rule.hits ?? 0);
    expect(rule.hits).toBe(1);
    if (RETRIED.has(kind)) expect(conclusion(head)).toBe("action_required");
    else expect(reasonShown(number, head) || conclusion(head) === "action_required").toBe(true);
    expect(conclusion(head)).not.toBe("success");
    expect(unhandled).toEqual([]);
  });
});

describe("persistent faults exhaust the retries and fail closed", () => {
  const cases = [...new Set([...TICK_PATH, ...PUSH_PATH])]
    .filter((r) => r.startsWith("GET"))
    .map((route) => [route, route.endsWith("{pull_number}") ? "timeout" : 502] as const);
  test.each(cases)("%s → %s forever", async (route, kind) => {
    const { number, head } = await openPull();
    const next = sha(number, 2);
    fake.push(number, next, {
      message: "more",
      author: { name: "Copilot", email: "198982749+Copilot@users.noreply.github.com", login: "Copilot" },
    });
    const rule = fake.fault({ route, fault: kind, times: Number.POSITIVE_INFINITY, hangMs: 20 });
    const status = await send("pull_request", pullRequestEvent(fake, "synchronize", number));
    // A tick during the outage must not turn anything green either.
    const c = checklistOf(number)[0]!;
    await send(
      "issue_comment",
      humanEdit(fake, PEOPLE.alice, c.id, (b) => setBox(b, "category:migration-destructive", true)),
    );
    fake.clearFaults();
    record("persistent", route, kind, "forever", status, next, rule.hits ?? 0);
    expect(rule.hits ?? 0).toBeGreaterThan(1);
    expect(rule.hits ?? 0).toBeLessThan(40);
    expect(conclusion(next)).not.toBe("success");
    expect(conclusion(head)).not.toBe("success");
    expect(reasonShown(number, next) || conclusion(next) === null).toBe(true);
    expect(unhandled).toEqual([]);
  });
});

/**
 * Found by this matrix (reused PRs): when handling a refused edit failed before the revert (the record
 * could not be read, 422), the unauthorized [x] stayed in the comment and the next evaluation, seeing an
 * unchanged record, did not re-render. Fixed in app/: the failed edit fails the head's check closed, and
 * the next evaluation, finding the run out of step with the record, restores the view.
 */
test("a refused tick left in the comment by a failed delivery is reverted by the next evaluation", async () => {
  const { number, head } = await openPull();
  fake.fault({ route: "GET /repos/{owner}/{repo}/commits/{ref}/check-runs", fault: 422, times: 1 });
  await tickAll(number, PEOPLE.reader);
  fake.clearFaults();
  expect(conclusion(head)).not.toBe("success");
  await send("pull_request", pullRequestEvent(fake, "synchronize", number));
  expect(conclusion(head)).not.toBe("success");
  expect(isTicked(checklistOf(number)[0]!.body, "category:migration-destructive")).toBe(false);
});

test("every request made during the fault matrix matched GitHub's OpenAPI description", () => {
  fake.assertClean();
  expect(unhandled).toEqual([]);
});

/**
 * Found by the webhook fuzzer: every evaluation that failed closed without a known run id created a NEW
 * "AI Review Gate" run on the head, and every later evaluation PATCHed all of them (up to 100), so an
 * outage multiplied check runs and requests. Fixed in app/ (544b084: failing closed reuses the run).
 */
test("repeated failed evaluations of one head keep a single gate check run", async () => {
  const { number } = await openPull();
  const next = sha(number, 3);
  fake.push(number, next, {
    message: "more",
    author: { name: "Copilot", email: "198982749+Copilot@users.noreply.github.com", login: "Copilot" },
  });
  fake.fault({ route: "GET /repos/{owner}/{repo}/pulls/{pull_number}/files", fault: 422, times: 3 });
  for (let i = 0; i < 3; i++) await send("pull_request", pullRequestEvent(fake, "synchronize", number));
  fake.clearFaults();
  expect(conclusion(next)).toBe("failure");
  expect(fake.runsFor(next).filter((r) => r.app.id === fake.appId)).toHaveLength(1);
});
