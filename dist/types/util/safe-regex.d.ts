/**
 * User-supplied patterns (custom rules, secret allowlists) run on RE2: linear time, so no pattern
 * can hang the process. RE2 has no lookaround or backreferences; compiling such a pattern is an error
 * the config loader reports with the key path.
 */
export interface SafeRegex {
    readonly source: string;
    test(text: string): boolean;
    /** First match's index and text, or null. */
    find(text: string): {
        index: number;
        text: string;
    } | null;
}
export declare function compileSafeRegex(pattern: string, caseSensitive?: boolean): SafeRegex;
/** Returns an error message when the pattern is not valid RE2, or null. */
export declare function safeRegexError(pattern: string): string | null;
