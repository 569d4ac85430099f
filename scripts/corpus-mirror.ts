/**
 * Shared by the unseen-corpus scripts: where the fetched repository snapshots live and how to read them.
 * Snapshots are bare git directories brought by the `fetch` tool (`<root>/<owner>+<name>/repo`); their
 * code is never committed here, only regenerated into a git-ignored cache.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const UNSEEN_DIR = join(import.meta.dirname, "../test/corpus/unseen");
export const MIRRORS = process.env.CORPUS_MIRRORS ?? "/work/.mirror";

export interface RepoEntry {
  repo: string;
  /** The snapshot HEAD the random sample walked. */
  head: string;
  /** How many commits are drawn at random from this repository. */
  random: number;
  stack: string;
}

export interface RepoManifest {
  seed: string;
  repos: RepoEntry[];
}

export function readManifest(): RepoManifest {
  return JSON.parse(readFileSync(join(UNSEEN_DIR, "repos.json"), "utf8")) as RepoManifest;
}

export function gitDir(repo: string): string {
  return join(MIRRORS, repo.replace("/", "+"), "repo");
}

export function hasMirror(repo: string): boolean {
  return existsSync(gitDir(repo));
}

/** Runs git against a mirror; output is bounded so that one odd commit cannot exhaust memory. */
export function git(repo: string, args: readonly string[]): string {
  return execFileSync("git", ["--git-dir", gitDir(repo), ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}
