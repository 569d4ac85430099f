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
export const MAX_LINE_CHARS = 4_000;
const LINE_OVERLAP = 500;
/** Longest text (PR body, commit message) read whole; longer ones are read as head and tail. */
export const MAX_TEXT_CHARS = 100_000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE = /^ {0,3}>/;
// Backtick spans: double-backtick spans first (they may contain single backticks), then single ones.
const INLINE_CODE = /``[^`\n]*``|`[^`\n]*`/g;

/** The parts of `text` that are read: all of it, or its head and tail (cut at line breaks) when too long. */
export function readParts(text: string): string[] {
  if (text.length <= MAX_TEXT_CHARS) return [text];
  const half = MAX_TEXT_CHARS / 2;
  const headEnd = text.lastIndexOf("\n", half);
  const tailStart = text.indexOf("\n", text.length - half);
  return [
    text.slice(0, headEnd > 0 ? headEnd : half),
    tailStart >= 0 ? text.slice(tailStart + 1) : text.slice(text.length - half),
  ];
}

/** Overlapping windows of a long line, so a pattern anywhere in it is seen whole (if under the overlap). */
export function lineWindows(line: string): string[] {
  if (line.length <= MAX_LINE_CHARS) return [line];
  const out: string[] = [];
  for (let at = 0; at < line.length; at += MAX_LINE_CHARS - LINE_OVERLAP) {
    out.push(line.slice(at, at + MAX_LINE_CHARS));
    if (at + MAX_LINE_CHARS >= line.length) break;
  }
  return out;
}

/**
 * Lines of `text` that are prose: fenced code blocks, `>` quotes and inline code spans removed.
 * HTML comments are kept on purpose: agents put machine-readable markers in them.
 */
export function proseLines(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const part of readParts(text)) {
    let fence: string | null = null;
    for (const line of part.split(/\r?\n/)) {
      const fenceMatch = FENCE.exec(line);
      if (fence !== null) {
        // A fence closes with the same character, at least as long as the opener.
        if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
        continue;
      }
      if (fenceMatch) {
        fence = fenceMatch[1]!;
        continue;
      }
      if (QUOTE.test(line)) continue;
      out.push(line.includes("`") ? line.replace(INLINE_CODE, " ") : line);
    }
  }
  return out;
}
