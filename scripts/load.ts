/**
 * `npm run load`: 500 signed webhook deliveries for 50 pull requests (duplicated, reordered,
 * concurrent) against the App on localhost, with the fake GitHub answering instantly.
 *   --prs N (50)   --per-pr N (10)   --concurrency N (4)   --seed S
 *   --instances N  the App in N processes of its own behind a round-robin proxy (default: in this process)
 *   --redis        the instances share one Redis (a redis-server started on a free loopback port)
 *   --kill         SIGKILL one instance mid-run and restart it (with --instances)
 *   LOAD_THROTTLE_PER_PROCESS=1 keeps Probot's throttling in each process (diagnosis: what clustering costs)
 * Prints throughput, p50/p95 handling latency per delivery, peak RSS and the consistency check;
 * exits 1 when an invariant fails or p95 exceeds 200 ms (one App in this process only).
 * `npm run load -- --instances 3 --redis` kills and restarts an instance by default, then replays the
 * same deliveries against a single instance and compares every PR's final check.
 */
import { type FinalState, runLoad } from "../test/e2e/support/load-run.js";

const args = process.argv.slice(2);
const num = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);

const prs = num("--prs", 50);
const perPr = num("--per-pr", 10);
const concurrency = num("--concurrency", 4);
const seed = num("--seed", 20261124);
const instances = args.includes("--instances") ? num("--instances", 1) : undefined;
const redis = args.includes("--redis");
// Several instances sharing Redis are the availability setup: by default one of them dies mid-run.
const kill = args.includes("--kill") || (redis && (instances ?? 1) > 1 && !args.includes("--no-kill"));

const where = instances
  ? `${instances} App process${instances > 1 ? "es" : ""} behind a round-robin proxy${redis ? ", one Redis" : ", no Redis"}${kill ? ", one killed (SIGKILL) and restarted mid-run" : ""}`
  : "one App in this process";
console.log(`load: ${prs} PRs × ${perPr} events, ${concurrency} PRs in flight, seed ${seed}; ${where}`);
const r = await runLoad({ prs, perPr, concurrency, seed, ...(instances ? { instances, redis, kill } : {}) });
console.log(`deliveries       ${r.deliveries} (HTTP ${JSON.stringify(r.statuses)})`);
console.log(`wall time        ${r.seconds.toFixed(2)} s`);
console.log(`throughput       ${r.throughput.toFixed(1)} deliveries/s`);
console.log(`latency          p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`);
for (const [k, v] of Object.entries(r.byKind).sort((a, b) => b[1].n - a[1].n))
  console.log(`  ${k.padEnd(30)} ${String(v.n).padStart(4)}  p50 ${v.p50.toFixed(1)} ms, p95 ${v.p95.toFixed(1)} ms`);
if (!instances)
  console.log(
    `CPU              ${r.cpuPerDelivery.toFixed(1)} ms per delivery (App, fake GitHub and driver in one process)`,
  );
else console.log(`redeliveries     ${r.redeliveries} (answered with an error or cut off, sent again)`);
console.log(`lost ticks       ${r.lostTicks.length}${r.lostTicks.length ? `\n  ${r.lostTicks.join("\n  ")}` : ""}`);
if (!instances) console.log(`peak RSS         ${r.peakRssMb.toFixed(0)} MB (App + fake GitHub in one process)`);
console.log(`API requests     ${r.apiRequests} (${(r.apiRequests / r.deliveries).toFixed(2)} per delivery)`);
if (r.redisRoundTrips > 0)
  console.log(
    `Redis scripts    ${r.redisRoundTrips} (${(r.redisRoundTrips / r.deliveries).toFixed(1)} round trips per delivery: locks, delivery log, Probot's throttling)`,
  );
console.log(`final checks     ${JSON.stringify(r.outcomes)}`);
if (r.staleHead.length > 0)
  console.log(
    `\nSTALE: a redelivery rolled the checklist back to an older head (${r.staleHead.length}):\n  ${r.staleHead.join("\n  ")}`,
  );
if (r.problems.length > 0) console.log(`\nPROBLEMS (${r.problems.length}):\n  ${r.problems.slice(0, 30).join("\n  ")}`);
else console.log("\nconsistent: every PR has exactly one checklist comment and a check that agrees with its ticks");

/** PRs whose final check or ticks differ from a single instance's replay of the same deliveries. */
let differ: string[] = [];
if (instances && (instances > 1 || kill)) {
  const single = await runLoad({ prs, perPr, concurrency, seed });
  const show = (f: FinalState | undefined) =>
    f ? `${f.conclusion} at ${f.head.slice(0, 7)} [${f.ticks.join(", ")}]` : "none";
  differ = Object.keys({ ...r.finals, ...single.finals })
    .filter((n) => JSON.stringify(r.finals[Number(n)]) !== JSON.stringify(single.finals[Number(n)]))
    .map((n) => `PR ${n}: ${show(r.finals[Number(n)])}; single instance: ${show(single.finals[Number(n)])}`);
  console.log(
    differ.length === 0
      ? `replay           every PR's final check and ticks are identical to a single instance's replay (${Object.keys(single.finals).length} PRs)`
      : `\nDIFFERS from a single instance's replay (${differ.length}):\n  ${differ.join("\n  ")}`,
  );
}
// The latency target is for one App in this process; several processes add a proxy and Redis round trips.
const slow = !instances && r.p95 > 200;
if (slow) console.log(`p95 ${r.p95.toFixed(1)} ms is above the 200 ms target`);
const failed = r.problems.length > 0 || r.staleHead.length > 0 || r.lostTicks.length > 0 || differ.length > 0;
process.exitCode = failed || slow ? 1 : 0;
