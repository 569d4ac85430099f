import { singleLine } from "../text/controls.js";
import { markdownCode, markdownProse, markdownText } from "../text/markdown.js";
import { type Category, type ChecklistItem, type Finding, type Report, severityRank } from "../types.js";
import { compareReports, digestBlock, digestOf, type ReportChanges, type ReportDigest } from "./changes.js";
import { withFinalPass } from "./final-pass.js";
import { findingHref, type LinkBase } from "./links.js";
import { CATEGORY_TITLES, LEVEL_EMOJI, plural, SEVERITY_EMOJI } from "./titles.js";

export interface MarkdownOptions extends LinkBase {
  /** Hidden marker put first, so the Action finds its sticky comment again. */
  marker?: string;
  /** GitHub rejects comments over 65,536 characters; stay under this by summarizing. */
  maxLength?: number;
  /** Findings listed per rule before the rest is left to the SARIF/JSON reports (reduced automatically to fit). */
  perRule?: number;
  /** Who may tick a category's checklist item (`gate.routes` of the config). */
  routes?: Partial<Record<Category, { team?: string | undefined; codeowners?: boolean | undefined }>>;
  /** The digest to compare against (see `comparisonBase`): the comment then says what changed since. */
  previous?: ReportDigest;
  /** The last report's digest was present but unreadable (edited by hand, or another version's). */
  previousUnreadable?: boolean;
  /** Put this report's digest in the body (a hidden block) for the next run to compare against. */
  digest?: boolean;
}

export const COMMENT_LIMIT = 65_536;
/** Findings shown in a rule's list before the rest folds. */
const FOLD_AFTER = 5;

