/**
 * Signal extraction: turns PR facts into evidence rows. Each function looks at one kind of fact
 * (identity, trailer, footer/link, branch, title, label, template checkbox) and consults the catalogue.
 * Everything is linear in the size of the input; regexes run on capped prose lines only.
 */

import { quote } from "../text/quote.js";
import type { AiEvidence } from "../types.js";
import {
  AGENTS,
  type AgentDefinition,
  GENERIC,
  GITHUB_NOREPLY,
  type PatternSignal,
  type SignalWeight,
  type TrailerSignal,
} from "./catalogue.js";
import { lineWindows, MAX_LINE_CHARS } from "./markdown.js";

export interface ExtraSignals {
  /** Extra bot logins or addresses (lower-case). */
  bots: ReadonlySet<string>;
  /** Extra trailer keys (normalised). */
  trailers: ReadonlySet<string>;
  /** Extra labels (normalised). */
  labels: ReadonlySet<string>;
  /** Extra branch prefixes (as written). */
  branches: readonly string[];
}

export const NO_EXTRAS: ExtraSignals = { bots: new Set(), trailers: new Set(), labels: new Set(), branches: [] };

// ---- lookup tables built once from the catalogue ----

const byLogin = new Map<string, AgentDefinition>();
const guarded = new Map<string, { agent: AgentDefinition; ids: Set<number> }>();
const byEmail = new Map<string, AgentDefinition>();
const byTrailerKey = new Map<string, { agent: AgentDefinition; signal: TrailerSignal }[]>();
const TEXT_SIGNALS: { agent: AgentDefinition; signal: PatternSignal; kind: "footer" | "session-link" }[] = [];
const byLabel = new Map<string, AgentDefinition>();

for (const agent of AGENTS) {
  for (const l of agent.logins) byLogin.set(l.toLowerCase(), agent);
  for (const g of agent.guardedLogins ?? []) guarded.set(g.login.toLowerCase(), { agent, ids: new Set(g.ids) });
  for (const e of agent.emails) byEmail.set(e.toLowerCase(), agent);
  for (const t of agent.trailers ?? []) {
    const list = byTrailerKey.get(t.key) ?? [];
    list.push({ agent, signal: t });
    byTrailerKey.set(t.key, list);
  }
  for (const f of agent.footers ?? []) TEXT_SIGNALS.push({ agent, signal: f, kind: "footer" });
  for (const l of agent.links ?? []) TEXT_SIGNALS.push({ agent, signal: l, kind: "session-link" });
  for (const l of agent.labels ?? []) byLabel.set(normaliseLabel(l), agent);
}

const GENERIC_LABELS = new Set(GENERIC.labels.map(normaliseLabel));
const DECLARATION_KEYS = new Set(GENERIC.declarationTrailers);
const PLATFORM_KEYS = new Set(GENERIC.agentPlatformTrailers);
const AI_DOMAINS = GENERIC.aiDomains;
const AI_LOCAL_PARTS = new Set(GENERIC.aiAddressLocalParts);
const CO_AUTHOR_KEYS = new Set(["co-authored-by", "co-developed-by", "coauthored-by", "co-author"]);

// Cheap prefilter for prose lines: every footer/link signal contains one of these (lower-case).
const TEXT_HINTS = [
  "generated",
  "written",
  "created",
  "authored",
  "opened",
  "drafted",
  "made with",
  "created with",
  "claude.ai",
  "chatgpt.com",
  "devin.ai",
  "jules",
  "cursor.com",
  "ampcode.com",
  "opencode.ai",
  "codegen.",
  "copilot",
  "junie",
  "openhands",
];

// ---- helpers ----

export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "")
    .replace(/[\s_]+/g, "-");
}

export function normaliseTrailerKey(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
}

const TRAILER_LINE = /^\s{0,3}([A-Za-z][A-Za-z0-9]*(?:[-_ ][A-Za-z0-9]+){0,5})\s{0,3}:\s{0,3}(\S.*)$/;

/** `Key: value` with casing and spacing variants ("co-authored-by:", "Co-Authored-By :"). */
export function parseTrailer(line: string): { key: string; value: string } | null {
  if (!line.includes(":")) return null;
  const m = TRAILER_LINE.exec(line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line);
  if (!m) return null;
  return { key: normaliseTrailerKey(m[1]!), value: m[2]!.trim().slice(0, 300) };
}

