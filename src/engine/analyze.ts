import { aiReadNotes, detectAi } from "../ai/detect.js";
import { defaultConfig } from "../config/load.js";
import type { Config } from "../config/schema.js";
import type { ChangedFile } from "../diff/model.js";
import { parseUnifiedDiff } from "../diff/parse.js";
import { activeRules, ruleSetting } from "../rules/index.js";
import type { Rule, RuleFinding } from "../rules/types.js";
import { scannedForSecrets, secretHits } from "../secrets/findings.js";
import { runSecretGuard } from "../secrets/run-secrets.js";
import type {
  AiResult,
  Category,
  CategorySummary,
  Finding,
  NotAnalyzedFile,
  PullRequestFacts,
  Report,
  Severity,
} from "../types.js";
import { bumpSeverity, CATEGORIES, severityRank } from "../types.js";
import { deriveChecklist } from "./checklist.js";
import { decideGate } from "./gate-decision.js";
import { maskReport } from "./mask.js";
import { productionRaised } from "./production-scope.js";
import { ruleContext } from "./rule-context.js";
import { scoreFindings } from "./score.js";

export interface AnalyzeInput {
  /** A unified diff, or files already in the diff model (the Action and App build them from the API). */
  diff: string | Uint8Array | readonly ChangedFile[];
  pr?: PullRequestFacts | null;
  config?: Config;
  /** Precomputed AI result (the adapters may add signals the PR facts lack). */
  ai?: AiResult;
  /** Files the caller could not fetch a patch for, with the reason. */
  notAnalyzed?: NotAnalyzedFile[];
}

const initialized = new WeakSet<Rule>();

async function initRules(rules: readonly Rule[]): Promise<void> {
  await Promise.all(
    rules.map(async (rule) => {
      if (!rule.init || initialized.has(rule)) return;
      await rule.init();
      initialized.add(rule);
    }),
  );
}

function severityOverride(config: Config, rule: Rule): Severity | undefined {
  const o = ruleSetting(config, rule);
  if (typeof o === "string" && o !== "off") return o;
  if (typeof o === "object") return o.severity;
  return undefined;
}

function toFinding(rule: Rule, raw: RuleFinding, override: Severity | undefined, production: boolean): Finding {
  const category: Category = raw.category ?? rule.category;
  let severity: Severity = override ?? raw.severity ?? rule.severity;
  // Production scope raises every other category's finding one step; an explicit override stays as set.
  if (production && !override && category !== "production-config") severity = bumpSeverity(severity);
  return {
    ruleId: rule.id,
    category,
    severity,
    file: raw.file,
    line: raw.line,
    side: raw.side ?? "new",
    // Any rule may quote a line (a dependency URL, an env value): maskReport masks what it carries.
    message: raw.message,
    remediation: raw.remediation ?? rule.remediation,
  };
}

/** Messages already reported per rule, file, side and line (almost always one). */
type SeenFindings = Map<string, string | string[]>;

/**
 * A finding repeats another when rule, place and message agree. The key leaves the message out (long
 * messages made every lookup copy them); the few messages at one place are compared directly.
 */
function isDuplicate(seen: SeenFindings, f: Finding): boolean {
  const key = `${f.ruleId}\u0000${f.file}\u0000${f.side}\u0000${f.line}`;
  const messages = seen.get(key);
  if (messages === undefined) seen.set(key, f.message);
  else if (typeof messages === "string") {
    if (messages === f.message) return true;
    seen.set(key, [messages, f.message]);
  } else {
    if (messages.includes(f.message)) return true;
    messages.push(f.message);
  }
  return false;
}

/** Report order of categories, looked up once per comparison rather than searched (tens of thousands of findings). */
const CATEGORY_RANK = new Map<Category, number>(CATEGORIES.map((c, i) => [c, i]));
const categoryRank = (c: Category) => CATEGORY_RANK.get(c) ?? -1;

function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    categoryRank(a.category) - categoryRank(b.category) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