/** Text inside an HTML `<summary>`: Markdown does not apply there, HTML does. */
function htmlText(text: string): string {
  return singleLine(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function locationLink(f: Pick<Finding, "file" | "line" | "side">, opts: MarkdownOptions): string {
  const label = markdownCode(f.line === null ? f.file : `${f.file}:${f.line}`);
  const href = findingHref(f, opts);
  return href ? `[${label}](${href})` : label;
}

interface Shown {
  /** Findings new since the last report (by identity), when there was one. */
  added: Set<Finding>;
}

function findingLine(f: Finding, opts: MarkdownOptions, shown: Shown): string {
  const isNew = shown.added.has(f) ? " 🆕" : "";
  const removed = f.side === "old" ? " _(removed line)_" : "";
  return `${SEVERITY_EMOJI[f.severity]}${isNew} ${locationLink(f, opts)} ${markdownText(f.message)}${removed}`;
}

/** The three findings a reviewer reads first: the most severe, one per rule before a rule repeats. */
export function topFindings(findings: readonly Finding[], n = 3): Finding[] {
  // Findings come most severe first; the picks keep that order. Another rule's finding is preferred
  // over a repeat only when it is as severe as what the plain top n would show.
  const floor = severityRank(findings[Math.min(n, findings.length) - 1]?.severity ?? "low");
  const rules = new Set<string>();
  const picked = new Set<number>();
  for (const [i, f] of findings.entries()) {
    if (picked.size >= n || severityRank(f.severity) < floor) break;
    if (!rules.has(f.ruleId)) picked.add(i);
    rules.add(f.ruleId);
  }
  for (let i = 0; i < findings.length && picked.size < n; i++) picked.add(i);
  return [...picked].sort((a, b) => a - b).map((i) => findings[i]!);
}

function whoMustAct(report: Report, opts: MarkdownOptions): string {
  const { gate } = report;
  if (!gate.required) return "";
  const teams = new Map<string, string[]>();
  let owners = false;
  for (const item of gate.checklist) {
    const route = item.category ? opts.routes?.[item.category] : undefined;
    if (route?.team) {
      const team = `@${route.team.replace(/^@/, "")}`;
      teams.set(team, [...(teams.get(team) ?? []), CATEGORY_TITLES[item.category!]]);
    }
    if (route?.codeowners) owners = true;
  }
  const routed = [...teams].map(([team, cats]) => `${markdownCode(team)} ticks ${cats.join(", ")}`);
  if (owners) routed.push("code owners tick their files' items");
  return (
    `**Who must act:** ${plural(gate.approvals, "distinct human approver")}, in the AI Review Gate app's checklist comment` +
    `${routed.length ? ` (${routed.join("; ")})` : ""}.`
  );
}

function rollbackLine(report: Report): string {
  const rb = report.gate.rollback;
  if (!rb?.required) return "";
  const state = rb.present ? "✅ present" : "❌ missing";
  return `**Rollback plan** (${markdownCode(`## ${rb.heading}`)} in the description): ${state} — ${markdownProse(rb.reason)}`;
}

function changesLine(c: ReportChanges | null, unreadable: boolean, risk: Report["risk"]): string {
  if (unreadable) return "**Since the last report:** its summary could not be read (edited?), so no comparison.";
  if (!c) return "";
  const parts = [`🆕 ${c.added.length} new`, `✔️ ${c.resolved.reduce((n, r) => n + r.count, 0)} resolved`];
  parts.push(`${c.unchanged} unchanged`);
  const at = c.previous.head ? ` (at ${markdownCode(c.previous.head.slice(0, 7))})` : "";
  const moved =
    c.previous.level === risk.level && c.previous.score === risk.score
      ? `risk unchanged (${risk.level} ${risk.score})`
      : `risk ${c.previous.level} ${c.previous.score} → **${risk.level} ${risk.score}**`;
  const partial = c.partial ? " (the last report was too large to compare in full: counts are approximate)" : "";
  return `**Since the last report${at}:** ${parts.join(" · ")} · ${moved}${partial}.`;
}

function resolvedList(c: ReportChanges | null): string[] {
  if (!c || c.resolved.length === 0) return [];
  const items = c.resolved.slice(0, 20).map((r) => `${markdownCode(r.ruleId)} ×${r.count}`);
  const more = c.resolved.length > 20 ? `, and ${c.resolved.length - 20} more rules` : "";
  return [`Resolved since then: ${items.join(", ")}${more}.`, ""];
}

/** One rule's remediation, once, with the rule's findings under it; a long list folds after a few. */
function ruleBlock(findings: readonly Finding[], opts: MarkdownOptions, shown: Shown, perRule: number): string[] {
  const first = findings[0]!;
  const out = [
    `**${markdownCode(first.ruleId)}** (${plural(findings.length, "finding")}) · ${markdownProse(first.remediation)}`,
    "",
  ];
  const listed = findings.slice(0, perRule);
  for (const f of listed.slice(0, FOLD_AFTER)) out.push(`- ${findingLine(f, opts, shown)}`);
  if (listed.length > FOLD_AFTER) {
    out.push("", `<details><summary>${listed.length - FOLD_AFTER} more</summary>`, "");
    for (const f of listed.slice(FOLD_AFTER)) out.push(`- ${findingLine(f, opts, shown)}`);
    out.push("", "</details>");
  }
  if (findings.length > listed.length)
    out.push("", `… and ${findings.length - listed.length} more (see the SARIF report or the JSON output)`);
  out.push("");
  return out;
}

function checklistLine(item: ChecklistItem, report: Report, opts: MarkdownOptions): string {
  const covered = item.category ? report.findings.filter((f) => f.category === item.category) : [];
  const top = covered[0];
  const where = top
    ? ` — covers ${locationLink(top, opts)}${covered.length > 1 ? ` and ${covered.length - 1} more` : ""}`
    : "";
  return `- ◻️ ${markdownProse(item.text)}${where}`;
}

function render(report: Report, opts: MarkdownOptions, perRule: number, withEvidence: boolean): string {
  const { risk, ai, gate } = report;
  const changes = opts.previous ? compareReports(opts.previous, report) : null;
  const shown: Shown = { added: new Set(changes?.added ?? []) };
  const out: string[] = [];
  if (opts.marker) out.push(opts.marker);

  // The top: verdict and why, who must act, the three most severe findings, rollback, what changed.
  const verdict = gate.required
    ? `human review required (${plural(gate.approvals, "approver")})`
    : "no human review required";
  out.push(`## ${LEVEL_EMOJI[risk.level]} AI Review Gate: risk **${risk.level}** (${risk.score}/100) · ${verdict}`, "");
  const authored = ai.detected
    ? `AI-authored (${ai.confidence}${ai.agents.length ? `, ${ai.agents.map(markdownCode).join(", ")}` : ""})`
    : "no AI signal";
  const scope = `${plural(report.findings.length, "finding")} in ${plural(report.stats.files, "file")} (+${report.stats.additions} −${report.stats.deletions})`;
  const top: string[] = [`**Why:** ${markdownText(gate.reason)}. ${authored}; ${scope}.`];
  const who = whoMustAct(report, opts);
  if (who) top.push(who);
  const rollback = rollbackLine(report);
  if (rollback) top.push(rollback);
  const since = changesLine(changes, opts.previousUnreadable === true, risk);
  if (since) top.push(since);
  // A backslash ends a line in any Markdown view (comments, job summaries, docs), and only once.
  out.push(top.join("\\\n"), "");
  const picks = topFindings(report.findings);
  if (picks.length > 0) {
    picks.forEach((f, i) => {
      out.push(`${i + 1}. ${findingLine(f, opts, shown)}`);
    });
    out.push("");
  } else {
    out.push("No risky change found.", "");
  }
  out.push(...resolvedList(changes));

  // Everything else folds: one section per category, one remediation per rule inside.
  for (const g of report.categories) {
    const findings = report.findings.filter((f) => f.category === g.category);
    const news = findings.filter((f) => shown.added.has(f)).length;
    const summary = `${SEVERITY_EMOJI[g.severity]} <b>${htmlText(CATEGORY_TITLES[g.category])}</b> · ${plural(g.count, "finding")} in ${plural(g.files.length, "file")}${news ? ` · ${news} new` : ""}`;
    out.push(`<details><summary>${summary}</summary>`, "");
    const byRule = new Map<string, Finding[]>();
    for (const f of findings) {
      const group = byRule.get(f.ruleId);
      if (group) group.push(f);
      else byRule.set(f.ruleId, [f]);
    }
    for (const group of byRule.values()) out.push(...ruleBlock(group, opts, shown, perRule));
    out.push("</details>", "");
  }

  if (gate.checklist.length > 0) {
    // Plain items, not task boxes: ticks here would count for nothing; the App's own comment holds the gate.
    const where = gate.required ? " · tick them in the AI Review Gate app's checklist comment" : "";
    out.push(
      `<details><summary>☑️ <b>Review checklist</b> · ${plural(gate.checklist.length, "item")}${where}</summary>`,
      "",
    );
    for (const item of gate.checklist) out.push(checklistLine(item, report, opts));
    const rb = gate.rollback;
    if (rb?.present && rb.text)
      out.push("", `Rollback plan as written: ${markdownText(Array.from(rb.text).slice(0, 600).join(""))}`);
    out.push("", "</details>", "");
  }

  if (withEvidence && ai.evidence.length > 0) {
    out.push("<details><summary>AI authorship evidence</summary>", "");
    for (const e of ai.evidence.slice(0, 20))
      out.push(
        `- **${markdownText(e.signal)}** (${markdownText(e.weight)}) in ${markdownCode(e.where)}: ${markdownCode(e.match)}`,
      );
    if (ai.evidence.length > 20) out.push(`- … and ${ai.evidence.length - 20} more`);
    out.push("", "</details>", "");
  }
  if (report.notAnalyzed.length > 0) {
    const max = Math.max(perRule, 3) * 2;
    out.push(`<details><summary>Not analyzed (${report.notAnalyzed.length})</summary>`, "");
    for (const n of report.notAnalyzed.slice(0, max)) out.push(`- ${markdownCode(n.file)}: ${markdownText(n.reason)}`);
    if (report.notAnalyzed.length > max) out.push(`- … and ${report.notAnalyzed.length - max} more`);
    out.push("", "</details>", "");
  }
  if (report.warnings.length > 0) {
    out.push("<details><summary>Warnings</summary>", "");
    for (const w of report.warnings.slice(0, 10)) out.push(`- ${markdownText(w)}`);
    out.push("", "</details>", "");
  }
  out.push(`<sub>Score: ${markdownText(risk.explanation.join("; "))}. Generated by ai-review-gate.</sub>`);
  if (opts.digest) out.push("", digestBlock(digestOf(report, opts.headSha, opts.previous)));
  return `${out.join("\n")}\n`;
}

/**
 * The sticky PR comment and job summary. Stays under `maxLength` by listing fewer findings per rule
 * (then dropping evidence), never by failing. Untrusted text stays inside its context (see
 * src/text/markdown.ts): one line, no HTML, no mentions, no live links.
 */
export function formatMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  return withFinalPass(report, "Markdown", (r) => renderWithinLimit(r, opts));
}

function renderWithinLimit(report: Report, opts: MarkdownOptions): string {
  const max = opts.maxLength ?? COMMENT_LIMIT - 1_000;
  let perRule = opts.perRule ?? 50;
  let text = render(report, opts, perRule, true);
  while (text.length > max && perRule > 1) {
    perRule = perRule > 3 ? Math.floor(perRule / 2) : perRule - 1;
    text = render(report, opts, perRule, perRule > 1);
  }
  if (text.length > max) {
    // Cut at a line break, so no line (a code span, an escape) is cut in half.
    const cut = text.lastIndexOf("\n", max - 80);
    text = `${text.slice(0, cut > 0 ? cut : max - 80)}\n\n… (report truncated to fit GitHub's comment limit)\n`;
  }
  return text;
}
