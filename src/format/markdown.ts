import type { Finding, Report } from "../types.js";
import { CATEGORY_TITLES, LEVEL_EMOJI, plural, SEVERITY_EMOJI } from "./titles.js";

export interface MarkdownOptions {
  /** `https://github.com/owner/repo`: findings then link to the exact line of `headSha`. */
  repoUrl?: string;
  headSha?: string;
  /** Hidden marker put first, so the Action finds its sticky comment again. */
  marker?: string;
  /** GitHub rejects comments over 65,536 characters; stay under this by summarizing. */
  maxLength?: number;
  /** Findings listed per category before summarizing (reduced automatically to fit). */
  perCategory?: number;
}

export const COMMENT_LIMIT = 65_536;

/** A zero-width space after "@" keeps quoted text from mentioning (and notifying) people or teams. */
function neutralizeMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])/g, "@\u200b");
}

/** Markdown-escape text that comes from the diff (file names, messages), so it cannot inject markup. */
export function escapeMarkdown(text: string): string {
  return neutralizeMentions(text.replace(/[\\`*_{}[\]<>|#]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, " "));
}

/** Rule-authored text (remediations) keeps its `code` spans; only HTML and mentions are neutralized. */
function escapeProse(text: string): string {
  return neutralizeMentions(text.replace(/[<>]/g, (ch) => (ch === "<" ? "&lt;" : "&gt;")).replace(/\r?\n/g, " "));
}

function lineLink(f: Finding, opts: MarkdownOptions): string {
  const where = f.line === null ? f.file : `${f.file}:${f.line}`;
  const label = `\`${where.replace(/`/g, "'")}\``;
  if (!opts.repoUrl || !opts.headSha || f.side === "old") return label;
  const path = f.file.split("/").map(encodeURIComponent).join("/");
  const anchor = f.line === null ? "" : `#L${f.line}`;
  return `[${label}](${opts.repoUrl}/blob/${opts.headSha}/${path}${anchor})`;
}

function render(report: Report, opts: MarkdownOptions, perCategory: number, withEvidence: boolean): string {
  const { risk, ai, gate } = report;
  const out: string[] = [];
  if (opts.marker) out.push(opts.marker);
  out.push(`## ${LEVEL_EMOJI[risk.level]} AI Review Gate: risk **${risk.level}** (${risk.score}/100)`);
  out.push("");
  const aiLine = ai.detected
    ? `**AI-authored:** yes — ${ai.confidence}${ai.agents.length ? `, ${ai.agents.map((a) => `\`${a}\``).join(", ")}` : ""}`
    : "**AI-authored:** no signal found";
  out.push(
    `${aiLine} · **Gate:** ${gate.required ? `required (${plural(gate.approvals, "approver")})` : "not required"} · ${plural(report.findings.length, "finding")} in ${plural(report.stats.files, "file")} (+${report.stats.additions} −${report.stats.deletions})`,
  );
  out.push("");
  out.push(`> ${escapeMarkdown(gate.reason)}`);
  out.push("");

  if (report.categories.length > 0) {
    out.push("| | Category | Findings | Files |", "|---|---|---|---|");
    for (const g of report.categories) {
      out.push(
        `| ${SEVERITY_EMOJI[g.severity]} ${g.severity} | ${CATEGORY_TITLES[g.category]} | ${g.count} | ${g.files.length} |`,
      );
    }
    out.push("");
    for (const g of report.categories) {
      const findings = report.findings.filter((f) => f.category === g.category);
      const open = g.severity === "critical" || g.severity === "high" ? " open" : "";
      out.push(
        `<details${open}><summary><b>${CATEGORY_TITLES[g.category]}</b> (${plural(g.count, "finding")})</summary>`,
        "",
      );
      for (const f of findings.slice(0, perCategory)) {
        out.push(
          `- ${SEVERITY_EMOJI[f.severity]} ${lineLink(f, opts)} ${escapeMarkdown(f.message)}${f.side === "old" ? " _(removed code)_" : ""}`,
        );
        out.push(`  <br>↳ ${escapeProse(f.remediation)} <sub>\`${f.ruleId}\`</sub>`);
      }
      if (findings.length > perCategory)
        out.push(`- … and ${findings.length - perCategory} more (see the SARIF report or the JSON output)`);
      out.push("", "</details>", "");
    }
  } else {
    out.push("No risky change found.", "");
  }

  if (gate.checklist.length > 0) {
    // Plain items, not task boxes: ticks here would count for nothing; the App's own comment holds the gate.
    out.push(
      gate.required
        ? "### Review checklist (tick these in the AI Review Gate app's checklist comment)"
        : "### Review checklist",
    );
    for (const item of gate.checklist) out.push(`- ◻️ ${escapeProse(item.text)}`);
    out.push("");
  }

  if (withEvidence && ai.evidence.length > 0) {
    out.push("<details><summary>AI authorship evidence</summary>", "");
    for (const e of ai.evidence.slice(0, 20)) {
      out.push(`- **${e.signal}** (${e.weight}) in \`${e.where}\`: \`${e.match.replace(/`/g, "'").slice(0, 120)}\``);
    }
    if (ai.evidence.length > 20) out.push(`- … and ${ai.evidence.length - 20} more`);
    out.push("", "</details>", "");
  }
  if (report.notAnalyzed.length > 0) {
    out.push(`<details><summary>Not analyzed (${report.notAnalyzed.length})</summary>`, "");
    for (const n of report.notAnalyzed.slice(0, perCategory * 2))
      out.push(`- \`${n.file.replace(/`/g, "'")}\`: ${escapeMarkdown(n.reason)}`);
    if (report.notAnalyzed.length > perCategory * 2)
      out.push(`- … and ${report.notAnalyzed.length - perCategory * 2} more`);
    out.push("", "</details>", "");
  }
  if (report.warnings.length > 0) {
    out.push("<details><summary>Warnings</summary>", "");
    for (const w of report.warnings.slice(0, 10)) out.push(`- ${escapeMarkdown(w)}`);
    out.push("", "</details>", "");
  }
  out.push(`<sub>Score: ${escapeMarkdown(risk.explanation.join("; "))}. Generated by ai-review-gate.</sub>`);
  return `${out.join("\n")}\n`;
}

/**
 * The sticky PR comment and job summary. Stays under `maxLength` by listing fewer findings per
 * category (then dropping evidence), never by failing.
 */
export function formatMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const max = opts.maxLength ?? COMMENT_LIMIT - 1_000;
  let perCategory = opts.perCategory ?? 15;
  let text = render(report, opts, perCategory, true);
  while (text.length > max && perCategory > 0) {
    perCategory = perCategory > 3 ? Math.floor(perCategory / 2) : perCategory - 1;
    text = render(report, opts, perCategory, perCategory > 0);
  }
  if (text.length > max) text = `${text.slice(0, max - 80)}\n\n… (report truncated to fit GitHub's comment limit)\n`;
  return text;
}
