import { parseTrailer } from "./signals.js";

/**
 * The trailer block of a commit message, read from its end as `git interpret-trailers` does: the last
 * paragraph (after the last blank line, never the subject paragraph), taken as trailers when all its lines
 * are `Key: value` lines or indented continuations, or when a quarter are and git wrote one of them
 * (`Signed-off-by`, `(cherry picked from commit …)`). Reading from the end
 * means no amount of text before the block, and no unclosed code fence, can hide it. Linear in the size
 * of the block; the message itself is bounded by the input caps.
 */
export function trailerLines(message: string): string[] {
  let end = message.length;
  while (end > 0 && /\s/.test(message[end - 1]!)) end--;
  const lines: string[] = [];
  let pos = end;
  let sawBlank = false;
  while (pos > 0) {
    const nl = message.lastIndexOf("\n", pos - 1);
    const line = message.slice(nl + 1, pos).replace(/\r$/, "");
    if (line.trim() === "") {
      sawBlank = true;
      break;
    }
    lines.push(line);
    pos = Math.max(nl, 0);
  }
  if (!sawBlank || lines.length === 0) return [];
  lines.reverse();
  const heads = lines.filter((l) => !/^\s/.test(l));
  const trailers = heads.filter((l) => parseTrailer(l) !== null);
  if (trailers.length === heads.length) return trailers;
  // git's looser rule: a quarter of trailers is enough when git itself wrote one of them.
  const gitWritten = lines.some((l) => /^Signed-off-by:|^\(cherry picked from commit /i.test(l));
  return gitWritten && trailers.length * 4 >= lines.length ? trailers : [];
}
