import { describe, expect, it } from "vitest";
import { LocalDeliveryLog, LocalLocks, NeedLocks, withGrowingLocks } from "../../app/delivery.js";

const pause = () => new Promise((r) => setTimeout(r, 5));

describe("LocalLocks", () => {
  it("never runs two tasks that share a key at once; one key's tasks run in arrival order", async () => {
    const locks = new LocalLocks();
    const running = new Set<string>();
    const overlaps: string[] = [];
    const order: string[] = [];
    const task = (name: string, keys: string[]) =>
      locks.withKeys(keys, async () => {
        for (const other of running) overlaps.push(`${name}+${other}`);
        running.add(name);
        order.push(name);
        await pause();
        running.delete(name);
        return name;
      });
    const results = await Promise.all([
      task("a", ["pr:1#2"]),
      task("b", ["pr:1#2", "sha:1@x"]),
      task("c", ["sha:1@x"]),
      task("d", ["pr:1#2"]),
    ]);
    expect(results).toEqual(["a", "b", "c", "d"]);
    expect(overlaps.filter((o) => !["c+a", "a+c", "c+d", "d+c"].includes(o))).toEqual([]);
    expect(order.filter((n) => n !== "c")).toEqual(["a", "b", "d"]);
    expect(locks.size).toBe(0);
  });

  it("runs tasks on different keys concurrently, and never deadlocks on overlapping sets", async () => {
    const locks = new LocalLocks();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await pause();
      log.push(`end ${name}`);
    };
    await Promise.all([locks.withKeys(["a"], task("a")), locks.withKeys(["b"], task("b"))]);
    expect(log.slice(0, 2)).toEqual(["start a", "start b"]);
    await Promise.all([locks.withKeys(["x", "y"], task("xy")), locks.withKeys(["y", "x"], task("yx"))]);
    expect(log.slice(-4)).toEqual(["start xy", "end xy", "start yx", "end yx"]);
  });

  it("keeps going after a failed task and reports the failure to its caller", async () => {
    const locks = new LocalLocks();
    const failed = locks.withKeys(["k"], async () => {
      throw new Error("boom");
    });
    const next = locks.withKeys(["k"], async () => "ok");
    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("ok");
  });

  it("a task that needs more keys runs again holding them", async () => {
    const locks = new LocalLocks();
    const seen: string[][] = [];
    const result = await withGrowingLocks(locks, ["pr"], async (held) => {
      seen.push([...held].sort());
      if (!held.has("sha")) throw new NeedLocks(["sha"]);
      return "done";
    });
    expect(result).toBe("done");
    expect(seen).toEqual([["pr"], ["pr", "sha"]]);
  });
});

describe("LocalDeliveryLog", () => {
  it("skips a delivery id that completed; waits for one still running", async () => {
    const log = new LocalDeliveryLog();
    let runs = 0;
    const handle = async () => {
      runs++;
      await pause();
      return "done" as const;
    };
    expect(await Promise.all([log.once("a", handle), log.once("a", handle)])).toEqual(["handled", "duplicate"]);
    expect(await log.once("a", handle)).toBe("duplicate");
    expect(runs).toBe(1);
  });

  it("runs a delivery again when it failed or failed closed", async () => {
    const log = new LocalDeliveryLog();
    await expect(log.once("b", async () => Promise.reject(new Error("x")))).rejects.toThrow("x");
    expect(await log.once("b", async () => "retry")).toBe("handled");
    expect(await log.once("b", async () => "done")).toBe("handled");
    expect(await log.once("b", async () => "done")).toBe("duplicate");
  });

  it("forgets the oldest ids past its capacity", async () => {
    const log = new LocalDeliveryLog(2);
    for (const id of ["1", "2", "3"]) await log.once(id, async () => "done");
    expect(await log.once("1", async () => "done")).toBe("handled");
    expect(await log.once("3", async () => "done")).toBe("duplicate");
  });
});
