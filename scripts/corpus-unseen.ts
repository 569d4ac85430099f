/**
 * The corpora of real commits from repositories no rule was shaped on, each a folder under test/corpus/
 * with its manifest and labels, regenerated from fetched repository snapshots into its own git-ignored
 * cache (.cache/corpus-<name>/):
 *   unseen    the measured corpus: everyday work and risky commits, agent configuration, AI authorship
 *   holdout   a guard against fitting the unseen corpus: further repositories, labelled before any scan
 *             and looked at only when a change is finished (`npm run eval -- --only holdout`)
 * Snapshots are bare git directories brought by the `fetch` tool (`<root>/<owner>+<name>/repo`); their
 * code is never committed, only regenerated into the cache.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Level } from "../src/types.js";

export interface LabelledSet {
  name: "unseen" | "holdout";
  /** test/corpus/<name>: repos.json, labels.jsonl and, for the unseen set, ai-authorship.jsonl. */
  dir: string;
  /** Outside test/ so that the linter and the tests never read fetched code; git-ignored. */
  cacheDir: string;
}

const labelledSet = (name: LabelledSet["name"]): LabelledSet => ({
  name,
  dir: join(import.meta.dirname, "../test/corpus", name),
  cacheDir: join(import.meta.dirname, `../.cache/corpus-${name}`),
});
export const UNSEEN = labelledSet("unseen");
export const HOLDOUT = labelledSet("holdout");
export const LABELLED_SETS: readonly LabelledSet[] = [UNSEEN, HOLDOUT];
/** The set a script's `--set NAME` names (default: the unseen corpus); exits with the choices otherwise. */
export function labelledSetArg(args: readonly string[]): LabelledSet {
  const name = args.includes("--set") ? args[args.indexOf("--set") + 1] : UNSEEN.name;
  const set = LABELLED_SETS.find((s) => s.name === name);
  if (set) return set;
  console.error(`--set takes ${LABELLED_SETS.map((s) => s.name).join(" or ")}, not ${name}`);
  process.exit(2);
}

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

export function readManifest(set: LabelledSet): RepoManifest {
  return JSON.parse(readFileSync(join(set.dir, "repos.json"), "utf8")) as RepoManifest;
}

/** A set's JSON-lines file; one it does not have (the hold-out set has no AI labels) reads as empty. */
function readJsonl<T>(set: LabelledSet, name: string): T[] {
  const path = join(set.dir, name);
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

export function readUnseenLabels(set: LabelledSet): UnseenLabel[] {
  return readJsonl<UnseenLabel>(set, "labels.jsonl");
}

/** Agent-configuration commits kept out of tuning (the unseen set's agent-holdout.jsonl): they only
 * measure the agent-autonomy rules. */
export function readAgentHoldoutLabels(set: LabelledSet): UnseenLabel[] {
  return readJsonl<UnseenLabel>(set, "agent-holdout.jsonl");
}

export function readAiLabels(set: LabelledSet): AiLabel[] {
  return readJsonl<AiLabel>(set, "ai-authorship.jsonl");
}

export function cachedDiffPath(set: LabelledSet, id: string): string {
  return join(set.cacheDir, `${id}.diff`);
}

export function cachedPrPath(set: LabelledSet, id: string): string {
  return join(set.cacheDir, `${id}.pr.json`);
}

function cacheIndexPath(set: LabelledSet): string {
  return join(set.cacheDir, "index.json");
}

/** AI-authorship cases only need PR facts; they live beside the diff cases under their own prefix. */
export function aiCacheKey(id: string): string {
  return `ai/${id}`;
}

export function readCacheIndex(set: LabelledSet): CacheIndex | null {
  const path = cacheIndexPath(set);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as CacheIndex) : null;
}

export function writeCacheIndex(set: LabelledSet, index: CacheIndex): void {
  writeFileSync(cacheIndexPath(set), `${JSON.stringify(index, null, 1)}\n`);
}

/** True when the cached case was built from exactly the commit and files the label names. */
export function cacheMatches(
  set: LabelledSet,
  index: CacheIndex,
  key: string,
  commit: string,
  files: readonly string[],
): boolean {
  const entry = index[key];
  return (
    entry !== undefined &&
    entry.commit === commit &&
    entry.files.join("\n") === files.join("\n") &&
    existsSync(cachedPrPath(set, key))
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
