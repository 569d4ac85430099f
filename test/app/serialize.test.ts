import { describe, expect, it } from "vitest";
import { payloadProblem } from "../../app/gate/payload-shape.js";
import { PerKeyQueue, pullKeyOf } from "../../app/gate/serialize.js";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("PerKeyQueue", () => {
  it("runs tasks of one pull request one at a time, in arrival order", async () => {
    const queue = new PerKeyQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      queue.run("1#2", task("a")),
      queue.run("1#2", task("b")),
      queue.run("1#2", task("c")),
    ]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
    expect(queue.size).toBe(0);
  });

  it("runs different pull requests concurrently", async () => {
    const queue = new PerKeyQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    await Promise.all([queue.run("1#2", task("a")), queue.run("1#3", task("b"))]);
    expect(log.slice(0, 2)).toEqual(["start a", "start b"]);
  });

  it("keeps going after a failed task and reports the failure to its caller", async () => {
    const queue = new PerKeyQueue();
    const failed = queue.run("1#2", async () => {
      throw new Error("boom");
    });
    const next = queue.run("1#2", async () => "ok");
    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("ok");
  });
});

describe("pullKeyOf", () => {
  it("keys pull request, comment and check run deliveries by repository and PR", () => {
    expect(pullKeyOf({ repository: { id: 7 }, pull_request: { number: 2 } })).toBe("7#2");
    expect(pullKeyOf({ repository: { id: 7 }, issue: { number: 2 } })).toBe("7#2");
    expect(pullKeyOf({ repository: { id: 7 }, check_run: { pull_requests: [{ number: 2 }] } })).toBe("7#2");
    expect(pullKeyOf({ repository: { id: 7 }, merge_group: {} })).toBeNull();
  });
});

describe("payloadProblem", () => {
  const pr = {
    repository: { id: 1, name: "r", owner: { login: "o" } },
    pull_request: { number: 2, head: { sha: "a" }, base: { sha: "b" }, user: { login: "u" } },
  };
  it("accepts a complete payload and names the first missing or mistyped field", () => {
    expect(payloadProblem("pull_request", pr)).toBeNull();
    expect(payloadProblem("pull_request", { ...pr, pull_request: { ...pr.pull_request, head: {} } })).toBe(
      "pull_request.head.sha is missing",
    );
    expect(payloadProblem("pull_request", { ...pr, repository: { ...pr.repository, id: "1" } })).toBe(
      "repository.id is a string, not a number",
    );
    expect(payloadProblem("issue_comment", null)).toBe("repository.id is missing");
    expect(payloadProblem("installation", {})).toBeNull();
  });
});
