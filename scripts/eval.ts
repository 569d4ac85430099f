/**
 * `npm run eval`: the engine over the labelled corpora, one section each.
 *   shared                  ../shared/corpus/diffs: expected categories, `absent` ones are false alarms
 *   unseen (everyday)       test/corpus/unseen, random + selected commits from repositories no rule was
 *                           shaped on; anything reported that is neither expected nor acceptable is a
 *                           false alarm (skipped, with a note, when its diff cache is missing)
 *   unseen (agent-config)   the commits touching AI-agent configuration (category agent-autonomy)
 *   unseen (agent-config hold-out)  further agent-configuration commits no rule was tuned on
 *   unseen AI authorship    commits labelled AI or not from their recorded identity: recall, precision
 *                           and agent agreement of the detector on the PR facts git gives the CLI
 *   holdout                 test/corpus/holdout, scored like the unseen everyday set: further repositories
 *                           kept out of view while rules change, looked at only when a change is done;
 *                           printed only with `--only holdout`
 * Each section prints the cases with problems, per-category TP/FP/FN with precision and recall, the level
 * agreement, the noise rate (randomly sampled benign commits rated medium or above), and the misses and
 * false alarms grouped by rule id. Scoring is defined in scripts/corpus-score.ts.
 *   --corpus DIR   shared corpus folder (default ../shared/corpus/diffs)
 *   --only NAME    shared | unseen | holdout
 *   --category C   only print this category's rows and cases
 *   --case ID      only this case
 *   --verbose      list each case's findings
 *   --json         machine-readable summaries with per-case results (to diff before/after a change)
 * Levels are scored without the AI raise (`ai.raise_level: 0`): labels rate the change, not its author.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { detectAi } from "../src/ai/detect.js";
import { validateConfig } from "../src/config/load.js";
import { analyze } from "../src/engine/analyze.js";
import { type Category, LEVELS, type Level, type PullRequestFacts, type Report } from "../src/types.js";
import {
  type AiCaseResult,
  type AiSummary,
  type CaseResult,
  type CorpusSummary,
  type Counts,
  type EvalCase,
  scoreAiCase,
  scoreCase,
  summarize,
  summarizeAi,
} from "./corpus-score.js";
import {
  type AiLabel,
  aiCacheKey,
  type CacheIndex,
  cachedDiffPath,
  cachedPrPath,
  cacheMatches,
  HOLDOUT,
  type LabelledSet,
  readAgentHoldoutLabels,
  readAiLabels,
  readCacheIndex,
  readUnseenLabels,
  UNSEEN,
  type UnseenLabel,
} from "./corpus-unseen.js";

interface SharedLabel {
  id: string;
  description: string;
  expected: { categories: Category[]; absent: Category[]; min_level: Level; max_level: Level };
}

interface Loaded {
  evalCase: EvalCase;
  diff: Buffer;
  pr: PullRequestFacts | null;
}

interface Section {
  name: string;
  cases: Loaded[];
}

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sharedDir = resolve(opt("--corpus") ?? join(import.meta.dirname, "../../shared/corpus/diffs"));
const only = opt("--only");
if (only !== undefined && only !== "shared" && only !== "unseen" && only !== "holdout") {
  console.error(`--only takes shared, unseen or holdout, not ${only}`);
  process.exit(2);
}
const onlyCategory = opt("--category");
const onlyCase = opt("--case");
const verbose = args.includes("--verbose");
const asJson = args.includes("--json");
const config = validateConfig({ ai: { raise_level: 0 } });

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

function sharedSection(): Section {
  const labels = readJsonl<SharedLabel>(join(sharedDir, "labels.jsonl"));
  return {
    name: `shared (${sharedDir})`,
    cases: labels.map((label) => {
      const absent = new Set<string>(label.expected.absent);
      return {
        evalCase: {
          id: label.id,
          why: label.description,
          expected: label.expected.categories,
          isFalseAlarm: (category) => absent.has(category),
          minLevel: label.expected.min_level,
          maxLevel: label.expected.max_level,
          random: false,
        },
        diff: readFileSync(join(sharedDir, `${label.id}.diff`)),
        pr: null,
      };
    }),
  };
}

function unseenCase(set: LabelledSet, label: UnseenLabel): Loaded {
  const allowed = new Set([...label.expected, ...label.acceptable]);
  return {
    evalCase: {
      id: label.id,
      why: label.why,
      expected: label.expected,
      isFalseAlarm: (category) => !allowed.has(category),
      minLevel: label.min_level,
      maxLevel: label.max_level,
      random: label.sampling === "random",
    },
    diff: readFileSync(cachedDiffPath(set, label.id)),
    pr: JSON.parse(readFileSync(cachedPrPath(set, label.id), "utf8")) as PullRequestFacts,
  };
}

const howToMaterialize = (set: LabelledSet) =>
  `run \`node --import tsx scripts/corpus-materialize.ts --set ${set.name}\` (needs the fetched repository snapshots)`;

/** Labels whose cached case matches them; a note when some are missing or stale (never a silent pass). */
function cached<T>(
  set: LabelledSet,
  name: string,
  labels: readonly T[],
  isCached: (label: T) => boolean,
): { usable: T[]; notes: string[] } {
  const usable = labels.filter(isCached);
  const skipped = labels.length - usable.length;
  return {
    usable,
    notes:
      skipped > 0
        ? [`${name}: ${skipped} of ${labels.length} cases skipped (cache missing or stale); ${howToMaterialize(set)}`]
        : [],
  };
}

