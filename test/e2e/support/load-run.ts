import { parseBody } from "../../../app/gate/checklist-comment.js";
import { decodeRecord } from "../../../app/gate/record.js";
import { progress } from "../../../app/gate/state.js";
import { deliver } from "../../support/deliver.js";
import { type FakeUser, startFakeGitHub } from "../../support/fake-github.js";
import { prng } from "../../support/prng.js";
import { startAppServer, WEBHOOK_SECRET } from "./app-server.js";
import { type Cluster, startCluster } from "./cluster.js";
import { humanEdit, isTicked, itemIds, pullRequestEvent, setBox } from "./payloads.js";
import { PEOPLE, RISKY_FILES, setUpRepo, sha, sourceFiles } from "./scenario.js";

/**
 * The load scenario shared by `npm run load` (500 deliveries, 50 PRs) and test/e2e/load.test.ts (a
 * reduced run): signed webhooks over HTTP, the fake answering instantly. The App runs in this process,
 * or (`instances`) in that many processes of its own behind a round-robin proxy, sharing one Redis when
 * `redis` is set; `kill` SIGKILLs one of them mid-run and restarts it, and deliveries that fail
 * meanwhile are redelivered with the same id, as GitHub's redelivery does.
 * Each PR plays ten events (open, refused ticks, approvals, a push or a label, redeliveries), lanes of
 * PRs run concurrently, duplicates are delivered concurrently with their original, some edits are held
 * back and delivered after later events (reordering). Human edits are made on the comment as it is
 * when the person acts, as in GitHub's UI. Each PR draws from its own seeded generator, so a PR's
 * events are the same in every run of a seed, whatever the timing: runs can be compared PR by PR.
 */

export interface LoadOptions {
  prs: number;
  /** Events per PR (10 gives 500 deliveries for 50 PRs). */
  perPr?: number;
  /** PRs in flight at once. */
  concurrency?: number;
  seed?: number;
  /** Run the App in this many processes of its own (behind a round-robin proxy) instead of in this one. */
  instances?: number;
  /** The instances share one Redis (REDIS_URL): locks, delivery log, Probot's throttling. */
  redis?: boolean;
  /** SIGKILL one instance when 40% of the deliveries are out, and restart it a second later. */
  kill?: boolean;
}

/** A PR's final state: what the check on its head says, and the ticks its record holds. */
export interface FinalState {
  head: string;
  conclusion: string | null;
  ticks: string[];
}

export interface LoadResult {
  deliveries: number;
  seconds: number;
  throughput: number;
  latencies: number[];
  /** CPU time of the whole process (App, fake GitHub, load driver) per delivery, in ms. */
  cpuPerDelivery: number;
  /** p50/p95 per kind of delivery (event.action, or a redelivery of an earlier one). */
  byKind: Record<string, { n: number; p50: number; p95: number }>;
  p50: number;
  p95: number;
  max: number;
  peakRssMb: number;
  statuses: Record<string, number>;
  problems: string[];
  /** Authorized ticks on the current checklist that ended up neither recorded nor refused with a note. */
  lostTicks: string[];
  /** PRs whose checklist describes an older head than the PR's (a stale redelivery rolled it back). */
  staleHead: string[];
  outcomes: Record<string, number>;
  apiRequests: number;
  violations: string[];
  /** Per PR, for comparing runs of the same seed. */
  finals: Record<number, FinalState>;
  /** Deliveries sent again after an error answer or a cut connection (as GitHub's redelivery would). */
  redeliveries: number;
  /** Round trips to the shared Redis (Lua scripts run; 0 without one). */
  redisRoundTrips: number;
}

/** The reviewers in the scenario who may approve (the others are refused by design). */
const AUTHORIZED = new Set(["alice", "bob"]);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Step =
  | { kind: "pr"; action: "opened" | "synchronize" | "labeled" | "reopened" }
  | { kind: "tick"; by: FakeUser; ids: "items+signoff:1" | "signoff:2" | "first"; delay?: boolean }
  | { kind: "dup" };

