/**
 * The last line of defence: the secret values found anywhere in this run (diff lines on both sides, file
 * names, PR facts, config values) are remembered, and any output string that still carries 8 or more
 * consecutive characters of one of them gets that run masked. Masking should already have happened where
 * the text was quoted, so every hit here is a bug, reported as such in the warnings.
 *
 * Linear time: a rolling hash over the text checks each 8-character window against the set of windows of
 * the known secrets; only hash hits compare strings.
 */

export const FRAGMENT = 8;
export const MASKED_FRAGMENT = "…(masked)";

const BASE = 0x01000193;
// BASE^(FRAGMENT-1) mod 2^32, to take the outgoing character out of the rolling hash.
let OUTGOING = 1;
for (let i = 1; i < FRAGMENT; i++) OUTGOING = Math.imul(OUTGOING, BASE) >>> 0;

/** Characters of tokens and passwords that carry no syntax in Markdown (not even `/`, as in `</details>`), JSON or a terminal. */
const PLAIN = /^[A-Za-z0-9+=_.~-]+$/;

export interface GuardResult {
  text: string;
  /** Masked runs: each one is a leak that escaped the masking at the source. */
  leaks: number;
}

export class SecretGuard {
  private readonly windows = new Set<string>();
  private readonly hashes = new Set<number>();

  /** Remember a secret (without its public prefix). Values shorter than a fragment cannot leak one. */
  add(secret: string): void {
    for (let i = 0; i + FRAGMENT <= secret.length; i++) {
      const w = secret.slice(i, i + FRAGMENT);
      if (this.windows.has(w)) continue;
      this.windows.add(w);
      this.hashes.add(hashOf(w));
    }
  }

  get empty(): boolean {
    return this.windows.size === 0;
  }

  /**
   * Mask every run of `text` covered by windows of known secrets. With `plainOnly`, only windows made of
   * token characters count: used on rendered Markdown or JSON, where a window containing `<`, `"` or a
   * backtick could also be the format's own syntax and masking it would break the document. `exempt`
   * windows (the report's own vocabulary) are left alone too.
   */
  mask(text: string, plainOnly = false, exempt?: (window: string) => boolean): GuardResult {
    if (this.windows.size === 0 || text.length < FRAGMENT) return { text, leaks: 0 };
    let h = 0;
    for (let i = 0; i < FRAGMENT; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) >>> 0;
    let out = "";
    let copied = 0;
    let runStart = -1;
    let runEnd = -1;
    let leaks = 0;
    for (let i = 0; ; i++) {
      if (this.hashes.has(h)) {
        const w = text.slice(i, i + FRAGMENT);
        if (this.windows.has(w) && (!plainOnly || PLAIN.test(w)) && !exempt?.(w)) {
          if (i > runEnd) {
            if (runStart >= 0) {
              out += text.slice(copied, runStart) + MASKED_FRAGMENT;
              copied = runEnd;
              leaks++;
            }
            runStart = i;
          }
          runEnd = i + FRAGMENT;
        }
      }
      if (i + FRAGMENT >= text.length) break;
      h = (Math.imul((h - Math.imul(text.charCodeAt(i), OUTGOING)) >>> 0, BASE) + text.charCodeAt(i + FRAGMENT)) >>> 0;
    }
    if (runStart < 0) return { text, leaks: 0 };
    out += text.slice(copied, runStart) + MASKED_FRAGMENT;
    return { text: out + text.slice(runEnd), leaks: leaks + 1 };
  }
}

function hashOf(window: string): number {
  let h = 0;
  for (let i = 0; i < window.length; i++) h = (Math.imul(h, BASE) + window.charCodeAt(i)) >>> 0;
  return h;
}

const guards = new WeakMap<object, SecretGuard>();

/** The guard of the run that produced `report`, for the formats' final pass. Never serialized. */
export function attachGuard(report: object, guard: SecretGuard): void {
  guards.set(report, guard);
}

export function guardOf(report: object): SecretGuard | undefined {
  return guards.get(report);
}
