/**
 * `npm run fuzz`: the long fuzzing run (seeded, reproducible). At least 10,000 cases per target.
 *   --runs N   cases per target (default 10000)   --seed S   (default 20261124)   --only NAME
 * A failure prints fast-check's counterexample and seed; re-run with the same seed to reproduce.
 */
import fc from "fast-check";
import {
  configProperty,
  configText,
  diffShapedText,
  engineProperty,
  mutatedRealDiff,
  parserProperty,
} from "../test/fuzz/engine-properties.js";

const args = process.argv.slice(2);
const numRuns = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 10_000;
const seed = args.includes("--seed") ? Number(args[args.indexOf("--seed") + 1]) : 20261124;
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;

type Target = { name: string; run: (params: fc.Parameters<unknown>) => Promise<void> | void };

const targets: Target[] = [
  {
    name: "diff-parser/arbitrary",
    run: (p) => fc.assert(fc.property(fc.string({ maxLength: 400 }), parserProperty), p as never),
  },
  { name: "diff-parser/diff-shaped", run: (p) => fc.assert(fc.property(diffShapedText, parserProperty), p as never) },
  { name: "diff-parser/mutated-real", run: (p) => fc.assert(fc.property(mutatedRealDiff, parserProperty), p as never) },
  { name: "engine/mutated-real", run: (p) => fc.assert(fc.asyncProperty(mutatedRealDiff, engineProperty), p as never) },
  { name: "config/arbitrary-yaml", run: (p) => fc.assert(fc.property(configText, configProperty), p as never) },
];

// Adapters register their own targets (checklist comment parser, webhook handlers) in this optional module.
try {
  const optional = "../test/fuzz/app-targets.js";
  const extra = (await import(optional)) as { targets?: Target[] };
  targets.push(...(extra.targets ?? []));
} catch (e) {
  if ((e as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND") throw e;
}

let failed = 0;
console.log(`fuzzing ${numRuns} cases per target, seed ${seed}\n`);
for (const t of targets) {
  if (only && !t.name.includes(only)) continue;
  const started = performance.now();
  try {
    await t.run({ numRuns, seed, endOnFailure: true });
    const s = (performance.now() - started) / 1000;
    console.log(`ok    ${t.name.padEnd(28)} ${numRuns} cases in ${s.toFixed(1)} s (${Math.round(numRuns / s)}/s)`);
  } catch (e) {
    failed++;
    console.log(`FAIL  ${t.name}\n${(e as Error).message}\n`);
  }
}
console.log(failed === 0 ? "\nno crash, no hang" : `\n${failed} target(s) failed`);
process.exitCode = failed === 0 ? 0 : 1;
