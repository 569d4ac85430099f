/**
 * `npm run bench`: the whole engine (parse + every rule + scoring) on synthetic diffs of four sizes,
 * up to ~20,000 files / 1,000,000 changed lines, mixing source, tests, SQL migrations, Terraform,
 * Kubernetes YAML, workflows and lockfiles. Each size runs in its own process so peak RSS is its own.
 * Prints MB/s, lines/s and peak RSS per size, and the cost per line to check that growth is linear.
 *   --sizes a,b   only these size names (xs,s,m,l)   --runs N   timed runs per size (default 3, best kept)
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { analyze } from "../src/engine/analyze.js";
import { prng } from "../test/support/prng.js";

interface Size {
  name: string;
  files: number;
  linesPerFile: number;
}
const SIZES: Size[] = [
  { name: "xs", files: 200, linesPerFile: 50 },
  { name: "s", files: 2_000, linesPerFile: 50 },
  { name: "m", files: 6_000, linesPerFile: 50 },
  { name: "l", files: 20_000, linesPerFile: 50 },
];

const KINDS = ["ts", "py", "test", "sql", "tf", "k8s", "workflow", "lock", "go", "md"] as const;

function fileFor(kind: (typeof KINDS)[number], i: number): { path: string; line: (n: number) => string } {
  switch (kind) {
    case "ts":
      return {
        path: `packages/p${i % 50}/src/module${i}.ts`,
        line: (n) => `  const value${n} = compute(input${n}, { retries: ${n % 7} }); // step ${n}`,
      };
    case "py":
      return {
        path: `service/app/handlers/h${i}.py`,
        line: (n) => `    result_${n} = session.query(Model).filter(Model.id == ${n}).first()`,
      };
    case "test":
      return {
        path: `packages/p${i % 50}/test/module${i}.test.ts`,
        line: (n) => `  it("handles case ${n}", () => expect(fn(${n})).toBe(${n * 2}));`,
      };
    case "sql":
      return {
        path: `db/migrations/V${i}__change_${i}.sql`,
        line: (n) =>
          n % 10 === 0
            ? `ALTER TABLE t${i} ADD COLUMN c${n} integer;`
            : `INSERT INTO audit_log (event, n) VALUES ('seed', ${n});`,
      };
    case "tf":
      return {
        path: `infra/modules/m${i}/main.tf`,
        line: (n) =>
          n % 5 === 0
            ? `resource "aws_s3_bucket" "b${i}_${n}" {`
            : n % 5 === 4
              ? "}"
              : `  tags = { Name = "b${n}", Team = "platform" }`,
      };
    case "k8s":
      return {
        path: `deploy/k8s/app${i}.yaml`,
        line: (n) => (n % 10 === 0 ? "---" : `    app.kubernetes.io/component-${n}: web`),
      };
    case "workflow":
      return {
        path: `.github/workflows/ci${i}.yml`,
        line: (n) => `      - run: npm run task-${n} -- --shard ${n % 4}`,
      };
    case "lock":
      return {
        path: `packages/p${i}/package-lock.json`,
        line: (n) =>
          `      "integrity": "sha512-${Buffer.from(`pkg${i}-${n}-integrity-hash-value`).toString("base64")}",`,
      };
    case "go":
      return {
        path: `internal/svc${i}/handler.go`,
        line: (n) => `\tif err := h.store.Put(ctx, key${n}); err != nil { return fmt.Errorf("put: %w", err) }`,
      };
    default:
      return { path: `docs/guide${i}.md`, line: (n) => `Step ${n}: run the command and check the output carefully.` };
  }
}

export function generateDiff(size: Size, seed = 42): { text: string; lines: number } {
  const rand = prng(seed);
  const parts: string[] = [];
  let lines = 0;
  for (let i = 0; i < size.files; i++) {
    const kind = KINDS[Math.floor(rand() * KINDS.length)]!;
    const { path, line } = fileFor(kind, i);
    const n = size.linesPerFile;
    const mode = rand();
    if (mode < 0.6) {
      // Modified: half removed, half added, with context.
      const half = n / 2;
      parts.push(`diff --git a/${path} b/${path}\nindex 1111111..2222222 100644\n--- a/${path}\n+++ b/${path}\n`);
      parts.push(`@@ -10,${half + 2} +10,${half + 2} @@ context\n ${line(0)}\n`);
      for (let k = 1; k <= half; k++) parts.push(`-${line(k)}\n`);
      for (let k = 1; k <= half; k++) parts.push(`+${line(k + 1000)}\n`);
      parts.push(` ${line(9999)}\n`);
    } else if (mode < 0.95) {
      parts.push(
        `diff --git a/${path} b/${path}\nnew file mode 100644\nindex 0000000..3333333\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,${n} @@\n`,
      );
      for (let k = 1; k <= n; k++) parts.push(`+${line(k)}\n`);
    } else {
      parts.push(
        `diff --git a/${path} b/${path}\ndeleted file mode 100644\nindex 4444444..0000000\n--- a/${path}\n+++ /dev/null\n@@ -1,${n} +0,0 @@\n`,
      );
      for (let k = 1; k <= n; k++) parts.push(`-${line(k)}\n`);
    }
    lines += n;
  }
  return { text: parts.join(""), lines };
}

async function worker(name: string, runs: number): Promise<void> {
  const size = SIZES.find((s) => s.name === name)!;
  const { text, lines } = generateDiff(size);
  const bytes = Buffer.byteLength(text);
  let best = Number.POSITIVE_INFINITY;
  let findings = 0;
  for (let r = 0; r < runs; r++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    const report = await analyze({ diff: text });
    const ms = performance.now() - t0;
    best = Math.min(best, ms);
    findings = report.findings.length;
  }
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ name, files: size.files, lines, bytes, ms: best, findings, rssMb }));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const workerName = args.includes("--worker") ? args[args.indexOf("--worker") + 1] : undefined;
  const runs = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 3;
  if (workerName) return worker(workerName, runs);
  const names = args.includes("--sizes") ? args[args.indexOf("--sizes") + 1]!.split(",") : SIZES.map((s) => s.name);
  console.log(
    `engine benchmark, Node ${process.version}, best of ${runs} runs per size, each size in its own process\n`,
  );
  console.log("size   files    lines     MB    time(s)   MB/s     lines/s    µs/line  findings  peak RSS");
  for (const name of names) {
    const out = execFileSync(
      process.execPath,
      ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), "--worker", name, "--runs", String(runs)],
      { encoding: "utf8", maxBuffer: 1 << 20 },
    );
    const r = JSON.parse(out.trim().split("\n").at(-1)!);
    const mb = r.bytes / 1e6;
    const s = r.ms / 1000;
    console.log(
      `${r.name.padEnd(5)} ${String(r.files).padStart(6)} ${String(r.lines).padStart(8)} ${mb.toFixed(1).padStart(6)} ${s.toFixed(3).padStart(9)} ${(mb / s).toFixed(1).padStart(7)} ${Math.round(
        r.lines / s,
      )
        .toLocaleString("en-US")
        .padStart(
          11,
        )} ${((r.ms * 1000) / r.lines).toFixed(2).padStart(9)} ${String(r.findings).padStart(9)}  ${r.rssMb.toFixed(0)} MB`,
    );
  }
  console.log(
    "\nTarget: the largest size (l) in under 3 s and 1 GB RSS; µs/line roughly constant across sizes (linear growth).",
  );
}

// Run only as a script, so tests and profilers can import generateDiff.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
