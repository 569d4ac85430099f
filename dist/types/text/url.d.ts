/**
 * A repository path as a URL path (links in the PR comment, SARIF locations): each segment
 * percent-encoded, parentheses too (they would end a Markdown link), and a lone surrogate (which
 * encodeURIComponent throws on) replaced by U+FFFD.
 */
export declare function encodePath(path: string): string;
