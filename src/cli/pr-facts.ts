import type { PullRequestFacts } from "../types.js";

type Git = (args: string[], cwd: string) => string;

/** Field and record separators that cannot occur in commit messages. */
const FS = "\x1f";
const RS = "\x1e";
const LOG_FORMAT = `%H${FS}%an${FS}%ae${FS}%cn${FS}%ce${FS}%B${RS}`;

/** PR facts from local git: the branch name and each commit of mergeBase..HEAD. */
export function prFactsFromGit(cwd: string, mergeBase: string, branch: string | null, run: Git): PullRequestFacts {
  const log = run(["log", `--format=${LOG_FORMAT}`, `${mergeBase}..HEAD`], cwd);
  const commits = log
    .split(RS)
    .map((r) => r.replace(/^\n/, ""))
    .filter((r) => r.trim() !== "")
    .map((record) => {
      const [sha = "", authorName, authorEmail, committerName, committerEmail, message = ""] = record.split(FS);
      return {
        sha,
        message: message.trimEnd(),
        author_name: authorName ?? null,
        author_email: authorEmail ?? null,
        committer_name: committerName ?? null,
        committer_email: committerEmail ?? null,
      };
    });
  const first = commits.at(-1);
  return { head_ref: branch, title: first?.message.split("\n")[0] ?? null, body: null, commits, labels: [] };
}
