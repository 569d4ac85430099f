/**
 * Markdown noise removal for AI-authorship detection: text a human quotes or shows as code
 * ("add `Co-Authored-By: Claude <noreply@anthropic.com>` to your commits") is not a signal.
 *
 * Size caps (docs/ai-detection.md): a text longer than MAX_TEXT_CHARS is read as its first and last
 * MAX_TEXT_CHARS / 2 characters (tool markers sit at the start, footers and trailers at the end) and the
 * engine says so in the report's warnings; a commit's trailer block is always read in full from the end
 * (trailers.ts). Line regexes see windows of MAX_LINE_CHARS that overlap, so no part of a line is skipped.
 */
/** Window that line regexes see at a time; windows overlap by LINE_OVERLAP. */
export declare const MAX_LINE_CHARS = 4000;
/** Longest text (PR body, commit message) read whole; longer ones are read as head and tail. */
export declare const MAX_TEXT_CHARS = 100000;
/** The parts of `text` that are read: all of it, or its head and tail (cut at line breaks) when too long. */
export declare function readParts(text: string): string[];
/** Overlapping windows of a long line, so a pattern anywhere in it is seen whole (if under the overlap). */
export declare function lineWindows(line: string): string[];
/**
 * Lines of `text` that are prose: fenced code blocks, `>` quotes and inline code spans removed.
 * HTML comments are kept on purpose: agents put machine-readable markers in them.
 */
export declare function proseLines(text: string | null | undefined): string[];
