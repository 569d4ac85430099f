/** `text` cut to `max` code points (never inside a surrogate pair), ending in "…" when cut. */
export declare function truncate(text: string, max: number): string;
/**
 * The one way to quote untrusted text (a diff line, a PR fact) into a finding message or evidence:
 * secrets are masked on the RAW text first, so a cut can never leave part of a value that the masker
 * would no longer recognize; then the text is made one line with every control character visibly
 * escaped; then it is cut to `max` characters. Formats still escape the result for their own syntax.
 */
export declare function quote(raw: string, max?: number): string;
/**
 * Untrusted text kept as lines (a section of a PR description): secrets masked on the raw text, then cut
 * to `max` characters. Controls stay: each format escapes them for its own output, block or inline.
 */
export declare function quoteLines(raw: string, max: number): string;
