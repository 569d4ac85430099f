import { redactSecrets } from "../secrets/redact.js";
import { escapeControls, singleLine } from "./controls.js";

/** `text` cut to `max` code points (never inside a surrogate pair), ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text.slice(0, max * 2 + 2));
  if (points.length <= max) return points.join("");
  return `${points.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/**
 * The one way to quote untrusted text (a diff line, a PR fact) into a finding message or evidence:
 * secrets are masked on the RAW text first, so a cut can never leave part of a value that the masker
 * would no longer recognize; then the text is made one line with every control character visibly
 * escaped; then it is cut to `max` characters. Formats still escape the result for their own syntax.
 */
export function quote(raw: string, max = 80): string {
  return truncate(escapeControls(singleLine(redactSecrets(raw))), max);
}

/**
 * Untrusted text kept as lines (a section of a PR description): secrets masked on the raw text, then cut
 * to `max` characters. Controls stay: each format escapes them for its own output, block or inline.
 */
export function quoteLines(raw: string, max: number): string {
  return truncate(redactSecrets(raw), max);
}
