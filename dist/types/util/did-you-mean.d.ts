/**
 * "Did you mean …?" for mistyped commands, flags, config keys and rule ids: the closest candidate by
 * edit distance (adjacent swaps count as one edit), when it is close enough to be the likely intent.
 */
/** Optimal-string-alignment distance, with an early exit once every cell of a row exceeds `limit`. */
export declare function editDistance(a: string, b: string, limit?: number): number;
/** The candidate `input` most likely meant, or null when none is close (about a third of its length). */
export declare function closest(input: string, candidates: Iterable<string>): string | null;
/** `; did you mean "scan"?` or the empty string. */
export declare function didYouMean(input: string, candidates: Iterable<string>, show?: (s: string) => string): string;
