/**
 * `node --import tsx scripts/corpus-sample.ts [--set unseen|holdout]`: the random part of a labelled set
 * (default: the unseen corpus), reproducibly. For each repository in test/corpus/<set>/repos.json it lists the non-merge commits reachable from the
 * recorded snapshot HEAD (`git rev-list --no-merges <head>`, newest first) and draws `random` of them
 * with a Mulberry32 PRNG seeded from FNV-1a(seed + "\n" + repo). A draw whose commit changes no file is
 * skipped and drawn again (nothing to review). Prints one `repo commit subject` line per pick.
 */
import { prng } from "../test/support/prng.js";
import { git, hasMirror, labelledSetArg, readManifest } from "./corpus-unseen.js";

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function drawRandomCommits(seed: string, repo: string, head: string, count: number): string[] {
  const commits = git(repo, ["rev-list", "--no-merges", head]).split("\n").filter(Boolean);
  const random = prng(fnv1a(`${seed}\n${repo}`));
  const picked: string[] = [];
  const tried = new Set<number>();
  while (picked.length < count && tried.size < commits.length) {
    const index = Math.floor(random() * commits.length);
    if (tried.has(index)) continue;
    tried.add(index);
    const sha = commits[index]!;
    if (git(repo, ["show", "--format=", "--name-only", sha]).trim() === "") continue;
    picked.push(sha);
  }
  return picked;
}

const set = labelledSetArg(process.argv.slice(2));
const manifest = readManifest(set);
for (const entry of manifest.repos) {
  if (entry.random === 0) continue;
  if (!hasMirror(entry.repo)) {
    console.error(`no mirror for ${entry.repo}: fetch github:${entry.repo} first`);
    process.exitCode = 1;
    continue;
  }
  for (const sha of drawRandomCommits(manifest.seed, entry.repo, entry.head, entry.random)) {
    console.log(`${entry.repo} ${sha} ${git(entry.repo, ["log", "-1", "--format=%s", sha]).trim()}`);
  }
}
