/**
 * `npm run bench:secrets`: our secrets rules side by side with secretlint (+ its recommended preset).
 *   1. Accuracy on the labelled corpus (../shared/corpus/secrets/cases.jsonl): recall, false positives,
 *      and our confusion per expected kind.
 *   2. Throughput on one generated tree (~5 MB across ~4,000 files, deterministic). We scan the
 *      whole tree as a pull request that adds every file. secretlint is slow, so it scans a
 *      deterministic sample (every Nth file, --sample files) and its throughput is extrapolated in MB/s.
 *   --corpus FILE  cases.jsonl (default ../shared/corpus/secrets/cases.jsonl)
 *   --files N      files in the generated tree (default 4000)
 *   --sample N     files secretlint scans for the throughput figure (default 200)
 *   --json         machine-readable summary
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createEngine } from "@secretlint/node";
import { validateConfig } from "../src/config/load.js";
import { parseUnifiedDiff } from "../src/diff/parse.js";
import { analyze } from "../src/engine/analyze.js";
import { scanFile } from "../src/secrets/scan.js";
import { CATEGORIES } from "../src/types.js";
import { addedFile } from "../test/support/diff.js";
import { prng } from "../test/support/prng.js";

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpusPath = resolve(opt("--corpus") ?? join(import.meta.dirname, "../../shared/corpus/secrets/cases.jsonl"));
const fileCount = Number(opt("--files") ?? 4000);
const sampleSize = Number(opt("--sample") ?? 200);
const asJson = args.includes("--json");
const log = (s = "") => {
  if (!asJson) console.log(s);
};

interface SecretCase {
  id: string;
  file: string;
  /** One added line, or (sets kept in this repository) the added lines base64-encoded, so that no
   * scanner or push protection reads the fake values in the labels file. */
  line?: string;
  lines_b64?: string;
  expected: { secret: boolean; kind: string | null };
}

// Only the secrets category runs, so the timing is ours and not the other categories'.
const secretsOnly = validateConfig({
  rules: Object.fromEntries(CATEGORIES.filter((c) => c !== "secrets").map((c) => [c, "off" as const])),
});

const secretlint = await createEngine({
  formatter: "json",
  color: false,
  maskSecrets: true,
  configFileJSON: { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] },
});

async function secretlintFlags(content: string, filePath: string): Promise<number> {
  const { output } = await secretlint.executeOnContent({ content, filePath });
  const results = JSON.parse(output) as { messages: unknown[] }[];
  return results.reduce((n, r) => n + r.messages.length, 0);
}

// ---------------------------------------------------------------------------------------------
// 1. Accuracy on the corpus

const cases: SecretCase[] = readFileSync(corpusPath, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l));

type Tally = { tp: number; fn: number; fp: number; tn: number };
const ours: Tally = { tp: 0, fn: 0, fp: 0, tn: 0 };
const theirs: Tally = { tp: 0, fn: 0, fp: 0, tn: 0 };
/** expected kind -> counts, and what we called it. */
const perKind = new Map<string, { total: number; detected: number; secretlint: number; as: Map<string, number> }>();
const oursMissed: string[] = [];
const oursFlagged: string[] = [];

function tally(t: Tally, expected: boolean, flagged: boolean): void {
  if (expected) flagged ? t.tp++ : t.fn++;
  else flagged ? t.fp++ : t.tn++;
}

const linesOf = (c: SecretCase): string[] =>
  c.lines_b64 !== undefined ? Buffer.from(c.lines_b64, "base64").toString("utf8").split("\n") : [c.line ?? ""];

for (const c of cases) {
  const lines = linesOf(c);
  const report = await analyze({ diff: addedFile(c.file, lines), config: secretsOnly });
  const ourFindings = report.findings.filter((f) => f.category === "secrets");
  const { files } = parseUnifiedDiff(addedFile(c.file, lines));
  const ourKinds = files.flatMap((f) => scanFile(f).map((h) => h.kind));
  const flagged = ourFindings.length > 0;
  const theirFlag = (await secretlintFlags(`${lines.join("\n")}\n`, c.file)) > 0;
  tally(ours, c.expected.secret, flagged);
  tally(theirs, c.expected.secret, theirFlag);
  if (c.expected.secret && !flagged) oursMissed.push(`${c.id} (${c.expected.kind})`);
  if (!c.expected.secret && flagged) oursFlagged.push(`${c.id}: ${ourFindings[0]!.message}`);
  const key = c.expected.kind ?? "(negative)";
  let k = perKind.get(key);
  if (!k) {
    k = { total: 0, detected: 0, secretlint: 0, as: new Map() };
    perKind.set(key, k);
  }
  k.total++;
  if (flagged) k.detected++;
  if (theirFlag) k.secretlint++;
  const as = ourKinds[0] ?? "-";
  k.as.set(as, (k.as.get(as) ?? 0) + 1);
}

