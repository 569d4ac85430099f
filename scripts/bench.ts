/**
 * `npm run bench`: the whole engine (parse + every rule + scoring + the JSON report) through the CLI on
 * synthetic pull requests of four sizes, up to 20,000 files / 1,000,000 changed lines, in two mixes
 * (`mixed`, `findings-heavy`: see bench-diff.ts), next to a bare eight-regex pass over the same file
 * (bench-baseline.ts) run in the same run, interleaved, so their ratio holds on a busy machine.
 *
 * The CLI is bundled from the working tree (scripts/build.mjs into a temp dir) so a stale dist/ is never
 * measured, and runs as a user runs it: `node cli.js scan --diff FILE --format json --output FILE`, each
 * run its own process with its own peak RSS.
 *
 *   --sizes xs,s,m,l        sizes to run (default all)
 *   --mix mixed,findings-heavy   mixes to run (default both)
 *   --runs N                timed runs of each program per size and mix (default 3; the fastest is kept)
 *   --in-process            time analyze() inside one process per size instead (no startup, no file read,
 *                           no JSON report, after one untimed warm-up run), against the bare pass in the
 *                           same process
 *   --action                also run the Action end to end on a 3,000-file PR (bench-action.ts)
 *   --only-action           only that
 *   --dist DIR              measure this bundle directory instead of building one (e.g. another checkout's)
 *   --cpu-prof DIR          write a V8 CPU profile of every CLI run into DIR, with the bundle they refer to
 *                           (summarize with bench-profile.ts FILE --bundle DIR/cli.js)
 *   --json FILE             also write the results as JSON (for before/after comparisons)
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { transform } from "esbuild";
import { analyze } from "../src/engine/analyze.js";
import { ACTION_PR_FILES, type ActionResult, benchAction } from "./bench-action.js";
import { bareRegexPass } from "./bench-baseline.js";
import { generateDiff, MIXES, type Mix, SIZES, type Size, WARM_UP } from "./bench-diff.js";
import { timedNode } from "./bench-process.js";

const root = fileURLToPath(new URL("..", import.meta.url));

interface Row {
  size: string;
  mix: Mix;
  files: number;
  /** Added plus removed lines. */
  lines: number;
  bytes: number;
  findings: number;
  /** The engine, best of the runs: wall time, CPU time (all threads), peak RSS (the largest). */
  engine: Usage;
  /** The bare regex pass on the same input, likewise. */
  bare: Usage;
}

interface Usage {
  ms: number;
  cpuMs: number;
  rssKb: number;
}

function newRow(size: Size, mix: Mix, text: string, lines: number): Row {
  const none = () => ({ ms: Number.POSITIVE_INFINITY, cpuMs: Number.POSITIVE_INFINITY, rssKb: 0 });
  return {
    size: size.name,
    mix,
    files: size.files,
    lines,
    bytes: Buffer.byteLength(text),
    findings: -1,
    engine: none(),
    bare: none(),
  };
}

/** The fastest wall and CPU time of the runs (least disturbed by other jobs); the largest peak RSS. */
function keepBest(best: Usage, run: Usage): void {
  best.ms = Math.min(best.ms, run.ms);
  best.cpuMs = Math.min(best.cpuMs, run.cpuMs);
  best.rssKb = Math.max(best.rssKb, run.rssKb);
}

interface Options {
  sizes: Size[];
  mixes: Mix[];
  runs: number;
  cpuProfDir?: string;
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string" },
      mix: { type: "string" },
      runs: { type: "string", default: "3" },
      "in-process": { type: "boolean", default: false },
      action: { type: "boolean", default: false },
      "only-action": { type: "boolean", default: false },
      dist: { type: "string" },
      "cpu-prof": { type: "string" },
      json: { type: "string" },
      worker: { type: "string" },
    },
  });
  const sizes = (values.sizes?.split(",") ?? SIZES.map((s) => s.name)).map(
    (name) =>
      SIZES.find((s) => s.name === name) ?? fail(`unknown size ${name} (${SIZES.map((s) => s.name).join(", ")})`),
  );
  const asked = values.mix?.split(",") ?? [...MIXES];
  for (const name of asked) if (!MIXES.some((m) => m === name)) fail(`unknown mix ${name} (${MIXES.join(", ")})`);
  // Always mixed first: the findings-heavy row's per-finding cost is measured against it.
  const mixes = MIXES.filter((m) => asked.includes(m));
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) fail("--runs takes a whole number from 1 to 20");
  return { values, options: { sizes, mixes, runs, cpuProfDir: values["cpu-prof"] } satisfies Options };
}

