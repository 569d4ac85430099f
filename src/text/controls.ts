/**
 * Characters that must never reach an output raw: C0 controls (ESC starts terminal sequences, BEL, CR
 * rewrites the line, NUL), DEL, C1 controls (0x9b is an 8-bit CSI on some terminals), the Unicode line and
 * paragraph separators, and the invisible format characters that reorder or hide text (bidi embeddings,
 * overrides and isolates, as in "Trojan Source"; the byte-order mark). Lone surrogates are included: they
 * are not text, and some renderers mangle what follows them.
 */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `\x1b`, `\u202e`: the code of an unsafe character, readable and inert in every output. */
function visible(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

export function hasUnsafeChars(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/**
 * Replaces every unsafe character (newlines and tabs included) with its visible escape, so a file name
 * with a newline or an ESC shows as `a\nb` or `\x1b]0;title` instead of acting on the reader's screen.
 */
export function escapeControls(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, visible) : text;
}

/** Whitespace runs, line breaks included (NEL and the Unicode separators too), become one space. */
export function singleLine(text: string): string {
  return text.replace(/[\s\u0085]+/g, " ").trim();
}
