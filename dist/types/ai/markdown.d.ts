/**
 * Markdown noise removal for AI-authorship detection: text a human quotes or shows as code
 * ("add `Co-Authored-By: Claude <noreply@anthropic.com>` to your commits") is not a signal.
 */
/** Longest line considered; longer lines are cut so no regex ever sees more. */
export declare const MAX_LINE_CHARS = 4000;
/** Longest text (PR body, commit message) considered; the rest is ignored. */
export declare const MAX_TEXT_CHARS = 100000;
/**
 * Lines of `text` that are prose: fenced code blocks, `>` quotes and inline code spans removed.
 * HTML comments are kept on purpose: agents put machine-readable markers in them.
 */
export declare function proseLines(text: string | null | undefined): string[];
