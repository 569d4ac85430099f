/**
 * Markdown noise removal for AI-authorship detection: text a human quotes or shows as code
 * ("add `Co-Authored-By: Claude <noreply@anthropic.com>` to your commits") is not a signal.
 */

/** Longest line considered; longer lines are cut so no regex ever sees more. */
export const MAX_LINE_CHARS = 4_000;
/** Longest text (PR body, commit message) considered; the rest is ignored. */
export const MAX_TEXT_CHARS = 100_000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE = /^ {0,3}>/;
// Backtick spans: double-backtick spans first (they may contain single backticks), then single ones.
const INLINE_CODE = /``[^`\n]*``|`[^`\n]*`/g;

/**
 * Lines of `text` that are prose: fenced code blocks, `>` quotes and inline code spans removed.
 * HTML comments are kept on purpose: agents put machine-readable markers in them.
 */
export function proseLines(text: string | null | undefined): string[] {
  if (!text) return [];
  const capped = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  const out: string[] = [];
  let fence: string | null = null;
  for (const raw of capped.split(/\r?\n/)) {
    const line = raw.length > MAX_LINE_CHARS ? raw.slice(0, MAX_LINE_CHARS) : raw;
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
  return out;
}
