/**
 * The last line of defence: the secret values found anywhere in this run (diff lines on both sides, file
 * names, PR facts, config values) are remembered, and any output string that still carries 8 or more
 * consecutive characters of one of them gets that run masked. Masking should already have happened where
 * the text was quoted, so every hit here is a bug, reported as such in the warnings.
 *
 * Linear time: a rolling hash over the text checks each 8-character window against the set of windows of
 * the known secrets; only hash hits compare strings.
 */
export declare const FRAGMENT = 8;
export declare const MASKED_FRAGMENT = "\u2026(masked)";
export interface GuardResult {
    text: string;
    /** Masked runs: each one is a leak that escaped the masking at the source. */
    leaks: number;
}
export declare class SecretGuard {
    private readonly windows;
    private readonly hashes;
    /** Remember a secret (without its public prefix). Values shorter than a fragment cannot leak one. */
    add(secret: string): void;
    get empty(): boolean;
    /**
     * Mask every run of `text` covered by windows of known secrets. With `plainOnly`, only windows made of
     * token characters count: used on rendered Markdown or JSON, where a window containing `<`, `"` or a
     * backtick could also be the format's own syntax and masking it would break the document. `exempt`
     * windows (the report's own vocabulary) are left alone too.
     */
    mask(text: string, plainOnly?: boolean, exempt?: (window: string) => boolean): GuardResult;
}
/** The guard of the run that produced `report`, for the formats' final pass. Never serialized. */
export declare function attachGuard(report: object, guard: SecretGuard): void;
export declare function guardOf(report: object): SecretGuard | undefined;
