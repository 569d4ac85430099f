/**
 * `npm run load`: 500 signed webhook deliveries for 50 pull requests (duplicated, reordered,
 * concurrent) against one App process on localhost, with the fake GitHub answering instantly.
 *   --prs N (50)   --per-pr N (10)   --concurrency N (4)   --seed S
 * Prints throughput, p50/p95 handling latency per delivery, peak RSS and the consistency check;
 * exits 1 when an invariant fails or p95 exceeds 200 ms.
 */
import { runLoad } from "../test/e2e/support/load-run.js";

const args = process.argv.slice(2);
const num = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);

const prs = num("--prs", 50);
const perPr = num("--per-pr", 10);
const concurrency = num("--concurrency", 4);
const seed = num("--seed", 20261124);

console.log(`load: ${prs} PRs × ${perPr} events, ${concurrency} PRs in flight, seed ${seed}`);
const r = await runLoad({ prs, perPr, concurrency, seed });
console.log(`deliveries       ${r.deliveries} (HTTP ${JSON.stringify(r.statuses)})`);
console.log(`wall time        ${r.seconds.toFixed(2)} s`);
console.log(`throughput       ${r.throughput.toFixed(1)} deliveries/s`);
console.log(`latency          p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`);
for (const [k, v] of Object.entries(r.byKind).sort((a, b) => b[1].n - a[1].n))
  console.log(`  ${k.padEnd(30)} ${String(v.n).padStart(4)}  p50 ${v.p50.toFixed(1)} ms, p95 ${v.p95.toFixed(1)} ms`);
console.log(
  `CPU              ${r.cpuPerDelivery.toFixed(1)} ms per delivery (App, fake GitHub and driver in one process)`,
);
console.log(`lost ticks       ${r.lostTicks.length}${r.lostTicks.length ? `\n  ${r.lostTicks.join("\n  ")}` : ""}`);
console.log(`peak RSS         ${r.peakRssMb.toFixed(0)} MB (App + fake GitHub in one process)`);
console.log(`API requests     ${r.apiRequests} (${(r.apiRequests / r.deliveries).toFixed(1)} per delivery)`);
console.log(`final checks     ${JSON.stringify(r.outcomes)}`);
if (r.staleHead.length > 0)
  console.log(
    `\nSTALE: a redelivery rolled the checklist back to an older head (${r.staleHead.length}):\n  ${r.staleHead.join("\n  ")}`,
  );
if (r.problems.length > 0) console.log(`\nPROBLEMS (${r.problems.length}):\n  ${r.problems.slice(0, 30).join("\n  ")}`);
else console.log("\nconsistent: every PR has exactly one checklist comment and a check that agrees with its ticks");
const slow = r.p95 > 200;
if (slow) console.log(`p95 ${r.p95.toFixed(1)} ms is above the 200 ms target`);
process.exitCode = r.problems.length > 0 || r.staleHead.length > 0 || r.lostTicks.length > 0 || slow ? 1 : 0;
