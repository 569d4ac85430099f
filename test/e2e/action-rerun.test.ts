import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addPull, examplePull, filesFromDiff } from "../render/fixtures.js";
import { addedFile } from "../support/diff.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.js";
import { runActionAgainst } from "./support/action.js";
import { pullRequestEvent } from "./support/payloads.js";

/**
 * A push after the first report: the Action updates its one comment and says what changed since the
 * last report, reading the digest it left in that comment (which anyone with write access may edit).
 */
describe("the Action's comment on a re-run after a push", () => {
  let fake: FakeGitHub;
  const pull = examplePull(21);
  beforeEach(async () => {
    fake = await startFakeGitHub();
    addPull(fake, pull);
  });
  afterEach(async () => {
    await fake.close();
  });

  const comments = () => fake.commentsOn(pull.number).filter((c) => c.user.login === fake.actionsUser.login);

  async function run(action: "opened" | "synchronize") {
    const res = await runActionAgainst(fake, "pull_request", pullRequestEvent(fake, action, pull.number));
    expect(res.failed).toBeFalsy();
    return comments();
  }

  function pushWithoutCleanupScript() {
    // The push drops the destructive script and adds a new one with a different problem.
    const files = filesFromDiff(pull.diff).filter((f) => f.filename !== "scripts/cleanup.sh");
    files.push(...filesFromDiff(addedFile("scripts/install.sh", ["#!/bin/sh", "rm -rf $TMP_DIR/*"])));
    fake.push(
      pull.number,
      "e".repeat(40),
      { message: "Drop the cleanup script", author: { name: "Octo Dev", email: "octo@example.com" } },
      files,
    );
  }

  it("says which findings are new, which were resolved, how many stayed, and where the level went", async () => {
    const first = await run("opened");
    expect(first).toHaveLength(1);
    expect(first[0]!.body).not.toContain("Since the last report");
    expect(first[0]!.body).toContain("<!-- ai-review-gate:digest v1 ");

    pushWithoutCleanupScript();
    const second = await run("synchronize");
    expect(second).toHaveLength(1);
    const body = second[0]!.body;
    expect(body).toMatch(
      /\*\*Since the last report \(at `4f1c2d3`\):\*\* 🆕 [1-9]\d* new · ✔️ 2 resolved · \d+ unchanged/,
    );
    expect(body).toMatch(/Resolved since then: .*`destructive-command\/recursive-delete` ×1/);
    expect(body).toContain("🆕 [`scripts/install.sh:2`]");
  });

  it("treats an edited digest as unreadable and compares nothing", async () => {
    await run("opened");
    const sticky = comments()[0]!;
    sticky.body = sticky.body.replace(/digest v1 [A-Za-z0-9_-]+/, "digest v1 eyJsZXZlbCI6ImNhdGFzdHJvcGhpYyJ9");
    pushWithoutCleanupScript();
    const [after] = await run("synchronize");
    expect(after!.body).toContain("its summary could not be read");
    expect(after!.body).not.toContain("🆕");
  });
});
