/**
 * False-positive control shared by every detector: references to a value stored elsewhere,
 * documentation placeholders, documented example values and well-known public formats.
 */
/** A value that points at a secret kept elsewhere (env var, template, vault, CI secret store). */
export declare function isReference(value: string): boolean;
/**
 * Share of characters inside ascending runs of 3+ ("abc", "123", "xyz"): high for typed examples
 * such as "abc123xyz456", near zero for random strings.
 */
export declare function sequentialShare(value: string): number;
/** True for values that are obviously not a real credential. */
export declare function isPlaceholderValue(value: string): boolean;
/** Provider tokens: the random part after the prefix must not be a placeholder run or an example word. */
export declare function isPlaceholderToken(token: string, randomPart: string): boolean;
/** Public-by-design or non-secret formats that often sit under secret-sounding keys. */
export declare function isKnownNonSecretFormat(value: string): boolean;
/** A generic value looks random enough to be a credential (not a word, a name or a sentence). */
export declare function looksRandom(value: string, strict: boolean): boolean;