function summarize(findings: readonly Finding[]): CategorySummary[] {
  const map = new Map<Category, CategorySummary>();
  // Files already listed per category: a set, so tens of thousands of findings stay linear.
  const listed = new Map<Category, Set<string>>();
  for (const f of findings) {
    let s = map.get(f.category);
    let files = listed.get(f.category);
    if (!s || !files) {
      s = { category: f.category, severity: f.severity, count: 0, files: [] };
      files = new Set();
      map.set(f.category, s);
      listed.set(f.category, files);
    }
    s.count++;
    if (severityRank(f.severity) > severityRank(s.severity)) s.severity = f.severity;
    if (!files.has(f.file)) {
      files.add(f.file);
      s.files.push(f.file);
    }
  }
  return [...map.values()].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) || categoryRank(a.category) - categoryRank(b.category),
  );
}

/**
 * The whole analysis: parse, detect AI authorship, run every active rule, apply overrides and
 * production scope, deduplicate, score, derive the checklist and decide the gate. Pure: no I/O.
 * Throws DiffParseError for input that is not a diff; a failing rule becomes a warning, not a crash.
 */
export async function analyze(input: AnalyzeInput): Promise<Report> {
  const config = input.config ?? defaultConfig();
  const warnings: string[] = [];
  let allFiles: readonly ChangedFile[];
  if (typeof input.diff === "string" || input.diff instanceof Uint8Array) {
    const parsed = parseUnifiedDiff(input.diff);
    allFiles = parsed.files;
    warnings.push(...parsed.warnings);
  } else {
    allFiles = input.diff;
  }
  const pr = input.pr ?? null;
  const ai = input.ai ?? detectAi(pr, config);
  if (!input.ai) warnings.push(...aiReadNotes(pr));
  const ctx = ruleContext(allFiles, config, pr, ai);
  const raised = productionRaised(ctx.files, ctx.production);

  const rules = activeRules(config);
  await initRules(rules);
  const seen: SeenFindings = new Map();
  const findings: Finding[] = [];
  for (const rule of rules) {
    let raw: RuleFinding[];
    try {
      raw = await rule.run(ctx);
    } catch (e) {
      warnings.push(`rule ${rule.id} failed: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const override = severityOverride(config, rule);
    for (const r of raw) {
      const f = toFinding(rule, r, override, raised.has(r.file));
      if (!isDuplicate(seen, f)) findings.push(f);
    }
  }
  findings.sort(compareFindings);
  // Every secret this run can see, wherever it sits, for the masking step at the end. Added lines of
  // changed files come from the secrets rules' shared scan (ignored files included).
  const guard = runSecretGuard({
    files: allFiles,
    others: [pr, config, input.notAnalyzed ?? [], input.ai ?? null],
    added: { hits: secretHits(ctx), files: scannedForSecrets(ctx) },
  });

  const risk = scoreFindings(findings, ai, config.ai.raise_level);
  const checklist = deriveChecklist(findings, risk.level, config);
  const gate = decideGate(ctx.files, risk.level, ai, checklist, config, ctx.paths, pr, findings);

  const notAnalyzed: NotAnalyzedFile[] = [...(input.notAnalyzed ?? [])];
  const notAnalyzedPaths = new Set(notAnalyzed.map((n) => n.file));
  for (const f of allFiles) {
    if (f.patchMissing && !notAnalyzedPaths.has(f.path)) {
      notAnalyzedPaths.add(f.path);
      notAnalyzed.push({ file: f.path, reason: f.patchMissing });
    }
  }
  let additions = 0;
  let deletions = 0;
  for (const f of allFiles) {
    additions += f.added.length;
    deletions += f.removed.length;
  }
  const report: Report = {
    version: 1,
    risk: { score: risk.score, level: risk.level, explanation: risk.explanation },
    ai,
    findings,
    gate,
    categories: summarize(findings),
    stats: { files: allFiles.length, additions, deletions },
    notAnalyzed,
    warnings,
  };
  return maskReport(report, guard);
}
