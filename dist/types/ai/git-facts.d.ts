/**
 * PullRequestFacts from a local git checkout. Pure: the CLI runs git and passes the text in.
 *
 *   git rev-parse --abbrev-ref HEAD                      -> branch (GIT_BRANCH_ARGS)
 *   git log -z --reverse --format=<GIT_LOG_FORMAT> base..HEAD   (gitLogArgs(base))
 *
 * Fields are separated by US (0x1f) and commits by NUL (`-z`), so messages with newlines, colons or
 * tabs parse safely. A field can never contain NUL (git forbids it in messages and identities).
 */
import type { CommitFacts, PullRequestFacts } from "../types.js";
/** sha, author name, author email, committer name, committer email, raw message. */
export declare const GIT_LOG_FORMAT = "%H%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%B";
/** Arguments for `git` that list the commits of `base..head`, oldest first (as GitHub lists them). */
export declare function gitLogArgs(base: string, head?: string): string[];
/** Arguments for `git` that print the current branch ("HEAD" when detached). */
export declare const GIT_BRANCH_ARGS: readonly ["rev-parse", "--abbrev-ref", "HEAD"];
/** Parses `git log -z --format=GIT_LOG_FORMAT` output. Malformed records are skipped, never thrown. */
export declare function parseGitLog(text: string): CommitFacts[];
/** Output of `git rev-parse --abbrev-ref HEAD` to a branch name, or null when detached/empty. */
export declare function parseBranch(text: string | null | undefined): string | null;
export interface GitFactsInput {
    /** Output of `git rev-parse --abbrev-ref HEAD` (or a branch name from CI, e.g. GITHUB_HEAD_REF). */
    branch?: string | null;
    /** Output of `git <gitLogArgs(base)>`. */
    log: string;
    /** Base branch name, if known. */
    base?: string | null;
}
/**
 * PR facts for detection from git alone. There is no PR author, title, body or labels; commit
 * subjects are still checked for tool-written prefixes, so nothing is lost by leaving the title empty
 * (copying the first subject there would count the same text twice).
 */
export declare function pullRequestFactsFromGit(input: GitFactsInput): PullRequestFacts;
