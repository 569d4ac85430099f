import type { GitHubPort } from "../src/github/port.js";
import { checkLease, LeaseLost } from "./delivery.js";

/**
 * The GitHub port with every write fenced: GitHub cannot check a fencing token, so the App checks it
 * itself, at the last moment. Immediately before a write (check runs, which hold the record, and
 * comments), the task must prove its lease (a stale holder is stopped there and writes nothing more);
 * immediately after, it proves it again. A write that went out under a valid lease but whose lease
 * was taken over while it was in flight may have landed after the newer holder's writes, so the task
 * runs again under a new lease, re-reading everything, and its writes come last (`withGrowingLocks`).
 */
export function fencedPort(port: GitHubPort): GitHubPort {
  const fenced =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await checkLease();
      const result = await write(...args);
      try {
        await checkLease();
      } catch (e) {
        if (!(e instanceof LeaseLost)) throw e;
        throw new LeaseLost(`${e.message}, while a write was in flight`, e.taken, { cause: e });
      }
      return result;
    };
  // Every verb not named here as a read is fenced, so a verb added to the port later is safe by default.
  return new Proxy(port, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      const bound = (value as (...args: unknown[]) => Promise<unknown>).bind(target);
      return READS.has(key) ? bound : fenced(bound);
    },
  });
}

/** The port's verbs that only read: they run unfenced. */
const READS: ReadonlySet<string | symbol> = new Set<keyof GitHubPort>([
  "pull",
  "pullFiles",
  "pullCommits",
  "fileAt",
  "fileOnDefaultBranch",
  "compare",
  "checkRuns",
  "comment",
  "comments",
  "permission",
  "teamMember",
  "user",
  "pullsForCommit",
  "mergeQueue",
  "app",
  "pullContext",
  "defaultBranch",
  "rulesets",
  "ruleset",
  "branchProtection",
]);
