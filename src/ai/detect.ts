/**
 * AI-authorship detection: was this pull request written by a coding agent, which one, how sure are
 * we, and on what evidence. See docs/ai-detection.md for the signals, weights and decision rules.
 */
import type { Config } from "../config/schema.js";
import { quote } from "../text/quote.js";
import type { AiConfidence, AiEvidence, AiResult, CommitFacts, PullRequestFacts } from "../types.js";
import { AGENTS } from "./catalogue.js";
import { MAX_TEXT_CHARS, proseLines } from "./markdown.js";
import {
  branchSignals,
  checkboxSignals,
  EvidenceCollector,
  type ExtraSignals,
  identitySignals,
  labelSignals,
  matchIdentity,
  NO_EXTRAS,
  normaliseLabel,
  normaliseTrailerKey,
  requestersIn,
  textSignals,
  titleSignals,
} from "./signals.js";
import { trailerLines } from "./trailers.js";

export const NO_AI: AiResult = { detected: false, agents: [], confidence: "none", evidence: [], commitShare: null };

/** Commits looked at; a PR with more is judged on its first ones (the share is over those). */
export const MAX_COMMITS = 1_000;

const WEIGHT_SCORE: Record<AiEvidence["weight"], number> = { certain: 8, strong: 4, declared: 2, supporting: 1 };

export { agentsCatalogue } from "./catalogue.js";

function extrasFrom(config: Config | null | undefined): ExtraSignals {
  const ai = config?.ai;
  if (!ai) return NO_EXTRAS;
  return {
    bots: new Set(ai.bots.map((b) => b.trim().toLowerCase()).filter(Boolean)),
    trailers: new Set(ai.trailers.map(normaliseTrailerKey).filter(Boolean)),
    labels: new Set(ai.labels.map(normaliseLabel).filter(Boolean)),
    branches: ai.branches.map((b) => b.trim()).filter(Boolean),
  };
}

function commitWhere(commit: CommitFacts, index: number): string {
  const sha = typeof commit.sha === "string" ? commit.sha.trim() : "";
  return sha ? `commit:${quote(sha, 40).slice(0, 12)}` : `commit:#${index + 1}`;
}

/**
 * Detects AI authorship from PR facts (CLI `--pr` JSON, git, or GitHub objects).
 * - confidence `certain`: an agent identity or agent-only trailer;
 * - `likely`: a footer, session link or tool-generated branch/title shape, or two independent
 *   weaker signals (supporting/declared from different places);
 * - `possible`: one supporting or declared signal.
 * `detected` is true for certain and likely, and for any human declaration (label, ticked box,
 * Assisted-by): a branch namespace alone (`cursor/...`) is recorded but does not flag the PR.
 */
export function detectAi(pr: PullRequestFacts | null, config: Config): AiResult {
  if (!pr || typeof pr !== "object") return NO_AI;
  const extras = extrasFrom(config);
  const c = new EvidenceCollector();
  const requesters: string[] = [];

  // PR author.
  const prAuthorIsBot = typeof pr.author_type === "string" && pr.author_type.toLowerCase() === "bot";
  const prAuthorAgent =
    typeof pr.author_login === "string"
      ? identitySignals(c, "pr.author", "pr-author", { login: pr.author_login, isBot: prAuthorIsBot }, extras)
      : null;

  // Title and branch.
  if (typeof pr.title === "string") {
    titleSignals(c, "pr.title", pr.title);
    textSignals(c, "pr.title", proseLines(pr.title), false, extras);
  }
  if (typeof pr.head_ref === "string") branchSignals(c, pr.head_ref, extras);
  if (Array.isArray(pr.labels)) labelSignals(c, pr.labels, extras);

  // Body: code, inline code and quotes removed first.
  const bodyLines = typeof pr.body === "string" ? proseLines(pr.body) : [];
  if (bodyLines.length > 0) {
    textSignals(c, "pr.body", bodyLines, false, extras);
    checkboxSignals(c, bodyLines);
  }

  // Commits.
  const commits = Array.isArray(pr.commits) ? pr.commits.slice(0, MAX_COMMITS) : [];
  let aiCommits = 0;
  commits.forEach((commit, index) => {
    if (!commit || typeof commit !== "object") return;
    const where = commitWhere(commit, index);
    const author = identitySignals(
      c,
      where,
      "author",
      { name: commit.author_name, email: commit.author_email, login: commit.author_login },
      extras,
    );
    const committer = identitySignals(
      c,
      where,
      "committer",
      { name: commit.committer_name, email: commit.committer_email, login: commit.committer_login },
      extras,
    );
    const message = typeof commit.message === "string" ? commit.message : "";
    const lines = proseLines(message);
    if (lines.length > 0) titleSignals(c, where, lines[0]!);
    const scan = textSignals(c, where, lines, true, extras);
    // The trailer block, read from the end of the whole message as git does: no padding or unclosed
    // code fence before it can hide it (evidence seen twice is kept once).
    const block = textSignals(c, where, trailerLines(message), true, extras);
    // The people co-authoring an agent's commits are the ones who asked for them.
    if (author?.agent || committer?.agent) requesters.push(...scan.humanCoAuthors, ...block.humanCoAuthors);
    if (c.places.has(where)) aiCommits++;
  });

  const evidence = c.evidence;
  if (evidence.length === 0) {
    return { ...NO_AI, commitShare: commits.length > 0 ? 0 : null };
  }

  const confidence = decideConfidence(evidence);
  const detected = confidence === "certain" || confidence === "likely" || evidence.some((e) => e.weight === "declared");

  if (detected) {
    requesters.push(...requestersIn(bodyLines));
    if (prAuthorAgent && Array.isArray(pr.assignees))
      requesters.push(...pr.assignees.filter((a) => typeof a === "string"));
  }

  const result: AiResult = {
    detected,
    agents: detected ? rankAgents(evidence) : [],
    confidence,
    evidence: sortEvidence(evidence),
    commitShare: commits.length > 0 ? aiCommits / commits.length : null,
  };
  const people = detected ? cleanRequesters(requesters, extras) : [];
  if (people.length > 0) result.requesters = people;
  return result;
}

