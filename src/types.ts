/**
 * The engine's public contracts. The Action, the App and the CLI only see these types;
 * the JSON report (`Report`) is the versioned contract documented in the README.
 */

export const CATEGORIES = [
  "migration-destructive",
  "migration",
  "infra-deletion",
  "infra-change",
  "production-config",
  "ci-workflow",
  "agent-autonomy",
  "secrets",
  "destructive-command",
  "safety-bypass",
  "dependency",
  "missing-tests",
  "custom",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const LEVELS = ["none", "low", "medium", "high", "critical"] as const;
export type Level = (typeof LEVELS)[number];

/** One finding, as every output format shows it. `line` is on the new side unless `side` is "old". */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  file: string;
  /** 1-based line; null for findings about a whole file (deleted file, missing tests). */
  line: number | null;
  /** "old" when the line is in the base version (deleted code), "new" otherwise. */
  side: "new" | "old";
  message: string;
  remediation: string;
}

/** Pull request facts. Field names follow the CLI's `--pr` JSON and the corpus. */
export interface CommitFacts {
  sha?: string;
  message: string;
  author_name?: string | null;
  author_email?: string | null;
  author_login?: string | null;
  committer_name?: string | null;
  committer_email?: string | null;
  committer_login?: string | null;
}

export interface PullRequestFacts {
  number?: number;
  author_login?: string | null;
  /** GitHub's user type: "User", "Bot", "Organization". */
  author_type?: string | null;
  head_ref?: string | null;
  base_ref?: string | null;
  title?: string | null;
  body?: string | null;
  commits?: CommitFacts[];
  labels?: string[];
  assignees?: string[];
}

export type AiConfidence = "certain" | "likely" | "possible" | "none";

export interface AiEvidence {
  /** Signal kind, e.g. "bot-author", "co-author-trailer", "footer", "branch-prefix", "label". */
  signal: string;
  /** Where it was seen: "pr.author", "pr.body", "pr.head_ref", "pr.labels", or "commit:<sha|index>". */
  where: string;
  /** The matched text (short, never a secret). */
  match: string;
  /** Agent id, or null for generic AI declarations. */
  agent: string | null;
  weight: "certain" | "strong" | "supporting" | "declared";
}

export interface AiResult {
  detected: boolean;
  agents: string[];
  confidence: AiConfidence;
  evidence: AiEvidence[];
  /** Share (0..1) of commits that carry an AI signal; null when there are no commits. */
  commitShare: number | null;
  /**
   * Humans who asked the agent for this work (Devin's "Requested by", a human co-author of the
   * agent's commits, the assignee of an agent's PR): the App refuses their ticks.
   */
  requesters?: string[];
}

export interface ChecklistItem {
  /** Stable id: `category:<name>` or `extra:<id>`; the App tracks ticks by it. */
  id: string;
  text: string;
  category: Category | null;
}

export interface GateDecision {
  required: boolean;
  /** One sentence a reviewer can read: why the gate applies or not. */
  reason: string;
  checklist: ChecklistItem[];
  /** Distinct human approvers the level needs (from config). */
  approvals: number;
  /** Rollback readiness (`gate.rollback`); set by the engine on every report. */
  rollback?: RollbackReadiness;
}

/**
 * Whether the PR description says how to undo the change. When `required`, the gate may only pass with
 * `present` true and the `rollback:plan` checklist item ticked.
 */
export interface RollbackReadiness {
  required: boolean;
  /** The description has the section, with something in it (not a template comment or "N/A"). */
  present: boolean;
  /** The configured heading. */
  heading: string;
  /** The section's text: secrets masked, cut to 2,000 characters, not escaped (each format escapes it). */
  text: string | null;
  /** One sentence: why it is required or not, and what is missing. */
  reason: string;
  /** Findings that make a rollback path matter most: destructive migrations without a down migration. */
  related: { ruleId: string; file: string; line: number | null }[];
}

export interface CategorySummary {
  category: Category;
  severity: Severity;
  count: number;
  files: string[];
}

export interface NotAnalyzedFile {
  file: string;
  reason: string;
}

export interface Report {
  version: 1;
  risk: { score: number; level: Level /** How the score was computed, step by step. */; explanation: string[] };
  ai: AiResult;
  findings: Finding[];
  gate: GateDecision;
  /** Findings grouped by category, most severe first. */
  categories: CategorySummary[];
  stats: { files: number; additions: number; deletions: number };
  notAnalyzed: NotAnalyzedFile[];
  /** Non-fatal problems met while analysing (malformed hunks, rule errors). */
  warnings: string[];
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function levelRank(l: Level): number {
  return LEVELS.indexOf(l);
}

export function bumpSeverity(s: Severity, steps = 1): Severity {
  const i = Math.min(SEVERITIES.length - 1, Math.max(0, severityRank(s) + steps));
  return SEVERITIES[i]!;
}