/** "Name <email>" (or "Name email@host") into its parts. */
export function parseIdentity(value: string): { name: string; email: string | null } {
  const angle = /^(.*?)<([^<>\s]{1,200})>\s*$/.exec(value);
  if (angle) return { name: angle[1]!.trim(), email: angle[2]!.trim().toLowerCase() };
  const bare = /^(.*?)\s*\b([^\s<>@]{1,100}@[^\s<>@]{1,100}\.[a-z]{2,})\s*$/i.exec(value);
  if (bare) return { name: bare[1]!.trim(), email: bare[2]!.toLowerCase() };
  return { name: value.trim(), email: null };
}

export interface IdentityMatch {
  agent: AgentDefinition | null;
  match: string;
  /** "config-bot" when matched through the config's `ai.bots`. */
  via: "catalogue" | "config-bot";
}

/** Is this identity a catalogued agent (or a config bot)? Names alone never match, except tool marks. */
export function matchIdentity(
  id: { name?: string | null; email?: string | null; login?: string | null; isBot?: boolean },
  extras: ExtraSignals,
): IdentityMatch | null {
  const login = id.login?.trim().toLowerCase() || null;
  const email = id.email?.trim().toLowerCase() || null;
  const name = id.name?.trim() || null;
  if (login) {
    const agent = byLogin.get(login);
    if (agent) return { agent, match: id.login!, via: "catalogue" };
    const g = guarded.get(login);
    if (g && id.isBot) return { agent: g.agent, match: id.login!, via: "catalogue" };
  }
  if (email) {
    const agent = byEmail.get(email);
    if (agent) return { agent, match: email, via: "catalogue" };
    const noreply = GITHUB_NOREPLY.exec(email);
    if (noreply) {
      const noreplyLogin = noreply[2]!.toLowerCase();
      const byNoreply = byLogin.get(noreplyLogin);
      if (byNoreply) return { agent: byNoreply, match: email, via: "catalogue" };
      const g = guarded.get(noreplyLogin);
      if (g && noreply[1] && g.ids.has(Number(noreply[1]))) return { agent: g.agent, match: email, via: "catalogue" };
    }
  }
  if (name) {
    // A commit name equal to an app login ("anthropic-code-agent[bot]") is the app itself.
    if (name.endsWith("[bot]")) {
      const agent = byLogin.get(name.toLowerCase());
      if (agent) return { agent, match: name, via: "catalogue" };
    }
    for (const agent of AGENTS) {
      for (const mark of agent.nameMarks ?? []) {
        if (mark.pattern.test(name)) return { agent, match: name, via: "catalogue" };
      }
    }
  }
  if (extras.bots.size > 0) {
    for (const candidate of [login, email, name?.toLowerCase() ?? null]) {
      if (!candidate) continue;
      const bare = candidate.replace(/\[bot\]$/, "");
      if (extras.bots.has(candidate) || extras.bots.has(bare) || extras.bots.has(`${bare}[bot]`)) {
        return { agent: null, match: candidate, via: "config-bot" };
      }
      const noreply = GITHUB_NOREPLY.exec(candidate);
      if (
        noreply &&
        (extras.bots.has(noreply[2]!.toLowerCase()) || extras.bots.has(`${noreply[2]!.toLowerCase()}[bot]`))
      )
        return { agent: null, match: candidate, via: "config-bot" };
    }
  }
  return null;
}

/** A co-author address that is clearly an AI's (vendor domain with a noreply/agent local part). */
export function isGenericAiAddress(name: string, email: string | null): boolean {
  if (!email) return false;
  const at = email.lastIndexOf("@");
  if (at <= 0) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const within = (d: string) => domain === d || domain.endsWith(`.${d}`);
  if (AI_DOMAINS.some(within) && (AI_LOCAL_PARTS.has(local) || GENERIC.modelLocalPart.test(local))) return true;
  if (GENERIC.modelNameDomains.some(within) && GENERIC.modelLocalPart.test(local)) return true;
  // An AI model name with a noreply-style address ("ChatGPT <noreply@example.com>").
  return AI_LOCAL_PARTS.has(local) && GENERIC.aiNames.test(name);
}

/** Words in a GitHub App's login or display name that declare it an AI ("cubic-dev-ai", "… powered by AI"). */
const AI_BOT_WORDS = new Set(GENERIC.aiBotWords);

function nameWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\[bot\]$/, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * A GitHub App identity (a `[bot]` login, or its `…[bot]@users.noreply.github.com` address) whose login
 * or display name declares AI: AI evidence even when the catalogue does not know the app. Only apps
 * can hold `[bot]` identities, so a person's commit that merely names an AI never matches.
 */
export function isAiNamedBot(id: { name?: string | null; email?: string | null; login?: string | null }): boolean {
  const noreply = id.email ? GITHUB_NOREPLY.exec(id.email.trim()) : null;
  const botLogin = noreply?.[2] ?? id.login?.trim() ?? "";
  if (!/\[bot\]$/i.test(botLogin)) return false;
  return [...nameWords(botLogin), ...nameWords(id.name ?? "")].some((w) => AI_BOT_WORDS.has(w));
}

/** Which agent a free-text declaration names ("Claude Code (Claude Opus 4.6)"), if any. */
export function agentNamedIn(text: string): AgentDefinition | null {
  for (const agent of AGENTS) if (agent.aliases.test(text)) return agent;
  return null;
}

const HUMAN_IDENTITY = /<[^<>@\s]+@[^<>\s]+>/;
const NEGATIVE_VALUE = /^(?:no|none|false|n\/?a|0|-)\b/i;
const AI_WORDS = /\b(?:AI|LLMs?|GenAI|gen-AI|GPT[-\w.]*|chatgpt|copilot)\b/i;

// ---- collector ----

export class EvidenceCollector {
  readonly evidence: AiEvidence[] = [];
  /** Every `where` that has at least one evidence row. */
  readonly places = new Set<string>();
  private readonly seen = new Set<string>();

