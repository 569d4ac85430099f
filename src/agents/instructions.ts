import type { Severity } from "../types.js";
import { compileGlobs } from "../util/paths.js";
import { INSTRUCTION_FILES } from "./catalogue.js";

/**
 * Sentences in the files agents read as standing instructions (AGENTS.md, CLAUDE.md, Cursor rules,
 * Copilot instructions, skills…) that keep a human in the loop ("ask before pushing", "never touch
 * production") or take them out of it ("never ask for confirmation", "you have full permission").
 * Read sentence by sentence, so that "never push without asking" is a safety rule, not a loosening.
 */

const instructionFile = compileGlobs(INSTRUCTION_FILES);

export function isInstructionFile(path: string): boolean {
  return instructionFile(path);
}

export type InstructionKind = "safety" | "loosening";

export interface InstructionClass {
  kind: InstructionKind;
  severity: Severity;
  /** What the sentence does, for the message. */
  gist: string;
}

const ASKING =
  /\b(?:ask(?:ing)?|check(?:ing)? with|confirm(?:ing)?(?: with)?|wait(?:ing)? for|get(?:ting)?|obtain(?:ing)?|request(?:ing)?|seek(?:ing)?)\b[^.;:!?]{0,60}\b(?:user|human|maintainer|owner|reviewer|approval|approve|permission|confirmation|consent|go-ahead|sign-?off)\b/i;
const ASK_FIRST = /\bask\s+(?:\w+\s+){0,3}?(?:before|first)\b/i;
const NEEDS_APPROVAL =
  /\b(?:requires?|needs?|must (?:have|get|be)|only (?:with|after))\b[^.;:!?]{0,40}\b(?:approv\w*|permission|confirm\w*|consent|review)\b/i;