/** A bundle of the working tree, or the given one; with the bare pass compiled beside it. */
async function prepare(work: string, dist: string | undefined): Promise<{ dist: string; baseline: string }> {
  let dir: string;
  if (dist) {
    dir = resolve(dist);
    if (!existsSync(join(dir, "cli.js"))) fail(`${dir} has no cli.js`);
  } else {
    dir = join(work, "dist");
    execFileSync(process.execPath, [join(root, "scripts/build.mjs"), "--outdir", dir], { cwd: root, stdio: "inherit" });
    // The bundle is ESM; outside the repository its folder needs to say so.
    writeFileSync(join(work, "package.json"), '{"type":"module"}\n');
  }
  const baseline = join(work, "bench-baseline.mjs");
  const source = readFileSync(join(root, "scripts/bench-baseline.ts"), "utf8");
  writeFileSync(baseline, (await transform(source, { loader: "ts", format: "esm" })).code);
  return { dist: dir, baseline };
}

/** One CLI scan of `diffFile`: wall time, peak RSS and the number of findings in its JSON report. */
async function cliRun(work: string, dist: string, diffFile: string, cpuProfDir?: string) {
  const report = join(work, "report.json");
  const prof = cpuProfDir ? ["--cpu-prof", "--cpu-prof-dir", resolve(cpuProfDir)] : [];
  // cwd is the temp dir: no .github/ai-review-gate.yml there, so the defaults apply (every built-in rule).
  const t = await timedNode(
    [...prof, join(dist, "cli.js"), "scan", "--diff", diffFile, "--format", "json", "--output", report],
    { cwd: work },
  );
  const findings = (JSON.parse(readFileSync(report, "utf8")) as { findings: unknown[] }).findings.length;
  rmSync(report);
  return { ...t, findings };
}

async function measureCli(
  work: string,
  dist: string,
  baseline: string,
  o: Options,
): Promise<{ empty: Usage; startup: Usage; rows: Row[] }> {
  // The fixed cost of a scan: process start and module load (an empty diff), plus the parsers each file
  // kind loads on first use (a 240-line diff with every kind: WARM_UP). Net µs/line is after the latter.
  const empty = join(work, "empty.diff");
  writeFileSync(empty, "");
  const warmUp = join(work, "warm-up.diff");
  writeFileSync(warmUp, generateDiff(WARM_UP, "findings-heavy").text);
  const emptyScan: Usage = { ms: Number.POSITIVE_INFINITY, cpuMs: Number.POSITIVE_INFINITY, rssKb: 0 };
  const startup: Usage = { ...emptyScan };
  for (let r = 0; r < o.runs; r++) {
    keepBest(emptyScan, await cliRun(work, dist, empty));
    keepBest(startup, await cliRun(work, dist, warmUp));
  }
  const rows: Row[] = [];
  for (const size of o.sizes) {
    for (const mix of o.mixes) {
      const { text, lines } = generateDiff(size, mix);
      const diffFile = join(work, `${size.name}-${mix}.diff`);
      writeFileSync(diffFile, text);
      const row = newRow(size, mix, text, lines);
      // Interleaved, so both see the same machine.
      for (let r = 0; r < o.runs; r++) {
        keepBest(row.bare, await timedNode([baseline, diffFile]));
        const cli = await cliRun(work, dist, diffFile, o.cpuProfDir);
        keepBest(row.engine, cli);
        row.findings = cli.findings;
      }
      rmSync(diffFile);
      rows.push(row);
      printRow(row, rows, startup);
    }
  }
  return { empty: emptyScan, startup, rows };
}

