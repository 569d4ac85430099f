/**
 * The unseen corpus (test/corpus/unseen): its manifest, its labels, the fetched repository snapshots it
 * is regenerated from, and the git-ignored cache of regenerated diffs (.cache/corpus-unseen/).
 * Snapshots are bare git directories brought by the `fetch` tool (`<root>/<owner>+<name>/repo`); their
 * code is never committed, only regenerated into the cache.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Level } from "../src/types.js";

export const UNSEEN_DIR = join(import.meta.dirname, "../test/corpus/unseen");
/** Outside test/ so that the linter and the tests never read fetched code; git-ignored. */
export const CACHE_DIR = join(import.meta.dirname, "../.cache/corpus-unseen");
export const CACHE_INDEX = join(CACHE_DIR, "index.json");
export const MIRRORS = process.env.CORPUS_MIRRORS ?? "/work/.mirror";

export interface UnseenLabel {
  id: string;
  sampling: "random" | "selected";
  subset: "everyday" | "agent-config";
  provenance: { repo: string; commit: string; files: string[]; files_total: number; limited: boolean };
  /** Category names; a label may name one the engine does not have yet (it then scores as a miss). */
  expected: string[];
  acceptable: string[];
  min_level: Level;
  max_level: Level;
  why: string;
}

/** A commit labelled from the identity it records: was it written with an AI coding agent? */
export interface AiLabel {
  id: string;
  provenance: { repo: string; commit: string };
  /** `agent` is the expected agent id, or null when any (or none named) is acceptable. */
  expected: { ai: boolean; agent: string | null };
  why: string;
}

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

/** What the cache was built from, so a label edited later is not scored against an old diff. */
export type CacheIndex = Record<string, { commit: string; files: string[] }>;

export function readManifest(): RepoManifest {
  return JSON.parse(readFileSync(join(UNSEEN_DIR, "repos.json"), "utf8")) as RepoManifest;
}

function readJsonl<T>(name: string): T[] {
  return readFileSync(join(UNSEEN_DIR, name), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

export function readUnseenLabels(): UnseenLabel[] {
  return readJsonl<UnseenLabel>("labels.jsonl");
}

/** Agent-configuration commits kept out of tuning: they only measure the agent-autonomy rules. */
export function readHoldoutLabels(): UnseenLabel[] {
  return readJsonl<UnseenLabel>("agent-holdout.jsonl");
}

export function readAiLabels(): AiLabel[] {
  return readJsonl<AiLabel>("ai-authorship.jsonl");
}

export function cachedDiffPath(id: string): string {
  return join(CACHE_DIR, `${id}.diff`);
}

export function cachedPrPath(id: string): string {
  return join(CACHE_DIR, `${id}.pr.json`);
}

/** AI-authorship cases only need PR facts; they live beside the diff cases under their own prefix. */
export function aiCacheKey(id: string): string {
  return `ai/${id}`;
}

export function readCacheIndex(): CacheIndex | null {
  return existsSync(CACHE_INDEX) ? (JSON.parse(readFileSync(CACHE_INDEX, "utf8")) as CacheIndex) : null;
}

/** True when the cached case was built from exactly the commit and files the label names. */
export function cacheMatches(index: CacheIndex, key: string, commit: string, files: readonly string[]): boolean {
  const entry = index[key];
  return (
    entry !== undefined &&
    entry.commit === commit &&
    entry.files.join("\n") === files.join("\n") &&
    existsSync(cachedPrPath(key))
  );
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