function script(rand: () => number, perPr: number): Step[] {
  const steps: Step[] = [
    { kind: "pr", action: "opened" },
    { kind: "tick", by: PEOPLE.reader, ids: "first" },
    { kind: "tick", by: PEOPLE.dana, ids: "first" },
    { kind: "tick", by: PEOPLE.alice, ids: "items+signoff:1", delay: rand() < 0.15 },
    { kind: "pr", action: rand() < 0.5 ? "synchronize" : "labeled" },
    { kind: "tick", by: PEOPLE.alice, ids: "items+signoff:1" },
    rand() < 0.7
      ? { kind: "tick", by: PEOPLE.bob, ids: "signoff:2" }
      : { kind: "tick", by: PEOPLE.reader, ids: "first" },
    { kind: "dup" },
    { kind: "dup" },
    rand() < 0.5 ? { kind: "pr", action: "reopened" } : { kind: "dup" },
  ];
  // Reorder: swap some neighbours after the opening event.
  for (let i = 1; i < steps.length - 1; i++) {
    if (rand() < 0.2) [steps[i], steps[i + 1]] = [steps[i + 1]!, steps[i]!];
  }
  while (steps.length < perPr) steps.push({ kind: "dup" });
  return steps.slice(0, perPr);
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const perPr = opts.perPr ?? 10;
  const seed = opts.seed ?? 20261124;
  const fake = await startFakeGitHub({ maxRequests: 1_000_000, validate: false });
  setUpRepo(fake);
  const cluster: Cluster | null = opts.instances
    ? await startCluster(fake, { instances: opts.instances, redis: !!opts.redis })
    : null;
  const app = cluster ? null : await startAppServer(fake);
  const url = cluster?.url ?? app!.url;
  const total = opts.prs * perPr;
  let sentCount = 0;
  let redeliveries = 0;
  let killing: Promise<void> | null = null;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const problems: string[] = [];
  const staleHead: string[] = [];
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 20);

  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on("unhandledRejection", onUnhandled);

  const numbers: number[] = [];
  for (let i = 0; i < opts.prs; i++) {
    const number = 1000 + i;
    numbers.push(number);
    const head = sha(number);
    fake.addPull({
      number,
      title: `Agent change ${number}`,
      body: "<!-- START COPILOT CODING AGENT TIPS -->",
      user: PEOPLE.copilot,
      head: { ref: `copilot/fix-${number}`, sha: head },
      assignees: ["dana"],
      files: i % 3 === 0 ? sourceFiles(i) : RISKY_FILES,
      commits: [
        {
          sha: head,
          message: "Agent change\n\nCo-authored-by: dana <2001+dana@users.noreply.github.com>",
          author: { name: "Copilot", email: "198982749+Copilot@users.noreply.github.com", login: "Copilot" },
        },
      ],
    });
  }

  const kinds = new Map<string, number[]>();
  /** One delivery, redelivered with the same id until it is answered with success (several instances). */
  const deliverOnce = async (event: string, payload: unknown, id?: string) => {
    const started = performance.now();
    for (let attempt = 0; ; attempt++) {
      const res = await deliver({ url, event, payload, secret: WEBHOOK_SECRET, ...(id ? { id } : {}) }).catch(() => ({
        status: 0,
        ms: 0,
      }));
      if (!cluster || (res.status >= 200 && res.status < 300) || attempt >= 40)
        return { status: res.status, ms: performance.now() - started };
      redeliveries++;
      await new Promise((r) => setTimeout(r, 100 + 50 * attempt));
    }
  };
  const send = async (event: string, payload: unknown, id?: string, kind = "") => {
    if (cluster && opts.kill && !killing && ++sentCount >= 0.4 * total) {
      cluster.kill(1 % (opts.instances ?? 1));
      killing = new Promise((r) => setTimeout(r, 1000)).then(() => cluster.restart(1 % (opts.instances ?? 1)));
    }
    const res = await deliverOnce(event, payload, id);
    latencies.push(res.ms);
    const action = (payload as { action?: string }).action ?? "";
    const k = kind || `${event}.${action}`;
    kinds.set(k, [...(kinds.get(k) ?? []), res.ms]);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    return res;
  };

  const checklist = (n: number) => fake.commentsOn(n).find((c) => c.user.login === fake.botUser.login);
  const recordOn = (n: number) =>
    decodeRecord(
      fake.runsFor(fake.mustPull(n).head.sha).filter((r) => r.app.id === fake.appId)[0]?.output.text ?? "",
    ).find((e) => e.pr === n);
  const lostTicks: string[] = [];

  async function lane(number: number): Promise<void> {
    const rand = prng(seed + number * 7919);
    type D = { event: string; payload: unknown; id: string };
    const sent: D[] = [];
    const held: D[] = [];
    let pushes = 0;
    let pending: Promise<unknown> | null = null;
    const steps = script(rand, perPr);
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      const nextIsDup = steps[i + 1]?.kind === "dup";
      if (step.kind === "dup") {
        // A redelivery: of the event just sent (concurrently with it), or of an older one (stale).
        const again = rand() < 0.5 ? sent.at(-1) : sent[Math.floor(rand() * sent.length)];
        const dup = again ? send(again.event, again.payload, again.id, "redelivery") : Promise.resolve();
        await Promise.all([pending, dup]);
        pending = null;
        continue;
      }
      if (pending) await pending;
      pending = null;
      let delivery: D;
      if (step.kind === "pr") {
        if (step.action === "synchronize") {
          pushes++;
          fake.push(number, sha(number, pushes), {
            message: "Address review",
            author: { name: "Copilot", email: "198982749+Copilot@users.noreply.github.com", login: "Copilot" },
          });
        }
        delivery = {
          event: "pull_request",
          payload: pullRequestEvent(fake, step.action, number),
          id: `${number}-${i}`,
        };
      } else {
        const c = checklist(number);
        if (!c) {
          // No checklist yet (the opening event was reordered): the person comes back after a re-run.
          delivery = {
            event: "pull_request",
            payload: pullRequestEvent(fake, "reopened", number),
            id: `${number}-${i}`,
          };
        } else {
          const ids = itemIds(c.body);
          const chosen =
            step.ids === "first"
              ? ids.slice(0, 1)
              : step.ids === "signoff:2"
                ? ["signoff:2"]
                : ids.filter((id) => id !== "signoff:2");
          const payload = humanEdit(fake, step.by, c.id, (b) => chosen.reduce((acc, id) => setBox(acc, id, true), b));
          delivery = { event: "issue_comment", payload, id: `${number}-${i}` };
          if (step.delay) {
            // Made now, delivered after everything else of this PR (out of order).
            held.push(delivery);
            continue;
          }
        }
      }
      sent.push(delivery);
      let p: Promise<unknown> = send(delivery.event, delivery.payload, delivery.id);
      if (step.kind === "tick" && delivery.event === "issue_comment" && AUTHORIZED.has(step.by.login)) {
        // A tick by an authorized reviewer on the current checklist must show in the record once handled:
        // ticked, or refused with a note saying why. Anything else is a lost tick.
        const by = step.by;
        const edited = delivery.payload as { comment: { body: string }; changes: { body: { from: string } } };
        // The boxes this edit ticked (a box already shown ticked, by an edit still in flight, is no click).
        const chosen = itemIds(edited.comment.body).filter(
          (id) => isTicked(edited.comment.body, id) && !isTicked(edited.changes.body.from, id),
        );
        p = p.then(() => {
          const record = recordOn(number);
          for (const id of chosen) {
            const ticked = record?.ticks.some((t) => t.item === id);
            const refused = record?.audit.some((e) => e.kind === "refused" && e.by?.id === by.id);
            if (!ticked && !refused)
              lostTicks.push(`PR ${number}: @${by.login}'s tick of ${id} is neither recorded nor refused`);
          }
        });
      }
      if (nextIsDup) pending = p;
      else await p;
    }
    if (pending) await pending;
    for (const h of held) await send(h.event, h.payload, h.id);
  }

  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const queue = [...numbers];
  const workers = Array.from({ length: Math.min(opts.concurrency ?? 10, queue.length) }, async () => {
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) await lane(n);
  });
  await Promise.all(workers);
  await killing;
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  process.off("unhandledRejection", onUnhandled);

  // Invariants per PR: one checklist comment; the check on the current head agrees with the signed state
  // in it; every visible tick is by an authorized reviewer; the visible boxes match the state's ticks.
  const outcomes: Record<string, number> = {};
  const finals: Record<number, FinalState> = {};
  for (const n of numbers) {
    const pull = fake.mustPull(n);
    const own = fake.commentsOn(n).filter((c) => c.user.login === fake.botUser.login);
    if (own.length !== 1) {
      problems.push(`PR ${n}: ${own.length} checklist comments`);
      continue;
    }
    const body = own[0]!.body;
    const run = fake.runsFor(pull.head.sha).filter((r) => r.app.id === fake.appId)[0];
    const state = decodeRecord(run?.output.text ?? "").find((e) => e.pr === n);
    if (!state) {
      problems.push(`PR ${n}: no gate record on the head's check run`);
      continue;
    }
    finals[n] = {
      head: pull.head.sha,
      conclusion: run?.conclusion ?? null,
      ticks: state.ticks.map((t) => `${t.item} by ${t.by.login}`).sort(),
    };
    const expected = progress(state).satisfied ? "success" : "action_required";
    outcomes[run?.conclusion ?? "none"] = (outcomes[run?.conclusion ?? "none"] ?? 0) + 1;
    for (const t of state.ticks)
      if (t.by.login !== "alice" && t.by.login !== "bob") problems.push(`PR ${n}: tick by unauthorized @${t.by.login}`);
    if (state.head !== pull.head.sha) {
      staleHead.push(`PR ${n}: record is for ${state.head.slice(0, 7)}, head is ${pull.head.sha.slice(0, 7)}`);
      continue;
    }
    if (!run) problems.push(`PR ${n}: no check run on the head`);
    else if (run.conclusion !== expected)
      problems.push(
        `PR ${n}: check is ${run.conclusion} but the checklist's ticks say ${expected} (${run.output.title})`,
      );
    const parsed = parseBody(body);
    for (const [id, item] of parsed.items) {
      const inState = state.ticks.some((t) => t.item === id);
      if (item.checked !== inState)
        problems.push(`PR ${n}: box ${id} shows ${item.checked} but the state says ${inState}`);
    }
  }
  for (const e of unhandled) problems.push(`unhandled rejection: ${String(e)}`);
  for (const e of app?.errors ?? cluster?.errors ?? []) problems.push(`app logged: ${e.slice(0, 200)}`);

  const sorted = [...latencies].sort((a, b) => a - b);
  const result: LoadResult = {
    deliveries: latencies.length,
    seconds,
    cpuPerDelivery: (cpu.user + cpu.system) / 1000 / latencies.length,
    throughput: latencies.length / seconds,
    latencies,
    byKind: Object.fromEntries(
      [...kinds].map(([k, v]) => {
        const o = [...v].sort((a, b) => a - b);
        return [k, { n: o.length, p50: percentile(o, 50), p95: percentile(o, 95) }];
      }),
    ),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? 0,
    peakRssMb: peakRss / 1024 / 1024,
    statuses,
    problems,
    lostTicks,
    staleHead,
    outcomes,
    apiRequests: fake.requests.length,
    violations: fake.violations,
    finals,
    redeliveries,
    redisRoundTrips: (await cluster?.redisRoundTrips()) ?? 0,
  };
  await app?.close();
  await cluster?.close();
  await fake.close();
  return result;
}
