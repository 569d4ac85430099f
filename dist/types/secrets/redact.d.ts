/**
 * Masking for outputs. Findings come from the precise detectors (detect.ts), tuned against false
 * positives; masking errs the other way: any value under a secret-named key, any password passed to a
 * command and any password in a URL is masked, judged or not, because hiding a harmless word costs
 * nothing and printing a weak password costs the password.
 */
export interface SecretSpan {
    start: number;
    end: number;
    /** What replaces `[start, end)` in an output. */
    masked: string;
    /** The value without its public prefix: the part that must never show. */
    secret: string;
    /** A detector would report it (a known format, or judged random): its fragments are guarded too. */
    confident: boolean;
}
/** Every maskable value on one line; long lines are read in overlapping windows (linear). */
export declare function secretSpans(line: string, nextLine?: string): readonly SecretSpan[];
/**
 * Spans of each line of a sequence (a file's lines, a multi-line message). The base64 lines between a
 * private key's BEGIN and END markers are key material: no single one of them looks like a secret alone.
 * `known` marks lines already scanned by the caller (their spans are left out).
 */
export declare function lineSpans(lines: readonly string[], known?: (index: number) => boolean): (readonly SecretSpan[])[];
/**
 * `text` with every maskable value replaced by its masked form (multi-line text keeps its lines).
 * Findings never carry values; this catches values that reach an output by another path (a rule quoting
 * a line, a PR fact, an error message).
 */
export declare function redactSecrets(text: string): string;
