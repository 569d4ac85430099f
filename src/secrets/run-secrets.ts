import type { ChangedFile } from "../diff/model.js";
import { stringsIn } from "../text/walk.js";
import { SecretGuard } from "./guard.js";
import { lineSpans, secretSpans } from "./redact.js";

/** Where this run's secrets can come from: the diff, and any other input that may be quoted back. */
export interface RunInputs {
  files: readonly ChangedFile[];
  /** PR facts, config, precomputed AI evidence: every string in them is read. */
  others: readonly unknown[];
}

function addLines(guard: SecretGuard, lines: readonly string[]): void {
  for (const spans of lineSpans(lines)) for (const s of spans) if (s.confident) guard.add(s.secret);
}

/**
 * The guard for one run: the secret part of every value a detector is confident about, wherever it sits
 * (added, removed and context lines, hunk headers, file names, PR facts, config values). One pass over
 * the input, linear in its size.
 */
export function runSecretGuard(inputs: RunInputs): SecretGuard {
  const guard = new SecretGuard();
  for (const file of inputs.files) {
    for (const path of file.oldPath ? [file.path, file.oldPath] : [file.path])
      for (const s of secretSpans(path)) if (s.confident) guard.add(s.secret);
    for (const hunk of file.hunks) {
      const lines = hunk.changes.map((c) => c.content);
      if (hunk.header) lines.unshift(hunk.header);
      addLines(guard, lines);
    }
  }
  for (const value of inputs.others) for (const [text] of stringsIn(value)) addLines(guard, text.split("\n"));
  return guard;
}
