/**
 * The benchmark's yardstick: a bare regex pass, the least any diff scanner does. It reads the diff file,
 * splits it into lines and tests eight simple regexes on every changed line. `npm run bench` divides the
 * engine's time by this pass's time on the same file in the same run, so the ratio holds when the shared
 * machine is slow or fast.
 *
 * Self-contained (Node built-ins only): the bench compiles it to plain JavaScript and runs it with bare
 * `node FILE.mjs DIFF`, so its process starts as fast as Node itself (no TypeScript loader in its time).
 * Prints one JSON line: {lines, changed, matches, ms}.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PATTERNS: readonly RegExp[] = [
  /\bDROP\s+(?:TABLE|COLUMN)\b/i,
  /\bALTER\s+TABLE\b/i,
  /\b(?:UPDATE|DELETE\s+FROM)\b/i,
  /^\s*(?:replicas|replicaCount):\s*0\b/,
  /:\s*["']?Delete\b/,
  /\bAKIA[0-9A-Z]{16}\b/,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\brm\s+-rf?\b/,
];

export interface BarePass {
  lines: number;
  changed: number;
  matches: number;
}

export function bareRegexPass(text: string): BarePass {
  let lines = 0;
  let changed = 0;
  let matches = 0;
  // From `diff --git` to the first `@@`, the `---`/`+++` lines are file headers, not changes.
  let inHeader = false;
  for (const line of text.split("\n")) {
    lines++;
    const first = line[0];
    if (first === "d" && line.startsWith("diff --git ")) inHeader = true;
    else if (first === "@") inHeader = false;
    if (inHeader || (first !== "+" && first !== "-")) continue;
    changed++;
    const content = line.slice(1);
    for (const re of PATTERNS) if (re.test(content)) matches++;
  }
  return { lines, changed, matches };
}

function main(file: string): void {
  const t0 = performance.now();
  const result = bareRegexPass(readFileSync(file, "utf8"));
  console.log(JSON.stringify({ ...result, ms: performance.now() - t0 }));
}

// Run only as a script, so the bench's in-process mode can import bareRegexPass.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv[2] ?? "");
