/**
 * Signal extraction: turns PR facts into evidence rows. Each function looks at one kind of fact
 * (identity, trailer, footer/link, branch, title, label, template checkbox) and consults the catalogue.
 * Everything is linear in the size of the input; regexes run on capped prose lines only.
 */
import type { AiEvidence } from "../types.js";
import { type AgentDefinition, type SignalWeight } from "./catalogue.js";
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
export declare const NO_EXTRAS: ExtraSignals;
export declare function normaliseLabel(label: string): string;
export declare function normaliseTrailerKey(key: string): string;
/** `Key: value` with casing and spacing variants ("co-authored-by:", "Co-Authored-By :"). */
export declare function parseTrailer(line: string): {
    key: string;
    value: string;
} | null;
/** "Name <email>" (or "Name email@host") into its parts. */
export declare function parseIdentity(value: string): {
    name: string;
    email: string | null;
};
export interface IdentityMatch {
    agent: AgentDefinition | null;
    match: string;
    /** "config-bot" when matched through the config's `ai.bots`. */
    via: "catalogue" | "config-bot";
}
/** Is this identity a catalogued agent (or a config bot)? Names alone never match, except tool marks. */
export declare function matchIdentity(id: {
    name?: string | null;
    email?: string | null;
    login?: string | null;
    isBot?: boolean;
}, extras: ExtraSignals): IdentityMatch | null;
/** A co-author address that is clearly an AI's (vendor domain with a noreply/agent local part). */
export declare function isGenericAiAddress(name: string, email: string | null): boolean;
/**
 * A GitHub App identity (a `[bot]` login, or its `…[bot]@users.noreply.github.com` address) whose login
 * or display name declares AI: AI evidence even when the catalogue does not know the app. Only apps
 * can hold `[bot]` identities, so a person's commit that merely names an AI never matches.
 */
export declare function isAiNamedBot(id: {
    name?: string | null;
    email?: string | null;
    login?: string | null;
}): boolean;
/** Which agent a free-text declaration names ("Claude Code (Claude Opus 4.6)"), if any. */
export declare function agentNamedIn(text: string): AgentDefinition | null;
export declare class EvidenceCollector {
    readonly evidence: AiEvidence[];
    /** Every `where` that has at least one evidence row. */
    readonly places: Set<string>;
    private readonly seen;
    add(signal: string, where: string, match: string, agent: string | null, weight: SignalWeight): void;
}
/** Identity of an author/committer/PR author. */
export declare function identitySignals(c: EvidenceCollector, where: string, role: "author" | "committer" | "pr-author", id: {
    name?: string | null;
    email?: string | null;
    login?: string | null;
    isBot?: boolean;
}, extras: ExtraSignals): IdentityMatch | null;
export interface TrailerScan {
    /** Co-authors that are neither agents nor AI addresses (people), as login or name. */
    humanCoAuthors: string[];
}
/**
 * Trailers and tool text in prose lines (code and quotes already removed). `inCommit` says whether
 * these lines are a commit message (trailers there are certain) or a PR body (copied, so strong).
 */
export declare function textSignals(c: EvidenceCollector, where: string, lines: readonly string[], inCommit: boolean, extras: ExtraSignals): TrailerScan;
/** Branch name signals: catalogue shapes, anchored at the start, and the config's prefixes. */
export declare function branchSignals(c: EvidenceCollector, headRef: string, extras: ExtraSignals): void;
/** "refs/heads/x" and "owner:x" (a fork's head label) to "x". */
export declare function normaliseBranch(ref: string): string;
/** PR title or commit subject written by a tool. */
export declare function titleSignals(c: EvidenceCollector, where: string, subject: string): void;
export declare function labelSignals(c: EvidenceCollector, labels: readonly string[], extras: ExtraSignals): void;
/**
 * A ticked PR-template box that declares AI use ("- [x] This PR was written with AI assistance",
 * or "- [x] Yes — Claude Code" under "Was generative AI tooling used?"). Negations and
 * policy acknowledgements ("- [x] I have read the AI policy") do not count.
 */
export declare function checkboxSignals(c: EvidenceCollector, lines: readonly string[]): void;
/** Humans named as having asked the agent for this work ("Requested by: Dana Kim (@dkim)"). */
export declare function requestersIn(lines: readonly string[]): string[];