/** --in-process: one child per size and mix (its own peak RSS), timing analyze() and the bare pass on the same string. */
async function worker(spec: string, runs: number): Promise<void> {
  const [sizeName, mix] = spec.split(":") as [string, Mix];
  const size = SIZES.find((s) => s.name === sizeName)!;
  const { text, lines } = generateDiff(size, mix);
  const row = newRow(size, mix, text, lines);
  const gc = (globalThis as { gc?: () => void }).gc;
  const timed = async <T>(f: () => T | Promise<T>): Promise<{ value: T; usage: Usage }> => {
    gc?.();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const value = await f();
    const c = process.cpuUsage(c0);
    return { value, usage: { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, rssKb: 0 } };
  };
  // One untimed run of each first: JIT tiers and lazily loaded parsers are the process's fixed cost, not
  // the engine's per-line cost, which is what this mode measures.
  bareRegexPass(text);
  await analyze({ diff: text });
  for (let r = 0; r < runs; r++) {
    keepBest(row.bare, (await timed(() => bareRegexPass(text))).usage);
    const engine = await timed(() => analyze({ diff: text }));
    keepBest(row.engine, engine.usage);
    row.findings = engine.value.findings.length;
  }
  // One process holds both: its peak is the engine's (the bare pass holds the text and its lines only).
  row.engine.rssKb = process.resourceUsage().maxRSS;
  console.log(JSON.stringify(row));
}

async function measureInProcess(o: Options): Promise<Row[]> {
  const rows: Row[] = [];
  for (const size of o.sizes)
    for (const mix of o.mixes) {
      const script = fileURLToPath(import.meta.url);
      const { stdout } = await timedNode([
        "--expose-gc",
        "--import",
        "tsx",
        script,
        "--worker",
        `${size.name}:${mix}`,
        "--runs",
        String(o.runs),
      ]);
      const row = JSON.parse(stdout.trim().split("\n").at(-1)!) as Row;
      rows.push(row);
      printRow(row, rows, undefined);
    }
  return rows;
}

const COLUMNS: ReadonlyArray<[string, number]> = [
  ["size", -4],
  ["mix", -14],
  ["files", 6],
  ["lines", 9],
  ["MB", 5],
  ["findings", 8],
  ["time(s)", 7],
  ["cpu(s)", 6],
  ["MB/s", 5],
  ["lines/s", 9],
  ["µs/line", 7],
  ["net µs/line", 11],
  ["net cpu µs/line", 15],
  ["cpu µs/finding", 14],
  ["peak RSS", 8],
  ["bare(s)", 7],
  ["bare cpu", 8],
  ["ratio", 5],
  ["cpu ratio", 9],
];

function tableRow(cells: readonly string[]): string {
  return cells.map((c, i) => (COLUMNS[i]![1] < 0 ? c.padEnd(-COLUMNS[i]![1]) : c.padStart(COLUMNS[i]![1]))).join(" ");
}

/** Below this many extra findings, the per-finding cost drowns in the timing noise. */
const MIN_EXTRA_FINDINGS = 1_000;

function printRow(r: Row, done: readonly Row[], startup: Usage | undefined): void {
  const mb = r.bytes / 1e6;
  const e = r.engine;
  const s = e.ms / 1000;
  // The marginal cost of a finding: the findings-heavy mix has the mixed mix's files, with more findings.
  // A small difference of two large times: CPU time, which other jobs on the machine disturb least.
  const mixed = done.find((x) => x.size === r.size && x.mix === "mixed");
  const perFinding =
    r.mix === "findings-heavy" && mixed && r.findings - mixed.findings >= MIN_EXTRA_FINDINGS
      ? ((e.cpuMs - mixed.engine.cpuMs) * 1000) / (r.findings - mixed.findings)
      : undefined;
  const n = (x: number) => x.toLocaleString("en-US");
  console.log(
    tableRow([
      r.size,
      r.mix,
      n(r.files),
      n(r.lines),
      mb.toFixed(1),
      n(r.findings),
      s.toFixed(2),
      (e.cpuMs / 1000).toFixed(2),
      (mb / s).toFixed(1),
      n(Math.round(r.lines / s)),
      ((e.ms * 1000) / r.lines).toFixed(2),
      startup ? (((e.ms - startup.ms) * 1000) / r.lines).toFixed(2) : "",
      startup ? (((e.cpuMs - startup.cpuMs) * 1000) / r.lines).toFixed(2) : "",
      perFinding === undefined ? "" : perFinding.toFixed(1),
      `${(e.rssKb / 1024).toFixed(0)} MB`,
      (r.bare.ms / 1000).toFixed(2),
      (r.bare.cpuMs / 1000).toFixed(2),
      `${(e.ms / r.bare.ms).toFixed(1)}×`,
      `${(e.cpuMs / r.bare.cpuMs).toFixed(1)}×`,
    ]),
  );
}

