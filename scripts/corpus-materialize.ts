/**
 * `node --import tsx scripts/corpus-materialize.ts [--set unseen|holdout] [--only ID]`: regenerates a
 * labelled set's diffs (default: the unseen corpus) from the fetched snapshots into its git-ignored
 * cache, .cache/corpus-<set>/ (fetched code is never committed), including the unseen set's
 * agent-configuration hold-out (agent-holdout.jsonl). Per case:
 *   <id>.diff     `git show` of the commit (only the label's `files` when the label is limited)
 *   <id>.pr.json  the PR facts the CLI derives from git for that commit (message, author, committer),
 *                 usable as `ai-review-gate scan --pr <id>.pr.json`
 * and, for the AI-authorship labels, ai/<id>.pr.json alone. index.json records which commit and files
 * each case came from. Cases whose repository has no snapshot are listed with the `fetch` call that
 * brings it; the exit code is 1 when any is missing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { gitLogArgs, pullRequestFactsFromGit } from "../src/ai/git-facts.js";
import {
  aiCacheKey,
  type CacheIndex,
  cachedDiffPath,
  cachedPrPath,
  git,
  hasMirror,
  labelledSetArg,
  readAgentHoldoutLabels,
  readAiLabels,
  readCacheIndex,
  readUnseenLabels,
  type UnseenLabel,
  writeCacheIndex,
} from "./corpus-unseen.js";

/** Above this a case is too big to be a useful review unit; the label should list its relevant files. */
const MAX_DIFF_BYTES = 8 * 1024 * 1024;

/**
 * Fixed output whatever the local git configuration says (prefixes, colour, rename detection, quoting);
 * file names are literal pathspecs, since real ones hold glob characters (`[websiteId]`, `(main)`).
 */
const SHOW_ARGS = [
  "--literal-pathspecs",
  "-c",
  "core.quotePath=false",
  "-c",
  "diff.noprefix=false",
  "-c",
  "diff.mnemonicPrefix=false",
  "show",
  "--format=",
  "--no-color",
  "--no-ext-diff",
  "--find-renames",
];

function diffFor(label: UnseenLabel): string {
  const { commit, files, limited } = label.provenance;
  return git(label.provenance.repo, [...SHOW_ARGS, commit, ...(limited ? ["--", ...files] : [])]);
}

function prFactsFor(repo: string, commit: string): string {
  const log = git(repo, gitLogArgs(`${commit}^`, commit));
  return `${JSON.stringify(pullRequestFactsFromGit({ log }), null, 2)}\n`;
}

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const set = labelledSetArg(args);
const labels = [...readUnseenLabels(set), ...readAgentHoldoutLabels(set)].filter((l) => !only || l.id === only);
const aiLabels = readAiLabels(set).filter((l) => !only || l.id === only);
if (only && labels.length + aiLabels.length === 0) {
  console.error(`no case with id ${only}`);
  process.exit(2);
}

mkdirSync(set.cacheDir, { recursive: true });
const index: CacheIndex = readCacheIndex(set) ?? {};
const missing = new Map<string, string[]>();
const available = (repo: string, id: string) => {
  if (hasMirror(repo)) return true;
  missing.set(repo, [...(missing.get(repo) ?? []), id]);
  return false;
};
let written = 0;
for (const label of labels) {
  const { repo, commit, files } = label.provenance;
  if (!available(repo, label.id)) continue;
  const diff = diffFor(label);
  if (Buffer.byteLength(diff) > MAX_DIFF_BYTES) {
    console.warn(`${label.id}: diff is ${Buffer.byteLength(diff)} bytes; limit the label's files`);
  }
  writeFileSync(cachedDiffPath(set, label.id), diff);
  writeFileSync(cachedPrPath(set, label.id), prFactsFor(repo, commit));
  index[label.id] = { commit, files };
  written++;
}
for (const label of aiLabels) {
  const { repo, commit } = label.provenance;
  if (!available(repo, label.id)) continue;
  const key = aiCacheKey(label.id);
  mkdirSync(dirname(cachedPrPath(set, key)), { recursive: true });
  writeFileSync(cachedPrPath(set, key), prFactsFor(repo, commit));
  index[key] = { commit, files: [] };
  written++;
}
writeCacheIndex(set, index);

console.log(`${written} of ${labels.length + aiLabels.length} cases written to ${set.cacheDir}`);
for (const [repo, ids] of missing) {
  console.log(`missing snapshot ${repo} (${ids.length} cases): fetch github:${repo}`);
}
if (missing.size > 0) process.exitCode = 1;