const rate = (t: Tally) => ({
  recall: t.tp / Math.max(1, t.tp + t.fn),
  fpRate: t.fp / Math.max(1, t.fp + t.tn),
  precision: t.tp / Math.max(1, t.tp + t.fp),
});
const fmt = (x: number) => x.toFixed(3);

log(`Corpus: ${cases.length} cases (${ours.tp + ours.fn} secrets, ${ours.fp + ours.tn} negatives) from ${corpusPath}`);
log("");
log("tool                 recall  FP rate  precision   TP  FN  FP  TN");
for (const [name, t] of [
  ["ai-review-gate", ours],
  ["secretlint+recommend", theirs],
] as const) {
  const r = rate(t);
  log(
    `${name.padEnd(20)} ${fmt(r.recall)}   ${fmt(r.fpRate)}    ${fmt(r.precision)}  ${String(t.tp).padStart(3)} ${String(t.fn).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.tn).padStart(3)}`,
  );
}
log("");
log("Per expected kind (cases / flagged by us / flagged by secretlint / what we named it):");
for (const [kind, k] of [...perKind].sort((a, b) => a[0].localeCompare(b[0]))) {
  const names = [...k.as].map(([n, c]) => `${n}×${c}`).join(", ");
  log(
    `  ${kind.padEnd(22)} ${String(k.total).padStart(3)}  ours ${String(k.detected).padStart(3)}  secretlint ${String(k.secretlint).padStart(3)}   ${names}`,
  );
}
if (oursMissed.length) log(`\nWe missed: ${oursMissed.join("; ")}`);
if (oursFlagged.length) log(`We flagged negatives: ${oursFlagged.join("; ")}`);

// ---------------------------------------------------------------------------------------------
// 2. Throughput on a generated tree

const rand = prng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const randomString = (n: number, alphabet = ALNUM) => Array.from({ length: n }, () => pick([...alphabet])).join("");
const WORDS = [
  "user",
  "order",
  "invoice",
  "payment",
  "account",
  "session",
  "cache",
  "request",
  "config",
  "item",
  "total",
  "status",
  "event",
  "queue",
  "retry",
  "limit",
  "token",
  "handler",
  "client",
  "result",
];
const ident = () => pick(WORDS) + pick(WORDS).replace(/^./, (c) => c.toUpperCase());

const codeLine = (): string =>
  pick([
    () => `  const ${ident()} = await ${ident()}(${ident()}, ${Math.floor(rand() * 1000)});`,
    () => `  if (${ident()}.${pick(WORDS)} === "${pick(WORDS)}") return ${ident()};`,
    () => `  // ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} before the ${pick(WORDS)} is sent`,
    () => `  ${ident()}.push({ id: ${ident()}.id, ${pick(WORDS)}: ${ident()} });`,
    () => `  logger.info(\`${pick(WORDS)} \${${ident()}} ${pick(WORDS)}\`);`,
    () => `  const token = await getToken(${ident()});`,
    () => `  return { ...${ident()}, updatedAt: new Date().toISOString() };`,
    () => `}`,
    () => `export function ${ident()}(${ident()}: string, ${ident()}: number): boolean {`,
  ])();
const yamlLine = (): string =>
  pick([
    () => `  ${pick(WORDS)}_${pick(WORDS)}: ${Math.floor(rand() * 100)}`,
    () => `  ${pick(WORDS)}: "${pick(WORDS)}-${pick(WORDS)}"`,
    () => `  password: \${${pick(WORDS).toUpperCase()}_PASSWORD}`,
    () => `  image: registry.example.com/${pick(WORDS)}:${Math.floor(rand() * 10)}.${Math.floor(rand() * 10)}`,
    () => `${pick(WORDS)}:`,
  ])();
const plantedSecret = (): string =>
  pick([
    () => `const apiKey = "${randomString(32)}";`,
    () => `GITHUB_TOKEN=ghp_${randomString(36)}`,
    () => `aws_access_key_id = AKIA${randomString(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}`,
    () => `STRIPE_KEY=sk_live_${randomString(99)}`,
    () => `  url: postgres://app:${randomString(20)}@db.internal:5432/app`,
  ])();

const treeDir = mkdtempSync(join(tmpdir(), "secrets-bench-"));
const tree: { path: string; content: string }[] = [];
for (let i = 0; i < fileCount; i++) {
  const yaml = rand() < 0.25;
  const path = `${pick(["src", "lib", "services", "config", "deploy"])}/${pick(WORDS)}-${i}.${yaml ? "yaml" : "ts"}`;
  const lines: string[] = [];
  const target = 900 + Math.floor(rand() * 700); // ~1.25 KB per file
  let size = 0;
  while (size < target) {
    const l = yaml ? yamlLine() : codeLine();
    lines.push(l);
    size += l.length + 1;
  }
  if (rand() < 0.02) lines.splice(Math.floor(rand() * lines.length), 0, plantedSecret());
  const content = `${lines.join("\n")}\n`;
  tree.push({ path, content });
  mkdirSync(dirname(join(treeDir, path)), { recursive: true });
  writeFileSync(join(treeDir, path), content);
}
const totalBytes = tree.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
const totalLines = tree.reduce((n, f) => n + f.content.split("\n").length - 1, 0);
const MB = 1024 * 1024;