function printAction(a: ActionResult): void {
  console.log(
    `${a.mix.padEnd(14)} ${a.files} files, ${a.changedLines.toLocaleString("en-US")} changed lines, ${a.findings.toLocaleString("en-US")} findings: ` +
      `${(a.ms / 1000).toFixed(2)} s wall, ${(a.cpuMs / 1000).toFixed(2)} s CPU, peak RSS ${(a.rssKb / 1024).toFixed(0)} MB, ${a.requests} API requests`,
  );
  const p = a.phases;
  const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `    start ${sec(p.start)}, reads ${sec(p.reads)}, analysis ${sec(p.analysis)}, writes ${sec(p.writes)}, exit ${sec(p.exit)}`,
  );
  for (const [endpoint, n] of Object.entries(a.byEndpoint)) console.log(`    ${String(n).padStart(3)}  ${endpoint}`);
}

function gitHead(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src", "action", "app"], {
      cwd: root,
      encoding: "utf8",
    });
    return dirty.trim() ? `${head} + uncommitted changes` : head;
  } catch {
    return "unknown";
  }
}

async function main(): Promise<void> {
  const { values, options } = parseOptions();
  if (values.worker) return worker(values.worker, options.runs);
  const work = mkdtempSync(join(tmpdir(), "arg-bench-"));
  try {
    const { dist, baseline } = await prepare(work, values.dist);
    if (options.cpuProfDir) {
      mkdirSync(options.cpuProfDir, { recursive: true });
      // The bundle the profiles refer to, for bench-profile.ts --bundle (the temp dir goes at the end).
      copyFileSync(join(dist, "cli.js"), join(options.cpuProfDir, "cli.js"));
    }
    const source = values["in-process"]
      ? `sources of the working tree at ${gitHead()}`
      : values.dist
        ? `bundle ${dist}`
        : `bundle of the working tree at ${gitHead()}`;
    console.log(
      `engine benchmark, Node ${process.version}, ${source}, fastest of ${options.runs} runs, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}\n`,
    );
    const result: { empty?: Usage; startup?: Usage; rows?: Row[]; action?: ActionResult[] } = {};
    const header = tableRow(COLUMNS.map(([name]) => name));
    if (!values["only-action"]) {
      if (values["in-process"]) {
        console.log("in process: analyze() on the diff string, the bare pass on the same string\n");
        console.log(header);
        result.rows = await measureInProcess(options);
      } else {
        console.log("through the CLI: node cli.js scan --diff FILE --format json --output FILE, one process per run\n");
        console.log(header);
        Object.assign(result, await measureCli(work, dist, baseline, options));
        const usage = (u: Usage) =>
          `${(u.ms / 1000).toFixed(2)} s, ${(u.cpuMs / 1000).toFixed(2)} s CPU, ${(u.rssKb / 1024).toFixed(0)} MB`;
        console.log(
          `\nCLI fixed cost: ${usage(result.startup!)} (${WARM_UP.files}-file warm-up diff, every file kind's parser loaded); ` +
            `empty diff: ${usage(result.empty!)}`,
        );
      }
      console.log(
        "time: wall, fastest run; cpu: user + system of all threads, fastest run (steadier on a shared machine).\n" +
          "net µs/line: after the fixed cost (the warm-up diff). cpu µs/finding: the extra CPU time of the findings-heavy mix over the\n" +
          "mixed mix of the same size, per extra finding. ratio: engine time / bare pass time (wall, and CPU).\n" +
          "Target (issue 15): ratio ≤ 7× at size l on both mixes, peak RSS ≤ 1 GB, µs/line flat (±20 %) from s to l.",
      );
    }
    if (values.action || values["only-action"]) {
      console.log(
        `\nthe Action end to end (the bundle's index.js), ${ACTION_PR_FILES}-file PR, loopback GitHub API double:`,
      );
      result.action = [];
      for (const mix of options.mixes) {
        const a = await benchAction(dist, mix, options.runs);
        result.action.push(a);
        printAction(a);
      }
    }
    console.log(`\nload average at the end: ${loadavg()[0]!.toFixed(1)}`);
    if (values.json)
      writeFileSync(values.json, `${JSON.stringify({ node: process.version, source, ...result }, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Run only as a script, so tests and profilers can import from it.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