/** A set's sections, or why cases are skipped (the diffs are regenerated locally, never committed). */
function labelledSections(set: LabelledSet, index: CacheIndex): { sections: Section[]; notes: string[] } {
  const isCached = (l: UnseenLabel) =>
    cacheMatches(set, index, l.id, l.provenance.commit, l.provenance.files) && existsSync(cachedDiffPath(set, l.id));
  const { usable, notes } = cached(set, `${set.name} corpus`, readUnseenLabels(set), isCached);
  const holdout = cached(set, `${set.name} agent-config hold-out`, readAgentHoldoutLabels(set), isCached);
  const subset = (name: UnseenLabel["subset"]) =>
    usable.filter((l) => l.subset === name).map((l) => unseenCase(set, l));
  return {
    sections: [
      { name: `${set.name} (everyday: random + selected)`, cases: subset("everyday") },
      { name: `${set.name} (agent-config)`, cases: subset("agent-config") },
      { name: `${set.name} (agent-config hold-out)`, cases: holdout.usable.map((l) => unseenCase(set, l)) },
    ].filter((s) => s.cases.length > 0),
    notes: [...notes, ...holdout.notes],
  };
}

function aiAuthorship(set: LabelledSet, index: CacheIndex): { summary: AiSummary | null; notes: string[] } {
  const { usable, notes } = cached(set, `${set.name} AI authorship`, readAiLabels(set), (l: AiLabel) =>
    cacheMatches(set, index, aiCacheKey(l.id), l.provenance.commit, []),
  );
  if (usable.length === 0) return { summary: null, notes };
  const results: AiCaseResult[] = usable
    .filter((l) => !onlyCase || l.id === onlyCase)
    .map((l) => {
      const pr = JSON.parse(readFileSync(cachedPrPath(set, aiCacheKey(l.id)), "utf8")) as PullRequestFacts;
      return scoreAiCase(l, detectAi(pr, config));
    });
  return { summary: summarizeAi(`${set.name} AI authorship`, results), notes };
}

async function run(section: Section): Promise<{ summary: CorpusSummary; reports: Map<string, Report>; ms: number }> {
  const started = performance.now();
  const results: CaseResult[] = [];
  const reports = new Map<string, Report>();
  for (const { evalCase, diff, pr } of section.cases) {
    if (onlyCase && evalCase.id !== onlyCase) continue;
    const report = await analyze({ diff, pr, config });
    reports.set(evalCase.id, report);
    results.push(scoreCase(evalCase, report));
  }
  return { summary: summarize(section.name, results), reports, ms: performance.now() - started };
}

const pct = (x: number | null) => (x === null ? "  -  " : x.toFixed(2));
const pad = (n: number) => String(n).padStart(3);

function countsRow(label: string, n: Counts): string {
  return `${label.padEnd(22)} ${pad(n.tp)} ${pad(n.fp)} ${pad(n.fn)}  ${pct(n.precision).padStart(9)}  ${pct(n.recall).padStart(6)}`;
}

function relevant(r: CaseResult): boolean {
  if (!onlyCategory) return true;
  return r.hits.includes(onlyCategory) || r.missed.includes(onlyCategory) || onlyCategory in r.found;
}

function problemsOf(r: CaseResult): string[] {
  const issues = [
    ...r.missed.map((c) => `missed ${c}`),
    ...Object.entries(r.falseAlarms).map(([c, rules]) => `false ${c} (${rules.join(", ")})`),
  ];
  if (!r.levelInRange) issues.push(`level ${r.level} (score ${r.score}) outside ${r.minLevel}..${r.maxLevel}`);
  return issues;
}

function grouped(title: string, map: Record<string, string[]>): string[] {
  const entries = Object.entries(map).sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  if (entries.length === 0) return [`${title}: none`];
  return [
    `${title}:`,
    ...entries.map(([key, ids]) => `  ${key.padEnd(44)} ${String(ids.length).padStart(3)}  ${ids.join(", ")}`),
  ];
}

