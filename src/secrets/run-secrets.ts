import type { ChangedFile } from "../diff/model.js";
import { stringsIn } from "../text/walk.js";
import type { Detection } from "./detect.js";
import { SecretGuard } from "./guard.js";
import { secretPartOf } from "./providers.js";
import { lineSpans, secretSpans } from "./redact.js";

/** Where this run's secrets can come from: the diff, and any other input that may be quoted back. */
export interface RunInputs {
  files: readonly ChangedFile[];
  /** PR facts, config, precomputed AI evidence: every string in them is read. */
  others: readonly unknown[];
  /**
   * What the secrets rules' shared scan already found on the added lines of `files`: those lines are not
   * scanned again, which saves most of the cost on a large diff.
   */
  added?: { hits: readonly Pick<Detection, "value" | "prefix">[]; files: ReadonlySet<ChangedFile> };
}

function addLines(guard: SecretGuard, lines: readonly string[], known?: (index: number) => boolean): void {
  // Index loops: for-of over the shared frozen empty list took V8's generic iterator, one result object
  // per line (77 MB of garbage on a 1M-line diff).
  const all = lineSpans(lines, known);
  for (let i = 0; i < all.length; i++) {
    const spans = all[i]!;
    for (let j = 0; j < spans.length; j++) if (spans[j]!.confident) guard.add(spans[j]!.secret);
  }
}

/**
 * The guard for one run: the secret part of every value a detector is confident about, wherever it sits
 * (added, removed and context lines, hunk headers, file names, PR facts, config values). One pass over
 * the input, linear in its size.
 */
export function runSecretGuard(inputs: RunInputs): SecretGuard {
  const guard = new SecretGuard();
  for (const hit of inputs.added?.hits ?? []) guard.add(secretPartOf(hit.value, hit.prefix));
  for (const file of inputs.files) {
    for (const path of file.oldPath ? [file.path, file.oldPath] : [file.path])
      for (const s of secretSpans(path)) if (s.confident) guard.add(s.secret);
    for (const hunk of file.hunks) {
      const lines = hunk.changes.map((c) => c.content);
      const known = inputs.added?.files.has(file) ? (i: number) => hunk.changes[i]?.type === "add" : undefined;
      addLines(guard, lines, known);
      if (hunk.header) addLines(guard, [hunk.header]);
    }
  }
  for (const value of inputs.others) for (const [text] of stringsIn(value)) addLines(guard, text.split("\n"));
  return guard;
}
