/**
 * `npm run eval`: the engine over the labelled diff corpus (../shared/corpus/diffs).
 * Prints per-category TP/FP/FN, precision and recall, and level agreement with min_level/max_level.
 *   --corpus DIR   corpus folder (default ../shared/corpus/diffs)
 *   --category C   only print this category's rows and cases
 *   --case ID      only this case
 *   --verbose      list each case's findings
 *   --json         machine-readable summary
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { analyze } from "../src/engine/analyze.js";
import { CATEGORIES, type Category, LEVELS, type Level, levelRank } from "../src/types.js";

interface Label {
  id: string;
  description: string;
  expected: { categories: Category[]; absent: Category[]; min_level: Level; max_level: Level };
}

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpus = resolve(opt("--corpus") ?? join(import.meta.dirname, "../../shared/corpus/diffs"));
const onlyCategory = opt("--category");
const onlyCase = opt("--case");
const verbose = args.includes("--verbose");
const asJson = args.includes("--json");

const labels: Label[] = readFileSync(join(corpus, "labels.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

type Counts = { tp: number; fp: number; fn: number; tn: number };
const perCategory = new Map<Category, Counts>(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0, tn: 0 }]));
const problems: string[] = [];
let levelOk = 0;
let benignMediumPlus = 0;
let cases = 0;
const started = performance.now();

for (const label of labels) {
  if (onlyCase && label.id !== onlyCase) continue;
  cases++;
  const diff = readFileSync(join(corpus, `${label.id}.diff`));
  const report = await analyze({ diff });
  const found = new Set(report.findings.map((f) => f.category));
  const issues: string[] = [];
  for (const c of label.expected.categories) {
    const counts = perCategory.get(c)!;
    if (found.has(c)) counts.tp++;
    else {
      counts.fn++;
      issues.push(`missed ${c}`);
    }
  }
  for (const c of label.expected.absent) {
    const counts = perCategory.get(c)!;
    if (found.has(c)) {
      counts.fp++;
      issues.push(`false ${c}`);
    } else counts.tn++;
  }
  const lvl = report.risk.level;
  const inRange =
    levelRank(lvl) >= levelRank(label.expected.min_level) && levelRank(lvl) <= levelRank(label.expected.max_level);
  if (inRange) levelOk++;
  else
    issues.push(
      `level ${lvl} (score ${report.risk.score}) outside ${label.expected.min_level}..${label.expected.max_level}`,
    );
  const benign = label.expected.categories.length === 0 || levelRank(label.expected.max_level) <= levelRank("low");
  if (benign && levelRank(lvl) >= levelRank("medium")) benignMediumPlus++;
  const relevant =
    !onlyCategory ||
    label.expected.categories.includes(onlyCategory as Category) ||
    label.expected.absent.includes(onlyCategory as Category) ||
    found.has(onlyCategory as Category);
  if (relevant && (issues.length > 0 || verbose) && !asJson) {
    const mark = issues.length > 0 ? "✗" : "✓";
    problems.push(`${mark} ${label.id} [${lvl} ${report.risk.score}] ${issues.join("; ")}`);
    if (verbose || onlyCase) {
      for (const f of report.findings)
        problems.push(`    ${f.severity.padEnd(8)} ${f.ruleId} ${f.file}:${f.line ?? "-"} ${f.message}`);
      for (const w of report.warnings) problems.push(`    warning: ${w}`);
    }
  }
}
const elapsed = performance.now() - started;

const rows = [...perCategory.entries()].filter(
  ([c, n]) => n.tp + n.fp + n.fn > 0 && (!onlyCategory || c === onlyCategory),
);
const ratio = (a: number, b: number) => (b === 0 ? "  -  " : (a / b).toFixed(2));
if (asJson) {
  console.log(
    JSON.stringify(
      {
        cases,
        levelAgreement: levelOk / cases,
        benignMediumPlus,
        categories: Object.fromEntries(
          rows.map(([c, n]) => [c, { ...n, precision: n.tp / (n.tp + n.fp || 1), recall: n.tp / (n.tp + n.fn || 1) }]),
        ),
      },
      null,
      2,
    ),
  );
} else {
  for (const p of problems) console.log(p);
  console.log("");
  console.log("category                TP  FP  FN  precision  recall");
  for (const [c, n] of rows) {
    console.log(
      `${c.padEnd(22)} ${String(n.tp).padStart(3)} ${String(n.fp).padStart(3)} ${String(n.fn).padStart(3)}  ${ratio(n.tp, n.tp + n.fp).padStart(9)}  ${ratio(n.tp, n.tp + n.fn).padStart(6)}`,
    );
  }
  const tot = rows.reduce((a, [, n]) => ({ tp: a.tp + n.tp, fp: a.fp + n.fp, fn: a.fn + n.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
  console.log(
    `${"all".padEnd(22)} ${String(tot.tp).padStart(3)} ${String(tot.fp).padStart(3)} ${String(tot.fn).padStart(3)}  ${ratio(tot.tp, tot.tp + tot.fp).padStart(9)}  ${ratio(tot.tp, tot.tp + tot.fn).padStart(6)}`,
  );
  console.log("");
  console.log(`level agreement: ${levelOk}/${cases} (${((100 * levelOk) / cases).toFixed(1)}%)`);
  console.log(`benign cases rated medium or above: ${benignMediumPlus}`);
  console.log(`${cases} cases in ${elapsed.toFixed(0)} ms (levels: ${LEVELS.join(" < ")})`);
}
