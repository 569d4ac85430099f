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
  return {
    pull: (...a) => port.pull(...a),
    pullFiles: (...a) => port.pullFiles(...a),
    pullCommits: (...a) => port.pullCommits(...a),
    fileAt: (...a) => port.fileAt(...a),
    fileOnDefaultBranch: (...a) => port.fileOnDefaultBranch(...a),
    compare: (...a) => port.compare(...a),
    checkRuns: (...a) => port.checkRuns(...a),
    comment: (...a) => port.comment(...a),
    comments: (...a) => port.comments(...a),
    permission: (...a) => port.permission(...a),
    teamMember: (...a) => port.teamMember(...a),
    user: (...a) => port.user(...a),
    pullsForCommit: (...a) => port.pullsForCommit(...a),
    mergeQueue: (...a) => port.mergeQueue(...a),
    upsertCheckRun: fenced((...a: Parameters<GitHubPort["upsertCheckRun"]>) => port.upsertCheckRun(...a)),
    upsertComment: fenced((...a: Parameters<GitHubPort["upsertComment"]>) => port.upsertComment(...a)),
    deleteComment: fenced((...a: Parameters<GitHubPort["deleteComment"]>) => port.deleteComment(...a)),
  };
}