function decideConfidence(evidence: readonly AiEvidence[]): AiConfidence {
  if (evidence.some((e) => e.weight === "certain")) return "certain";
  if (evidence.some((e) => e.weight === "strong")) return "likely";
  // Independent weak signals are of different kinds (a branch and a label), not the same text seen
  // twice (a "Sweep:" title repeated as the commit subject).
  const kinds = new Set(
    evidence.filter((e) => e.weight === "supporting" || e.weight === "declared").map((e) => e.signal),
  );
  if (kinds.size >= 2) return "likely";
  return kinds.size === 1 ? "possible" : "none";
}

/** Agents by weight of evidence, then by first appearance. */
function rankAgents(evidence: readonly AiEvidence[]): string[] {
  const score = new Map<string, number>();
  for (const e of evidence) {
    if (!e.agent) continue;
    score.set(e.agent, (score.get(e.agent) ?? 0) + WEIGHT_SCORE[e.weight]);
  }
  return [...score.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

function sortEvidence(evidence: readonly AiEvidence[]): AiEvidence[] {
  return evidence
    .map((e, i) => ({ e, i }))
    .sort((a, b) => WEIGHT_SCORE[b.e.weight] - WEIGHT_SCORE[a.e.weight] || a.i - b.i)
    .slice(0, 100)
    .map(({ e }) => e);
}

const KNOWN_AGENT_NAMES = new Set(AGENTS.map((a) => a.name.toLowerCase()));

function cleanRequesters(raw: readonly string[], extras: ExtraSignals): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const name = r.trim().replace(/^@/, "");
    if (!name || name.length > 100) continue;
    const key = name.toLowerCase();
    if (seen.has(key) || key.endsWith("[bot]") || KNOWN_AGENT_NAMES.has(key)) continue;
    if (matchIdentity({ login: name, isBot: false }, extras)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

function kb(chars: number): string {
  return `${Math.round(chars / 1024).toLocaleString("en-US")} KB`;
}

/**
 * What AI detection did not read whole, for the report's warnings: a cap never drops a signal silently.
 * Texts over MAX_TEXT_CHARS are read as head and tail (trailer blocks in full); commits past MAX_COMMITS
 * are not read.
 */
export function aiReadNotes(pr: PullRequestFacts | null): string[] {
  if (!pr || typeof pr !== "object") return [];
  const notes: string[] = [];
  const half = kb(MAX_TEXT_CHARS / 2);
  const long = (text: unknown): text is string => typeof text === "string" && text.length > MAX_TEXT_CHARS;
  if (long(pr.body))
    notes.push(
      `AI detection read the first and last ${half} of the ${kb(pr.body.length)} PR body; signals in between were not read`,
    );
  if (long(pr.title)) notes.push(`AI detection read the first and last ${half} of the ${kb(pr.title.length)} PR title`);
  const commits = Array.isArray(pr.commits) ? pr.commits : [];
  const longMessages = commits.slice(0, MAX_COMMITS).filter((commit) => long(commit?.message)).length;
  if (longMessages > 0)
    notes.push(
      `AI detection read the first and last ${half} of ${longMessages} commit message${longMessages === 1 ? "" : "s"} over ${kb(MAX_TEXT_CHARS)} (their trailer blocks in full); signals in between were not read`,
    );
  if (commits.length > MAX_COMMITS)
    notes.push(
      `AI detection read the first ${MAX_COMMITS.toLocaleString("en-US")} of ${commits.length.toLocaleString("en-US")} commits`,
    );
  return notes;
}