// Ours: read the files, build the PR diff, parse it and run the secrets rules (engine included).
// Warm up once (module JIT), then time the best of three runs.
async function runOurs(): Promise<{ ms: number; findings: number }> {
  const start = performance.now();
  const diff = tree
    .map((f) => addedFile(f.path, readFileSync(join(treeDir, f.path), "utf8").replace(/\n$/, "").split("\n")))
    .join("");
  const report = await analyze({ diff, config: secretsOnly });
  return { ms: performance.now() - start, findings: report.findings.length };
}
await runOurs();
const oursRuns = [await runOurs(), await runOurs(), await runOurs()];
const oursBest = oursRuns.reduce((a, b) => (b.ms < a.ms ? b : a));
const oursMBps = totalBytes / MB / (oursBest.ms / 1000);

// The scanner alone (files already parsed): what the secrets rules add to an engine run.
const parsedTree = parseUnifiedDiff(
  tree.map((f) => addedFile(f.path, f.content.replace(/\n$/, "").split("\n"))).join(""),
).files;
let scanMs = Number.POSITIVE_INFINITY;
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  for (const f of parsedTree) scanFile(f);
  scanMs = Math.min(scanMs, performance.now() - t);
}

// secretlint: a deterministic sample (every Nth file), executeOnFiles on the files on disk.
const step = Math.max(1, Math.floor(tree.length / sampleSize));
const sample = tree.filter((_, i) => i % step === 0).slice(0, sampleSize);
const sampleBytes = sample.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
const slStart = performance.now();
const slResult = await secretlint.executeOnFiles({ filePathList: sample.map((f) => join(treeDir, f.path)) });
const slMs = performance.now() - slStart;
const slFindings = (JSON.parse(slResult.output) as { messages: unknown[] }[]).reduce(
  (n, r) => n + r.messages.length,
  0,
);
const slMBps = sampleBytes / MB / (slMs / 1000);
const slExtrapolatedSec = totalBytes / MB / slMBps;
rmSync(treeDir, { recursive: true, force: true });

log("");
log(`Generated tree: ${tree.length} files, ${(totalBytes / MB).toFixed(2)} MB, ${totalLines} lines (seed 42)`);
log(
  `ai-review-gate (secrets rules, diff parse + engine): ${oursBest.ms.toFixed(0)} ms for the whole tree, ${oursMBps.toFixed(1)} MB/s, ${oursBest.findings} findings`,
);
log(
  `  of which the secret scanner alone (parsed files): ${scanMs.toFixed(0)} ms, ${(totalBytes / MB / (scanMs / 1000)).toFixed(1)} MB/s`,
);
log(
  `secretlint + preset-recommend: ${slMs.toFixed(0)} ms for a sample of ${sample.length} files (${(sampleBytes / MB).toFixed(2)} MB, every ${step}th file), ${slMBps.toFixed(3)} MB/s, ${slFindings} findings in the sample`,
);
log(`  extrapolated to the whole tree by MB/s: ${slExtrapolatedSec.toFixed(1)} s (not measured on the whole tree)`);
log(`Throughput ratio (ours end to end / secretlint, MB/s): ${(oursMBps / slMBps).toFixed(1)}x`);
log(`  (secretlint ran in process through @secretlint/node; its CLI adds start-up and file globbing)`);

const oursRate = rate(ours);
const targets = {
  recall: oursRate.recall >= 0.95,
  fpRate: oursRate.fpRate <= 0.03,
  throughput: oursMBps / slMBps >= 20,
};
log("");
log(
  `Targets: recall >= 0.95 ${targets.recall ? "met" : "MISSED"}; FP <= 3% ${targets.fpRate ? "met" : "MISSED"}; >= 20x secretlint ${targets.throughput ? "met" : "MISSED"}`,
);
if (asJson) {
  console.log(
    JSON.stringify(
      {
        corpus: { cases: cases.length, ours: { ...ours, ...rate(ours) }, secretlint: { ...theirs, ...rate(theirs) } },
        perKind: Object.fromEntries(
          [...perKind].map(([k, v]) => [
            k,
            { total: v.total, ours: v.detected, secretlint: v.secretlint, as: Object.fromEntries(v.as) },
          ]),
        ),
        throughput: {
          files: tree.length,
          bytes: totalBytes,
          ours: { ms: oursBest.ms, mbPerSec: oursMBps, scannerOnlyMs: scanMs },
          secretlint: {
            sampleFiles: sample.length,
            sampleBytes,
            ms: slMs,
            mbPerSec: slMBps,
            extrapolatedSec: slExtrapolatedSec,
          },
          ratio: oursMBps / slMBps,
        },
        targets,
      },
      null,
      2,
    ),
  );
}
if (!Object.values(targets).every(Boolean)) process.exitCode = 1;
