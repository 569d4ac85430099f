import { forTerminal } from "../text/terminal.js";
import { mapStrings } from "../text/walk.js";
import type { Finding, Level, Report, Severity } from "../types.js";
import { withFinalPass } from "./final-pass.js";
import { CATEGORY_TITLES, plural } from "./titles.js";

export interface TextOptions {
  color?: boolean;
  /** Findings shown per category before "… and N more" (default 10). */
  perCategory?: number;
}

const ANSI = {
  reset: "\x1b[0m",
  bold: "\x1b[1m",
  dim: "\x1b[2m",
  red: "\x1b[31m",
  yellow: "\x1b[33m",
  green: "\x1b[32m",
  magenta: "\x1b[35m",
  cyan: "\x1b[36m",
};

const LEVEL_COLOR: Record<Level, string> = {
  none: ANSI.dim,
  low: ANSI.green,
  medium: ANSI.yellow,
  high: ANSI.magenta,
  critical: ANSI.red,
};
const SEVERITY_COLOR: Record<Severity, string> = {
  low: ANSI.green,
  medium: ANSI.yellow,
  high: ANSI.magenta,
  critical: ANSI.red,
};

function location(f: Finding): string {
  if (f.line === null) return f.file;
  return `${f.file}:${f.line}${f.side === "old" ? " (removed)" : ""}`;
}

/**
 * Plain report for a terminal; colored when `color` is set. Every string of the report is escaped for the
 * terminal first (no ESC, BEL, CR, C1 or bidi control reaches it raw); the colors are added after.
 */
export function formatText(report: Report, options: TextOptions = {}): string {
  return withFinalPass(report, "text", (r) => render(mapStrings(r, forTerminal), options));
}

function render(report: Report, options: TextOptions): string {
  const c = (code: string, s: string) => (options.color ? `${code}${s}${ANSI.reset}` : s);
  const perCategory = options.perCategory ?? 10;
  const out: string[] = [];
  const { risk, ai, gate } = report;
  out.push(
    c(
      ANSI.bold,
      `ai-review-gate: risk ${c(LEVEL_COLOR[risk.level], risk.level.toUpperCase())} (score ${risk.score}/100)`,
    ),
  );
  out.push(
    `${plural(report.stats.files, "file")} changed, +${report.stats.additions} −${report.stats.deletions}; ${plural(report.findings.length, "finding")}`,
  );
  if (risk.explanation.length > 0) out.push(c(ANSI.dim, `score: ${risk.explanation.join("; ")}`));
  out.push("");
  if (ai.detected) {
    out.push(c(ANSI.bold, `AI-authored: yes (${ai.confidence}${ai.agents.length ? `, ${ai.agents.join(", ")}` : ""})`));
    for (const e of ai.evidence.slice(0, 8)) out.push(`  - ${e.signal} in ${e.where}: ${e.match}`);
    if (ai.evidence.length > 8) out.push(`  … and ${ai.evidence.length - 8} more signals`);
  } else {
    out.push(
      `AI-authored: no signal found${ai.evidence.length ? ` (${ai.evidence.length} weak signal(s) below the bar)` : ""}`,
    );
  }
  out.push("");
  for (const group of report.categories) {
    const findings = report.findings.filter((f) => f.category === group.category);
    out.push(
      c(
        ANSI.bold,
        `${CATEGORY_TITLES[group.category]} [${group.category}] — ${c(SEVERITY_COLOR[group.severity], group.severity)}, ${plural(group.count, "finding")}`,
      ),
    );
    for (const f of findings.slice(0, perCategory)) {
      out.push(`  ${c(SEVERITY_COLOR[f.severity], f.severity.padEnd(8))} ${location(f)}  ${f.message}`);
      out.push(c(ANSI.dim, `           ↳ ${f.remediation}  (${f.ruleId})`));
    }
    if (findings.length > perCategory)
      out.push(c(ANSI.dim, `  … and ${findings.length - perCategory} more (use --format json for all)`));
    out.push("");
  }
  if (report.findings.length === 0) out.push("No risky change found.", "");
  if (report.notAnalyzed.length > 0) {
    out.push(c(ANSI.bold, "Not analyzed:"));
    for (const n of report.notAnalyzed.slice(0, 20)) out.push(`  - ${n.file}: ${n.reason}`);
    if (report.notAnalyzed.length > 20) out.push(`  … and ${report.notAnalyzed.length - 20} more`);
    out.push("");
  }
  out.push(
    c(ANSI.bold, `Human review gate: ${gate.required ? c(ANSI.red, "REQUIRED") : "not required"}`) +
      ` — ${gate.reason}`,
  );
  if (gate.required) for (const item of gate.checklist) out.push(`  [ ] ${item.text}`);
  if (gate.rollback?.required)
    out.push(`Rollback plan: ${gate.rollback.present ? "present" : c(ANSI.red, "MISSING")} — ${gate.rollback.reason}`);
  for (const w of report.warnings) out.push(c(ANSI.yellow, `warning: ${w}`));
  return `${out.join("\n")}\n`;
}