function printAi(summary: AiSummary): void {
  console.log(
    `== ${summary.name}: ${summary.cases} commits (${summary.positives} AI, ${summary.cases - summary.positives} not)`,
  );
  for (const r of summary.results) {
    if (r.correct && r.agentAgrees !== false && !verbose) continue;
    const mark = r.correct && r.agentAgrees !== false ? "✓" : "✗";
    const got = r.detected ? `AI ${r.confidence} [${r.agents.join(", ") || "no agent"}]` : "not AI";
    const want = r.expectedAi ? `AI${r.expectedAgent ? ` (${r.expectedAgent})` : ""}` : "not AI";
    console.log(`${mark} ${r.id}: ${got}, labelled ${want}: ${r.why}`);
  }
  const { tp, fp, fn, tn } = summary;
  console.log("");
  console.log(`TP ${tp}  FP ${fp}  FN ${fn}  TN ${tn}`);
  console.log(`recall ${pct(summary.recall)}  precision ${pct(summary.precision)}`);
  console.log(`agent id agrees: ${summary.agentAgree}/${summary.agentChecked} detected commits with a labelled agent`);
  console.log("");
}

function print(summary: CorpusSummary, reports: Map<string, Report>, ms: number): void {
  console.log(`== ${summary.name}: ${summary.cases} cases`);
  for (const r of summary.results) {
    if (!relevant(r)) continue;
    const issues = problemsOf(r);
    if (issues.length === 0 && !verbose) continue;
    console.log(`${issues.length > 0 ? "✗" : "✓"} ${r.id} [${r.level} ${r.score}] ${issues.join("; ")}`);
    if (verbose || onlyCase) {
      const report = reports.get(r.id)!;
      for (const f of report.findings)
        console.log(`    ${f.severity.padEnd(8)} ${f.ruleId} ${f.file}:${f.line ?? "-"} ${f.message}`);
      for (const w of report.warnings) console.log(`    warning: ${w}`);
    }
  }
  console.log("");
  console.log("category                TP  FP  FN  precision  recall");
  for (const [category, n] of Object.entries(summary.categories)) {
    if (onlyCategory && category !== onlyCategory) continue;
    console.log(countsRow(category, n));
  }
  console.log(countsRow("all", summary.overall));
  console.log("");
  const { ok, total, rate } = summary.levelInRange;
  console.log(`level agreement: ${ok}/${total} (${rate === null ? "-" : (100 * rate).toFixed(1)}%)`);
  console.log(`benign cases rated medium or above: ${summary.benign.ratedMediumPlus} of ${summary.benign.total}`);
  const noise = summary.noise;
  console.log(
    noise.randomBenign === 0
      ? "noise rate: n/a (no randomly sampled benign commits)"
      : `noise rate (random benign commits rated medium or above): ${noise.ratedMediumPlus}/${noise.randomBenign} = ${pct(noise.rate)}`,
  );
  if (summary.aiDetected.length > 0)
    console.log(`AI authorship detected (level not raised here): ${summary.aiDetected.join(", ")}`);
  for (const line of [
    ...grouped("misses by category", summary.misses),
    ...grouped("false alarms by rule id", summary.falseAlarmsByRule),
    ...grouped("noise by rule id (findings at medium+ on random benign commits)", summary.noiseByRule),
    ...grouped("level above range by rule id (the most severe findings)", summary.levelAboveByRule),
  ])
    console.log(line);
  console.log(
    summary.levelBelow.length === 0
      ? "level below range: none"
      : `level below range: ${summary.levelBelow.map((b) => `${b.id} (${b.level} < ${b.min})`).join(", ")}`,
  );
  console.log(`${summary.cases} cases in ${ms.toFixed(0)} ms (levels: ${LEVELS.join(" < ")})`);
  console.log("");
}

const sections: Section[] = [];
const notes: string[] = [];
if (only === undefined || only === "shared") {
  if (existsSync(join(sharedDir, "labels.jsonl"))) sections.push(sharedSection());
  else notes.push(`shared corpus skipped: no labels.jsonl in ${sharedDir}`);
}
let ai: AiSummary | null = null;
// The hold-out set is scored only when asked for by name, so that it stays out of view while rules change.
for (const set of only === undefined ? [UNSEEN] : [UNSEEN, HOLDOUT].filter((s) => s.name === only)) {
  const index = readCacheIndex(set);
  if (!index) {
    notes.push(`${set.name} corpus skipped: no diff cache at ${set.cacheDir}; ${howToMaterialize(set)}`);
    continue;
  }
  const labelled = labelledSections(set, index);
  sections.push(...labelled.sections);
  const authorship = aiAuthorship(set, index);
  ai ??= authorship.summary;
  notes.push(...labelled.notes, ...authorship.notes);
}

const summaries: CorpusSummary[] = [];
for (const section of sections) {
  const { summary, reports, ms } = await run(section);
  summaries.push(summary);
  if (!asJson) print(summary, reports, ms);
}
if (asJson) {
  console.log(JSON.stringify({ version: 1, notes, corpora: summaries, aiAuthorship: ai }, null, 2));
} else {
  if (ai) printAi(ai);
  for (const note of notes) console.log(`note: ${note}`);
}
