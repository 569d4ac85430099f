/**
 * Summarizes a V8 CPU profile (`node --cpu-prof`, or `npm run bench -- --cpu-prof DIR`): self time by
 * folder, source module and function, inclusive time, the hottest lines of the top functions and the heaviest
 * call paths into them. With --bundle, positions in the esbuild bundle are mapped to the source module
 * they came from (esbuild marks each module with a `// path` comment line), so the report names src/
 * files, not dist/cli.js.
 *
 * With --against SMALLER.cpuprofile --scale N (the same program on an input N times smaller), it lists
 * the functions whose inclusive time grew more than N times: the costs that grow faster than the input.
 *
 *   node --import tsx scripts/bench-profile.ts FILE.cpuprofile [--bundle dist/cli.js] [--top 30] [--depth 8]
 *        [--against SMALLER.cpuprofile --scale 10]
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
  /** Samples by source line (1-based), when V8 recorded them. */
  positionTicks?: Array<{ line: number; ticks: number }>;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Bundle line (0-based) → the module it came from, from esbuild's `// node_modules/x/y.js` markers. */
function moduleMap(lines: readonly string[]): (line: number) => string | undefined {
  const starts: Array<{ line: number; module: string }> = [];
  lines.forEach((text, line) => {
    const m = /^\/\/ ((?:src|action|app|node_modules)\/\S+\.[cm]?[jt]s)$/.exec(text);
    if (m) starts.push({ line, module: m[1]! });
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found: string | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]!.line <= line) {
        found = starts[mid]!.module;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/** Durations in ms per sample: each sample lasts until the next one (as Chrome's profiler shows it). */
function sampleDurations(p: CpuProfile): number[] {
  const at: number[] = [];
  let t = p.startTime;
  for (const d of p.timeDeltas) {
    t += d;
    at.push(t);
  }
  return at.map((time, i) => ((i + 1 < at.length ? at[i + 1]! : p.endTime) - time) / 1000);
}

type Totals = Map<string, number>;

interface Analysis {
  totalMs: number;
  samples: number;
  self: Totals;
  inclusive: Totals;
  byModule: Totals;
  /** Self time by folder: src/rules/migration, node_modules/yaml, (garbage collector)... */
  byArea: Totals;
  /** Per leaf function: caller chains → ms. */
  paths: Map<string, Totals>;
  /** Per function: source line (1-based, in the profiled file) → ticks. */
  lineTicks: Map<string, Totals>;
}

function add(m: Totals, k: string, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

function analyzeProfile(
  p: CpuProfile,
  bundleLines: readonly string[] | undefined,
  bundleName: string | undefined,
  depth: number,
): Analysis {
  const moduleOf = bundleLines ? moduleMap(bundleLines) : () => undefined;
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inBundle = (f: CallFrame) => bundleName !== undefined && f.url.endsWith(`/${bundleName}`);
  const where = (f: CallFrame): string => {
    if (!f.url) return "";
    if (inBundle(f)) return moduleOf(f.lineNumber) ?? bundleName!;
    return f.url.startsWith("node:") || f.url.startsWith("wasm:") ? f.url : basename(f.url);
  };
  const keyOf = (id: number): string => {
    const f = nodes.get(id)!.callFrame;
    const w = where(f);
    if (!w) return f.functionName;
    // A bundle position is kept beside the module: it tells same-named functions apart and finds them in the bundle.
    const at = inBundle(f) ? `${w} (${bundleName}:${f.lineNumber + 1})` : `${w}:${f.lineNumber + 1}`;
    return `${f.functionName || "(anonymous)"}  ${at}`;
  };
  const moduleKey = (id: number): string => {
    const f = nodes.get(id)!.callFrame;
    if (f.url.startsWith("wasm:")) return "(wasm)";
    return where(f) || f.functionName;
  };

  const durations = sampleDurations(p);
  const a: Analysis = {
    totalMs: durations.reduce((x, y) => x + y, 0),
    samples: p.samples.length,
    self: new Map(),
    inclusive: new Map(),
    byModule: new Map(),
    byArea: new Map(),
    paths: new Map(),
    lineTicks: new Map(),
  };
  p.samples.forEach((id, i) => {
    const d = durations[i]!;
    const leaf = keyOf(id);
    add(a.self, leaf, d);
    const module = moduleKey(id);
    add(a.byModule, module, d);
    add(a.byArea, areaOf(module), d);
    const seen = new Set<string>();
    const chain: string[] = [];
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const k = keyOf(n);
      if (k === "(root)") break;
      if (!seen.has(k)) add(a.inclusive, k, d);
      seen.add(k);
      if (n !== id && chain.length < depth) chain.push(k);
    }
    const callers = a.paths.get(leaf) ?? new Map<string, number>();
    a.paths.set(leaf, callers);
    add(callers, chain.join("  ←  "), d);
  });
  for (const n of p.nodes) {
    if (!n.positionTicks?.length) continue;
    const k = keyOf(n.id);
    const lines = a.lineTicks.get(k) ?? new Map<string, number>();
    a.lineTicks.set(k, lines);
    for (const t of n.positionTicks) add(lines, String(t.line), t.ticks);
  }
  return a;
}

/** The folder of a module: `src/rules/migration/drop-column.ts` → `src/rules/migration`, a package by its name. */
function areaOf(module: string): string {
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (pkg) return `node_modules/${pkg[1]}`;
  if (/^(?:src|action|app)\//.test(module)) return module.slice(0, module.lastIndexOf("/"));
  if (module.startsWith("RegExp: ")) return "(regular expressions)";
  return module;
}

function sorted(m: Totals): Array<[string, number]> {
  return [...m.entries()].sort((x, y) => y[1] - x[1]);
}

function report(a: Analysis, bundleLines: readonly string[] | undefined, top: number): string[] {
  const pct = (ms: number) => `${((100 * ms) / a.totalMs).toFixed(1).padStart(5)} %`;
  const rows = (m: Totals, n: number) =>
    sorted(m)
      .slice(0, n)
      .map(([k, ms]) => `  ${ms.toFixed(0).padStart(7)} ms ${pct(ms)}  ${k}`);
  const topFunctions = sorted(a.self).slice(0, Math.min(top, 12));
  const out = [
    `profile: ${a.totalMs.toFixed(0)} ms sampled, ${a.samples} samples`,
    "",
    "self time by folder:",
    ...rows(a.byArea, top),
    "",
    "self time by source module:",
    ...rows(a.byModule, top),
    "",
    "self time by function:",
    ...rows(a.self, top),
    "",
    "inclusive time by function:",
    ...rows(a.inclusive, top),
    "",
    `the top ${topFunctions.length} functions: hottest lines (share of the function's samples), heaviest callers`,
  ];
  for (const [fn, ms] of topFunctions) {
    out.push(`  ${fn}  ${ms.toFixed(0)} ms`);
    const lines = a.lineTicks.get(fn);
    if (lines && bundleLines) {
      const ticks = [...lines.values()].reduce((x, y) => x + y, 0);
      for (const [line, n] of sorted(lines).slice(0, 3))
        out.push(
          `    ${((100 * n) / ticks).toFixed(0).padStart(3)} %  line ${line}: ${(bundleLines[Number(line) - 1] ?? "").trim().slice(0, 100)}`,
        );
    }
    for (const [chain, t] of sorted(a.paths.get(fn)!).slice(0, 3))
      out.push(`    ${t.toFixed(0).padStart(6)} ms  ← ${chain || "(top)"}`);
  }
  return out;
}

/** Functions whose inclusive time grew more than `scale` times from the smaller run, by the excess (ms). */
function growth(big: Analysis, small: Analysis, scale: number, top: number): string[] {
  const rows = [...big.inclusive.entries()]
    .map(([k, ms]) => {
      const before = small.inclusive.get(k) ?? 0;
      return { k, ms, before, excess: ms - scale * before };
    })
    .filter((r) => r.excess > 0)
    .sort((x, y) => y.excess - x.excess)
    .slice(0, top);
  return [
    `growth against the ${scale}× smaller run (${small.totalMs.toFixed(0)} ms → ${big.totalMs.toFixed(0)} ms, ${(big.totalMs / small.totalMs).toFixed(1)}×):`,
    "functions whose inclusive time grew more than the input, by the time above linear growth",
    "   excess      small →      big   growth",
    ...rows.map(
      (r) =>
        `  ${r.excess.toFixed(0).padStart(7)} ms ${r.before.toFixed(0).padStart(7)} ms → ${r.ms.toFixed(0).padStart(7)} ms ${(r.before ? `${(r.ms / r.before).toFixed(0)}×` : "new").padStart(7)}  ${r.k}`,
    ),
  ];
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      bundle: { type: "string" },
      top: { type: "string", default: "30" },
      depth: { type: "string", default: "8" },
      against: { type: "string" },
      scale: { type: "string", default: "10" },
    },
  });
  const file = positionals[0];
  if (!file) {
    console.error(
      "usage: bench-profile.ts FILE.cpuprofile [--bundle dist/cli.js] [--top 30] [--depth 8] [--against SMALLER.cpuprofile --scale 10]",
    );
    process.exit(2);
  }
  const bundleLines = values.bundle ? readFileSync(values.bundle, "utf8").split("\n") : undefined;
  const bundleName = values.bundle ? basename(values.bundle) : undefined;
  const load = (f: string) =>
    analyzeProfile(JSON.parse(readFileSync(f, "utf8")) as CpuProfile, bundleLines, bundleName, Number(values.depth));
  const a = load(file);
  const top = Number(values.top);
  const out = values.against ? growth(a, load(values.against), Number(values.scale), top) : report(a, bundleLines, top);
  console.log(out.join("\n"));
}

main();
