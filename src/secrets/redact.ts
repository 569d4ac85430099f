import { detectLine, fileTraits } from "./detect.js";
import { maskSecret } from "./mask.js";

const TRAITS = fileTraits("text.env");

/**
 * Defense in depth for outputs (logs, comments, annotations): replace anything in `text` that the
 * secret scanner recognizes with its masked form. Findings never carry values; this catches values
 * that reach an output by another path (a rule echoing a line, an error message).
 */
export function redactSecrets(text: string): string {
  if (text.length < 8) return text;
  const lines = text.split("\n");
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const found = detectLine(line, TRAITS, lines[i + 1]);
    if (found.length === 0) continue;
    let out = "";
    let at = 0;
    for (const d of found.sort((a, b) => a.start - b.start)) {
      if (d.start < at) continue;
      out += line.slice(at, d.start) + maskSecret(d.label, d.value);
      at = d.end;
    }
    lines[i] = out + line.slice(at);
    changed = true;
  }
  return changed ? lines.join("\n") : text;
}
