/** Shannon entropy in bits per character: ~4.0+ for random base62/base64, ~3.7 for random hex, < 3 for words. */
export declare function shannonEntropy(value: string): number;
/** How many of lower, upper, digit and other printable classes the value uses (0..4). */
export declare function charClassCount(value: string): number;
/** Longest run of one repeated character ("xxxxxxxx", "00000000"): placeholders have long runs. */
export declare function longestRun(value: string): number;