  add(signal: string, where: string, match: string, agent: string | null, weight: SignalWeight): void {
    // PR facts are hostile: secrets masked on the raw text before the cut, one line, no control characters.
    const short = quote(match, 120);
    const key = `${signal}\u0000${where}\u0000${short}\u0000${agent}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.places.add(where);
    this.evidence.push({ signal, where, match: short, agent, weight });
  }
}

/** Identity of an author/committer/PR author. */
export function identitySignals(
  c: EvidenceCollector,
  where: string,
  role: "author" | "committer" | "pr-author",
  id: { name?: string | null; email?: string | null; login?: string | null; isBot?: boolean },
  extras: ExtraSignals,
): IdentityMatch | null {
  const m = matchIdentity(id, extras);
  if (!m) {
    if (isAiNamedBot(id)) {
      const match = id.login || id.email || id.name || "";
      c.add(
        role === "pr-author" ? "bot-author" : `agent-${role}`,
        where,
        match,
        agentNamedIn(match)?.id ?? null,
        "certain",
      );
    }
    return null;
  }
  const signal = m.via === "config-bot" ? "config-bot" : role === "pr-author" ? "bot-author" : `agent-${role}`;
  c.add(signal, where, m.match, m.agent?.id ?? null, "certain");
  return m;
}

export interface TrailerScan {
  /** Co-authors that are neither agents nor AI addresses (people), as login or name. */
  humanCoAuthors: string[];
}

/**
 * Trailers and tool text in prose lines (code and quotes already removed). `inCommit` says whether
 * these lines are a commit message (trailers there are certain) or a PR body (copied, so strong).
 */
export function textSignals(
  c: EvidenceCollector,
  where: string,
  lines: readonly string[],
  inCommit: boolean,
  extras: ExtraSignals,
): TrailerScan {
  const humanCoAuthors: string[] = [];
  // A trailer copied into a PR body is one step weaker: prose can quote it.
  const trailerWeight = (w: "certain" | "strong" | "supporting"): SignalWeight =>
    inCommit || w === "supporting" ? w : "strong";
  for (const line of lines) {
    const trailer = parseTrailer(line);
    if (trailer) {
      const { key, value } = trailer;
      if (CO_AUTHOR_KEYS.has(key)) {
        const ident = parseIdentity(value);
        const m = matchIdentity({ name: ident.name, email: ident.email }, extras);
        if (m) {
          c.add(
            m.via === "config-bot" ? "config-bot" : "co-author-trailer",
            where,
            line.trim(),
            m.agent?.id ?? null,
            trailerWeight("certain"),
          );
        } else if (isGenericAiAddress(ident.name, ident.email) || isAiNamedBot(ident)) {
          c.add(
            "co-author-trailer",
            where,
            line.trim(),
            agentNamedIn(ident.name)?.id ?? null,
            trailerWeight("certain"),
          );
        } else if (ident.email && !/\[bot\]@|^(?:you|your\.?email|user|email)@example\.com$/i.test(ident.email)) {
          const noreply = GITHUB_NOREPLY.exec(ident.email);
          humanCoAuthors.push(noreply ? noreply[2]! : ident.name || ident.email);
        }
        continue;
      }
      const agentTrailers = byTrailerKey.get(key);
      if (agentTrailers) {
        for (const { agent, signal } of agentTrailers) {
          if (signal.value && !signal.value.test(value)) continue;
          c.add("agent-trailer", where, line.trim(), agent.id, trailerWeight(signal.weight));
        }
        continue;
      }
      if (PLATFORM_KEYS.has(key)) {
        c.add("agent-trailer", where, line.trim(), null, trailerWeight("certain"));
        continue;
      }
      if (DECLARATION_KEYS.has(key)) {
        declarationTrailer(c, where, key, value, line.trim(), extras);
        continue;
      }
      if (extras.trailers.has(key)) {
        c.add("config-trailer", where, line.trim(), agentNamedIn(value)?.id ?? null, trailerWeight("certain"));
        continue;
      }
    }
    const lower = line.toLowerCase();
    if (!TEXT_HINTS.some((h) => lower.includes(h))) continue;
    const trimmed = line.trim().replace(/^[*_]+|[*_]+$/g, "");
    // A footer is a short line of its own; links and statements may sit anywhere in a long line, so
    // every window of it is tried.
    const footerLine = trimmed.length <= MAX_LINE_CHARS;
    const windows = lineWindows(line);
    let named = false;
    for (const { agent, signal, kind } of TEXT_SIGNALS) {
      const hit =
        kind === "footer" ? footerLine && signal.pattern.test(trimmed) : windows.some((w) => signal.pattern.test(w));
      if (hit) {
        c.add(kind, where, line.trim(), agent.id, signal.weight);
        named = true;
      }
    }
    // A plain statement of AI generation is a declaration; it names an agent only if the line does.
    const head = trimmed.slice(0, MAX_LINE_CHARS);
    if (!named && GENERIC.aiStatement.test(head)) {
      c.add("ai-statement", where, line.trim(), agentNamedIn(head)?.id ?? null, "declared");
    }
  }
  return { humanCoAuthors };
}

function declarationTrailer(
  c: EvidenceCollector,
  where: string,
  key: string,
  value: string,
  line: string,
  extras: ExtraSignals,
): void {
  if (NEGATIVE_VALUE.test(value)) return;
  if (HUMAN_IDENTITY.test(value)) {
    // "Assisted-by: Name <address>": an agent's or AI's address declares; a person's thanks them.
    const ident = parseIdentity(value);
    const m = matchIdentity({ name: ident.name, email: ident.email }, extras);
    if (m) c.add("ai-declaration", where, line, m.agent?.id ?? null, "declared");
    else if (isGenericAiAddress(ident.name, ident.email))
      c.add("ai-declaration", where, line, agentNamedIn(ident.name)?.id ?? null, "declared");
    return;
  }
  const named = agentNamedIn(value);
  if (key === "generated-by" && !named && !AI_WORDS.test(value)) return; // e.g. "Generated-by: protoc"
  c.add("ai-declaration", where, line, named?.id ?? null, "declared");
}

/** Branch name signals: catalogue shapes, anchored at the start, and the config's prefixes. */
export function branchSignals(c: EvidenceCollector, headRef: string, extras: ExtraSignals): void {
  const branch = normaliseBranch(headRef);
  if (!branch) return;
  for (const agent of AGENTS) {
    // Patterns are ordered strongest first; the first hit per agent is its evidence.
    const hit = agent.branches?.find((b) => b.pattern.test(branch));
    // Evidence quotes the whole name: a cut made before quote() could keep part of a secret.
    if (hit) c.add("branch-prefix", "pr.head_ref", headRef.trim(), agent.id, hit.weight);
  }
  for (const prefix of extras.branches) {
    if (prefix && branch.toLowerCase().startsWith(prefix.toLowerCase())) {
      c.add("config-branch", "pr.head_ref", headRef.trim(), null, "strong");
    }
  }
}

/** "refs/heads/x" and "owner:x" (a fork's head label) to "x". */
export function normaliseBranch(ref: string): string {
  let b = ref.trim().slice(0, 300);
  if (b.startsWith("refs/heads/")) b = b.slice("refs/heads/".length);
  const colon = b.indexOf(":");
  if (colon > 0 && !b.slice(0, colon).includes("/")) b = b.slice(colon + 1);
  return b;
}

/** PR title or commit subject written by a tool. */
export function titleSignals(c: EvidenceCollector, where: string, subject: string): void {
  const s = subject.trim().slice(0, 300);
  if (!s) return;
  for (const agent of AGENTS) {
    for (const t of agent.titles ?? []) {
      if (t.pattern.test(s)) c.add("agent-title", where, subject.trim(), agent.id, t.weight);
    }
  }
  for (const o of GENERIC.orchestratorSubjects) {
    if (o.pattern.test(s)) c.add("agent-title", where, subject.trim(), null, "strong");
  }
}

export function labelSignals(c: EvidenceCollector, labels: readonly string[], extras: ExtraSignals): void {
  for (const raw of labels.slice(0, 100)) {
    if (typeof raw !== "string") continue;
    const label = normaliseLabel(raw);
    if (!label) continue;
    const agent = byLabel.get(label);
    if (agent) c.add("label", "pr.labels", raw, agent.id, "declared");
    else if (GENERIC_LABELS.has(label) || extras.labels.has(label)) c.add("label", "pr.labels", raw, null, "declared");
  }
}

const TICKED = /^\s{0,6}(?:[-*+]|\d{1,3}[.)])\s+\[[xX]\]\s+(.{1,300})/;
const CHECKBOX_AI = /\b(?:AI|A\.I\.|GenAI|gen-AI|LLMs?|generative|machine-generated|coding agents?|AI agents?)\b/;
const CHECKBOX_AI_CI = /\b(?:llms?|generative ai|genai|ai-(?:assisted|generated|authored|written))\b/i;
const CHECKBOX_USE =
  /\b(?:used?|using|uses|assisted|generated|written|wrote|authored|co-?authored|created|helped|help|with|involved|produced|by)\b/i;
const CHECKBOX_NEGATION =
  /\b(?:no|not|without|never|none|didn'?t|don'?t|zero|read|policy|policies|guidelines?|understand|agree|acknowledge|aware|reviewed|review)\b/i;
const YES_ANSWER = /^(?:yes|yep|y)\b/i;
const QUESTION_AI = /\b(?:AI|LLMs?|GenAI|generative|coding agents?|copilot|chatgpt)\b/i;

/**
 * A ticked PR-template box that declares AI use ("- [x] This PR was written with AI assistance",
 * or "- [x] Yes — Claude Code" under "Was generative AI tooling used?"). Negations and
 * policy acknowledgements ("- [x] I have read the AI policy") do not count.
 */
export function checkboxSignals(c: EvidenceCollector, lines: readonly string[]): void {
  let recentQuestion = -100;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const ticked = TICKED.exec(line);
    if (!ticked) {
      if (line.includes("?") && QUESTION_AI.test(line)) recentQuestion = i;
      continue;
    }
    const text = ticked[1]!.trim();
    const named = agentNamedIn(text);
    const mentionsAi = CHECKBOX_AI.test(text) || CHECKBOX_AI_CI.test(text);
    if (mentionsAi && CHECKBOX_USE.test(text) && !CHECKBOX_NEGATION.test(text)) {
      c.add("template-declaration", "pr.body", line.trim(), named?.id ?? null, "declared");
      continue;
    }
    // An answer box under a question about AI use, a few lines above.
    if (i - recentQuestion <= 4 && YES_ANSWER.test(text)) {
      c.add("template-declaration", "pr.body", line.trim(), named?.id ?? null, "declared");
    }
  }
}

const REQUESTER =
  /\b(?:requested|assigned|started|triggered|initiated|invoked|prompted) by:?\s{1,3}(?:[^@\n()]{0,60}\(\s{0,2})?@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/gi;

/** Humans named as having asked the agent for this work ("Requested by: Dana Kim (@dkim)"). */
export function requestersIn(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (!/ by/i.test(line)) continue;
    for (const m of line.matchAll(REQUESTER)) out.push(m[1]!);
  }
  return out;
}
