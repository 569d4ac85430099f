import { createHash } from "node:crypto";
import type { Rule } from "../rules/types.js";
import { toJson } from "../text/json.js";
import { encodePath } from "../text/url.js";
import type { Finding, Report, Severity } from "../types.js";
import { withFinalPass } from "./final-pass.js";
import { CATEGORY_TITLES } from "./titles.js";

/** SARIF 2.1.0 for `github/codeql-action/upload-sarif`. */

const SARIF_LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
};

/** GitHub code scanning ranks security alerts by this CVSS-like number. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

type RuleMeta = Pick<Rule, "id" | "category" | "description" | "severity" | "remediation">;

export interface SarifOptions {
  /** Rule metadata; rules that only appear in findings get metadata derived from them. */
  rules?: readonly RuleMeta[];
  toolVersion?: string;
}

function fingerprint(f: Finding): string {
  return createHash("sha256").update(`${f.ruleId}\0${f.file}\0${f.message}`).digest("hex").slice(0, 32);
}

export function formatSarif(report: Report, opts: SarifOptions = {}): string {
  return withFinalPass(report, "SARIF", (r) => render(r, opts));
}

function render(report: Report, opts: SarifOptions): string {
  const known = new Map((opts.rules ?? []).map((r) => [r.id, r]));
  const used = new Map<string, RuleMeta>();
  for (const f of report.findings) {
    if (used.has(f.ruleId)) continue;
    used.set(
      f.ruleId,
      known.get(f.ruleId) ?? {
        id: f.ruleId,
        category: f.category,
        description: f.message,
        severity: f.severity,
        remediation: f.remediation,
      },
    );
  }
  const ruleIds = [...used.keys()];
  const rules = [...used.values()].map((r) => ({
    id: r.id,
    name: r.id.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : "")),
    shortDescription: { text: r.description },
    fullDescription: { text: `${CATEGORY_TITLES[r.category]}: ${r.description}` },
    help: { text: r.remediation, markdown: r.remediation },
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    properties: {
      tags: ["ai-review-gate", r.category],
      "security-severity": SECURITY_SEVERITY[r.severity],
      precision: "high",
    },
  }));
  const results = report.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIds.indexOf(f.ruleId),
    level: SARIF_LEVEL[f.severity],
    message: { text: `${f.message}${f.side === "old" ? " (in removed code)" : ""}. ${f.remediation}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodePath(f.file), uriBaseId: "%SRCROOT%" },
          // Whole-file and removed-line findings point at line 1: code scanning needs a region in the head file.
          region: { startLine: f.line !== null && f.side === "new" ? Math.max(1, f.line) : 1 },
        },
      },
    ],
    partialFingerprints: { "aiReviewGate/v1": fingerprint(f) },
    properties: { category: f.category, severity: f.severity, "security-severity": SECURITY_SEVERITY[f.severity] },
  }));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "ai-review-gate",
            informationUri: "https://github.com/ai-review-gate/ai-review-gate",
            semanticVersion: opts.toolVersion ?? "0.1.0",
            rules,
          },
        },
        results,
        properties: { riskScore: report.risk.score, riskLevel: report.risk.level, aiDetected: report.ai.detected },
      },
    ],
  };
  return `${toJson(sarif)}\n`;
}