const PROHIBITION =
  /\b(?:never|do not|don't|must not|mustn't|should not|shouldn't|avoid|no|forbidden|not allowed to|refuse to)\b/i;
const SENSITIVE =
  /\b(?:push|force[- ]?push|--force|delete|remove|drop|truncate|rm -rf|deploy|merge|release|publish|production|prod|secrets?|credentials?|\.env|api keys?|tokens?|passwords?|main branch|master|reset --hard|rewrite history|history|migrations?|databases?|infrastructure|terraform|kubectl|sudo|--no-verify|(?:switch|change|create) (?:branch|worktree)|branches|worktrees?)\b/i;

const NEGATED_ASKING =
  /\b(?:never|don't|do not|no need to|without)\s+(?:\w+\s+){0,3}?(?:ask(?:ing)?|wait(?:ing)?|prompt(?:ing)?|request(?:ing)?|seek(?:ing)?|check(?:ing)? (?:with|back)|confirm(?:ing|ation)?)\b[^.;!?]{0,50}\b(?:confirm\w*|permission|approv\w*|user|me|us|human|consent|sign-?off|go-ahead|first)\b/i;
const BROAD_AUTHORITY =
  /\b(?:you (?:have|are given|are granted) (?:full|complete|unrestricted|unlimited|all)(?: the)? (?:permission|permissions|access|autonomy|authority|control))\b|\byou (?:are|'re) (?:allowed|authorized|permitted|free) to (?:run|execute|delete|push|deploy|modify|change|do) (?:any|anything|everything|whatever)\b|\b(?:auto-?approve|assume (?:yes|approval|consent)|yolo mode|--dangerously-skip-permissions|bypass(?:ing)? (?:the )?(?:approvals?|permissions?|sandbox|safety|hooks|checks|review))\b|\b(?:proceed|continue|go ahead|act) (?:autonomously |directly )?without (?:asking|confirmation|approval|permission|waiting)\b/i;
const DIRECT_TO_PROD =
  /\b(?:push|commit|merge|deploy|release)\w*\s+(?:\w+\s+){0,2}?directly\s+(?:to|into|on)\s+(?:main|master|production|prod|the default branch)\b/i;
const OVERRIDE =
  /\bignore (?:all |any )?(?:previous|prior|other|safety|security) (?:instructions|rules|guidelines|restrictions)\b/i;

function sentences(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+|\s+-\s+|\s*\u2014\s*/).filter((s) => s.trim() !== "");
}

/** The instruction a sentence gives, or null for anything else (how to build, code style, context). */
function classifySentence(s: string): InstructionClass | null {
  const stakes: Severity = /\bproduction|prod\b|secrets?|credentials?|force[- ]?push|delete|drop|deploy/i.test(s)
    ? "high"
    : "medium";
  if (OVERRIDE.test(s)) return { kind: "loosening", severity: "high", gist: "tells the agent to ignore its rules" };
  const prohibited = PROHIBITION.exec(s);
  const negAsk = NEGATED_ASKING.exec(s);
  // "never push without asking": the prohibition comes first, so it is a safety rule.
  if (negAsk && !(prohibited && prohibited.index < negAsk.index && SENSITIVE.test(s.slice(0, negAsk.index)))) {
    // "without requesting additional permission": an exception to a rule that stays, not the rule gone.
    const exception = /\b(?:additional|further|extra|separate|re-?)\s*(?:permission|approval|confirmation)/i.test(s);
    return {
      kind: "loosening",
      severity: exception ? "low" : stakes === "high" ? "critical" : "high",
      gist: "tells the agent not to ask for confirmation",
    };
  }
  if (BROAD_AUTHORITY.test(s))
    return {
      kind: "loosening",
      severity: stakes === "high" ? "critical" : "high",
      gist: "grants the agent broad authority",
    };
  if (DIRECT_TO_PROD.test(s))
    return { kind: "loosening", severity: "high", gist: "tells the agent to push or deploy directly" };
  if (ASKING.test(s) || ASK_FIRST.test(s) || NEEDS_APPROVAL.test(s))
    return { kind: "safety", severity: stakes, gist: "required the agent to ask a human first" };
  if (prohibited && SENSITIVE.test(s.slice(prohibited.index)))
    return { kind: "safety", severity: stakes, gist: "forbade the agent a risky action" };
  return null;
}

export interface ClassifiedSentence extends InstructionClass {
  sentence: string;
  words: Set<string>;
}

/** The instructions a line gives, sentence by sentence. */
export function classifyInstructions(line: string): ClassifiedSentence[] {
  const text = line.replace(/^[\s>*#+\-\d.)`]+/, "").trim();
  if (text.length < 12) return [];
  const out: ClassifiedSentence[] = [];
  for (const sentence of sentences(text)) {
    const c = classifySentence(sentence);
    if (c) out.push({ ...c, sentence, words: wordsOf(sentence) });
  }
  return out;
}

function wordsOf(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .replace(/[^a-z0-9\s-]/g, " ")
      .split(/\s+/)
      .filter((w) => w.length > 3),
  );
}

/** Two sentences say about the same thing (a reworded rule): most of their words are shared. */
export function similar(a: Set<string>, b: Set<string>, threshold: number): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / Math.min(a.size, b.size) >= threshold;
}

/**
 * Answers "is any of these sets `similar` to this one?" without comparing it with every set: a rewrite of a
 * long instruction file asks that for thousands of sentences. A set of size c matches a query of size q
 * only if they share at least `need` words, the least count with need / min(q, c) >= threshold; so after
 * dropping the query's need − 1 words that most sets of size c contain, a match still shares one of the
 * rest, and only the sets listed under those words are compared (prefix filtering). Same answer as
 * `sets.some((s) => similar(s, query, threshold))`.
 */
export class SimilarSets {
  /** By set size: the sets, and for each word the indexes of the sets that contain it. */
  private readonly bySize = new Map<number, { sets: Set<string>[]; posting: Map<string, number[]> }>();

  constructor(
    sets: Iterable<Set<string>>,
    private readonly threshold: number,
  ) {
    for (const set of sets) {
      if (set.size === 0) continue;
      let bucket = this.bySize.get(set.size);
      if (!bucket) {
        bucket = { sets: [], posting: new Map() };
        this.bySize.set(set.size, bucket);
      }
      const index = bucket.sets.push(set) - 1;
      for (const word of set) {
        const list = bucket.posting.get(word);
        if (list) list.push(index);
        else bucket.posting.set(word, [index]);
      }
    }
  }

  hasSimilar(query: Set<string>): boolean {
    if (query.size === 0) return false;
    // At no threshold every pair matches, shared words or not: nothing to filter by.
    if (this.threshold <= 0) return this.bySize.size > 0;
    const words = [...query];
    for (const [size, { sets, posting }] of this.bySize) {
      const least = Math.min(query.size, size);
      let need = 1;
      while (need < least && need / least < this.threshold) need++;
      // Rarest words last: the need − 1 most common ones are skipped.
      words.sort((x, y) => (posting.get(y)?.length ?? 0) - (posting.get(x)?.length ?? 0));
      const compared = new Set<number>();
      for (let w = need - 1; w < words.length; w++) {
        for (const index of posting.get(words[w]!) ?? []) {
          if (compared.has(index)) continue;
          compared.add(index);
          if (similar(sets[index]!, query, this.threshold)) return true;
        }
      }
    }
    return false;
  }
}
