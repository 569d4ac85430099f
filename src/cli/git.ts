import { execFileSync } from "node:child_process";

/** Thin wrapper over the git binary for the CLI's "scan my branch" mode. */
export class GitError extends Error {
  override name = "GitError";
}

/** git's output past this many bytes is refused (the CLI passes its input caps). */
const DEFAULT_MAX_OUTPUT = 512 * 1024 * 1024;

export function git(args: string[], cwd: string, maxBuffer = DEFAULT_MAX_OUTPUT): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const err = e as { stderr?: string; message: string; code?: string };
    if (err.code === "ENOBUFS")
      throw new GitError(
        `git ${args[0]} printed more than ${Math.round(maxBuffer / (1024 * 1024))} MiB, the cap for ${args[0] === "diff" ? "a diff; raise it with --max-diff-mb N" : "PR facts"}`,
      );
    throw new GitError(`git ${args.join(" ")} failed: ${(err.stderr || err.message).trim().split("\n")[0]}`);
  }
}

export function isGitRepository(cwd: string): boolean {
  try {
    return git(["rev-parse", "--is-inside-work-tree"], cwd).trim() === "true";
  } catch {
    return false;
  }
}

/** The default branch: origin/HEAD when known, else the first of main/master/trunk/develop that exists. */
export function defaultBranch(cwd: string): string {
  try {
    const ref = git(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], cwd).trim();
    if (ref) return ref.replace(/^refs\/remotes\//, "");
  } catch {
    // No origin/HEAD: fall through to the usual names.
  }
  for (const name of ["main", "master", "trunk", "develop", "origin/main", "origin/master"]) {
    try {
      git(["rev-parse", "--verify", "--quiet", `${name}^{commit}`], cwd);
      return name;
    } catch {
      // try the next name
    }
  }
  throw new GitError("cannot find the default branch (no origin/HEAD, main or master); pass --base REF");
}

export interface BranchDiff {
  diff: string;
  mergeBase: string;
  base: string;
  branch: string | null;
}

/** The current branch's committed changes against its merge base with `base`. */
export function branchDiff(cwd: string, base?: string, maxBytes = DEFAULT_MAX_OUTPUT): BranchDiff {
  const baseRef = base ?? defaultBranch(cwd);
  // A ref that starts with "-" would be read by git as an option.
  if (baseRef.startsWith("-")) throw new GitError(`--base must name a ref, not an option (got "${baseRef}")`);
  const mergeBase = git(["merge-base", baseRef, "HEAD"], cwd).trim();
  const diff = git(["diff", "--no-color", "--no-ext-diff", "--find-renames", `${mergeBase}`, "HEAD"], cwd, maxBytes);
  let branch: string | null = git(["rev-parse", "--abbrev-ref", "HEAD"], cwd).trim();
  if (branch === "HEAD") branch = null;
  return { diff, mergeBase, base: baseRef, branch };
}
