import { afterAll, beforeAll, expect, test } from "vitest";
import { deliver } from "../support/deliver.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.js";
import { type AppServer, startAppServer, WEBHOOK_SECRET } from "./support/app-server.js";
import { humanEdit, itemIds, pullRequestEvent, setBox } from "./support/payloads.js";
import { addRiskyAgentPull, HEAD_2, PEOPLE, setUpRepo } from "./support/scenario.js";

/**
 * Redelivered and out-of-order webhooks (GitHub redelivers on timeouts; deliveries are not ordered).
 * Found by the load run: a stale `pull_request` event for an older head, delivered after a push, made
 * the App evaluate the payload's OLD head and re-render the checklist for it, so the approvals given
 * at the current head vanished from the comment (the check kept its conclusion: no false green).
 * Fixed in app/ (544b084: the App judges the PR's live head).
 */

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

async function send(event: string, payload: unknown, id?: string) {
  const r = await deliver({ url: app.url, event, payload, secret: WEBHOOK_SECRET, ...(id ? { id } : {}) });
  expect(r.status).toBe(200);
}

async function approve() {
  const c = () => fake.commentsOn(2).find((x) => x.user.login === fake.botUser.login)!;
  const ids = itemIds(c().body).filter((id) => id !== "signoff:2");
  await send(
    "issue_comment",
    humanEdit(fake, PEOPLE.alice, c().id, (b) => ids.reduce((a, id) => setBox(a, id, true), b)),
  );
  await send(
    "issue_comment",
    humanEdit(fake, PEOPLE.bob, c().id, (b) => setBox(b, "signoff:2", true)),
  );
}

test("a duplicate delivery of the same event changes nothing", async () => {
  const opened = pullRequestEvent(fake, "opened", 2);
  await send("pull_request", opened, "same-id");
  const before = fake.commentsOn(2).map((c) => c.body);
  await Promise.all([send("pull_request", opened, "same-id"), send("pull_request", opened, "same-id")]);
  expect(fake.commentsOn(2).filter((c) => c.user.login === fake.botUser.login)).toHaveLength(1);
  expect(fake.commentsOn(2).map((c) => c.body)).toEqual(before);
});

test("a stale pull_request event for an older head does not roll the checklist back", async () => {
  const staleOpened = pullRequestEvent(fake, "opened", 2);
  fake.push(2, HEAD_2, {
    message: "more",
    author: { name: "Copilot", email: "198982749+Copilot@users.noreply.github.com", login: "Copilot" },
  });
  await send("pull_request", pullRequestEvent(fake, "synchronize", 2));
  await approve();
  expect(fake.runsFor(HEAD_2)[0]?.conclusion).toBe("success");
  // GitHub redelivers the original `opened` (head = the old SHA) after all that.
  await send("pull_request", staleOpened, "stale-opened");
  expect(fake.runsFor(HEAD_2)[0]?.conclusion).toBe("success");
  const body = fake.commentsOn(2).find((c) => c.user.login === fake.botUser.login)!.body;
  expect(body).toContain(HEAD_2.slice(0, 7));
  expect(body).toMatch(/ticked by @bob/);
});
