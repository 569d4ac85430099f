import { describe, expect, test } from "vitest";
import { HEAD, World } from "./world.js";

/**
 * A new PR's first publish posts the checklist, then creates the head's run with the record. When that
 * delivery stops in between (the run cannot be created, the process is killed), the next attempt finds
 * no record: it must render into the checklist already posted, never post a second one. Found by the
 * several-instance load run (an instance SIGKILLed between the two writes, the delivery redelivered).
 */
describe("an open that stopped after posting the checklist", () => {
  test("the run could not be created: the redelivered open reuses the checklist", async () => {
    const w = new World();
    w.pull();
    w.gh.fail("upsertCheckRun", 500, 1);
    const payload = w.prPayload("opened");
    await w.deliver("pull_request", payload, "open-1");
    expect(w.gh.checklists(2)).toHaveLength(1);
    const posted = w.gh.checklists(2)[0]!.id;
    // The same delivery again (it failed closed, so it runs again).
    await w.deliver("pull_request", payload, "open-1");
    expect(w.gh.checklists(2).map((c) => c.id)).toEqual([posted]);
    expect(w.record().commentId).toBe(posted);
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
  });

  test("nothing after the checklist was written (not even failing closed): one checklist after the redelivery", async () => {
    const w = new World();
    w.pull();
    w.gh.fail("upsertCheckRun", 500, 3);
    const payload = w.prPayload("opened");
    await expect(w.deliver("pull_request", payload, "open-1")).rejects.toThrow();
    expect(w.gh.runsOn(HEAD)).toHaveLength(0);
    await w.deliver("pull_request", payload, "open-1");
    expect(w.gh.checklists(2)).toHaveLength(1);
    expect(w.record().commentId).toBe(w.gh.checklists(2)[0]!.id);
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
  });
});
