import type { SenderFacts } from "../../app/gate/eligibility.js";
import type { EvaluationFacts } from "../../app/gate/evaluate.js";
import { evaluateState } from "../../app/gate/evaluate.js";
import type { GateState } from "../../app/gate/state.js";
import { parseConfigText } from "../../src/config/load.js";
import type { Actor, PullCommit, PullSnapshot } from "../../src/github/port.js";
import type { Category, Level, Report } from "../../src/types.js";

/** Builders for the pure core's table-driven tests: facts as the loader would gather them. */

export const H1 = "1111111111111111111111111111111111111111";
export const H2 = "2222222222222222222222222222222222222222";
export const H3 = "3333333333333333333333333333333333333333";
export const B1 = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
export const AT = "2026-11-24T10:00:00.000Z";

export const P = {
  author: { id: 10, login: "author", type: "User" },
  alice: { id: 11, login: "alice", type: "User" },
  bob: { id: 12, login: "bob", type: "User" },
  carol: { id: 13, login: "carol", type: "User" },
  dana: { id: 14, login: "dana", type: "User" },
  bot: { id: 15, login: "helper[bot]", type: "Bot" },
  machine: { id: 16, login: "deploy-robot", type: "User" },
  agent: { id: 198982749, login: "Copilot", type: "Bot" },
} satisfies Record<string, Actor>;

export const WRITER: SenderFacts = { permission: "write", teams: {}, profile: { name: null, email: null } };

export function commit(sha: string, by: Actor, message = "change"): PullCommit {
  return {
    sha,
    message,
    author: { name: by.login, email: `${by.id}+${by.login}@users.noreply.github.com`, user: by },
    committer: { name: "GitHub", email: "noreply@github.com", user: { id: 19864447, login: "web-flow", type: "User" } },
  };
}

export function pull(over: Partial<PullSnapshot> = {}): PullSnapshot {
  return {
    number: 2,
    state: "open",
    merged: false,
    title: "Change",
    body: "",
    htmlUrl: "https://github.com/o/r/pull/2",
    author: P.author,
    head: { sha: H1, ref: "feature" },
    base: { sha: B1, ref: "main" },
    headRepo: "o/r",
    baseRepo: "o/r",
    labels: [],
    assignees: [],
    changedFiles: 1,
    commits: 1,
    ...over,
  };
}

export interface ReportSpec {
  required?: boolean;
  approvals?: number;
  level?: Level;
  findings?: Array<{ category: Category; file: string; message?: string }>;
  extras?: Array<{ id: string; text: string }>;
  requesters?: string[];
  aiDetected?: boolean;
}

export function report(spec: ReportSpec = {}): Report {
  const findings = (spec.findings ?? [{ category: "custom", file: "lib/pay.js" }]).map((f) => ({
    ruleId: `${f.category}/rule`,
    category: f.category,
    severity: "high" as const,
    file: f.file,
    line: 1,
    side: "new" as const,
    message: f.message ?? `risky change in ${f.file}`,
    remediation: "",
  }));
  const required = spec.required ?? true;
  const categories = [...new Set(findings.map((f) => f.category))];
  return {
    version: 1,
    risk: { score: 60, level: spec.level ?? "high", explanation: [] },
    ai: {
      detected: spec.aiDetected ?? false,
      agents: spec.aiDetected ? ["copilot"] : [],
      confidence: spec.aiDetected ? "certain" : "none",
      evidence: [],
      commitShare: null,
      ...(spec.requesters ? { requesters: spec.requesters } : {}),
    },
    findings,
    gate: {
      required,
      reason: required ? "PR at risk level high" : "only safe paths changed (gate.safe_paths), auto-approved",
      approvals: required ? (spec.approvals ?? 1) : 0,
      checklist: [
        ...categories.map((c) => ({ id: `category:${c}`, text: `The ${c} findings were checked`, category: c })),
        ...(spec.extras ?? []).map((e) => ({ id: `extra:${e.id}`, text: e.text, category: null })),
      ],
    },
    categories: [],
    stats: { files: 1, additions: 1, deletions: 0 },
    notAnalyzed: [],
    warnings: [],
  };
}

export function facts(
  over: Partial<EvaluationFacts> & { configText?: string; reportSpec?: ReportSpec } = {},
): EvaluationFacts {
  const { configText, reportSpec, ...rest } = over;
  const p = rest.pull ?? pull();
  return {
    pull: p,
    config: { ok: true, config: parseConfigText(configText ?? "gate:\n  policy: all\n") },
    files: { items: [{ filename: "lib/pay.js", status: "modified", additions: 1, deletions: 0 }], truncated: false },
    commits: { items: [commit(p.head.sha, P.author)], truncated: false },
    report: report(reportSpec),
    codeowners: null,
    resolved: new Map(),
    touched: null,
    ...rest,
  };
}

/** Evaluate from scratch (or on top of `previous`). */
export function evaluated(over: Parameters<typeof facts>[0] = {}, previous: GateState | null = null): GateState {
  return evaluateState({ facts: facts(over), previous, at: AT });
}
