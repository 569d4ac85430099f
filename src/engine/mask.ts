import type { SecretGuard } from "../secrets/guard.js";
import { attachGuard } from "../secrets/guard.js";
import { redactSecrets } from "../secrets/redact.js";
import { mapStrings, stringsIn } from "../text/walk.js";
import type { Report } from "../types.js";

/** Which part of the report a string path belongs to, for the leak warning (`finding of <rule>`). */
function placeOf(report: Report, path: string): string {
  const finding = /^findings\[(\d+)\]/.exec(path);
  if (finding) return `a finding of ${report.findings[Number(finding[1])]?.ruleId ?? "a rule"}`;
  return path.replace(/\[\d+\].*$|\..*$/, "") || "the report";
}

/**
 * Report fields that hold text (quoted input, names, sentences). The others are the contract's machine
 * values (rule ids, categories, severities, checklist ids, agent ids) that adapters and the App key on:
 * they are never rewritten, whatever a PR registers as a "secret".
 */
const TEXT_FIELDS = new Set([
  "message",
  "remediation",
  "file",
  "files",
  "match",
  "where",
  "reason",
  "text",
  "explanation",
  "warnings",
  "requesters",
]);

export function isTextField(path: string): boolean {
  const last = path.replace(/(?:\[\d+\])+$/, "");
  return TEXT_FIELDS.has(last.slice(last.lastIndexOf(".") + 1));
}

/** The report with every text field emptied: what a format prints of its own (keys, names, template). */
export function skeletonOf(report: Report): Report {
  return mapStrings(report, (text, path) => (isTextField(path) ? "" : text));
}

/**
 * The engine's masking step, over every text field of the report (messages, file names, evidence,
 * reasons, checklist texts, warnings): the maskers first, then the run's guard. A guard hit means a fragment of a secret got past
 * the masking where the text was quoted: it is masked and reported as a bug in the warnings.
 * The guard stays attached to the returned report for the formats' final pass.
 */
export function maskReport(report: Report, guard: SecretGuard): Report {
  const leaks = new Map<string, number>();
  // The report's machine values (rule ids, categories) also appear in its text ("critical secrets sets
  // the floor"): windows of them are never masked, whatever a PR registers as a "secret".
  let vocabulary: string | undefined;
  const own = (window: string) => {
    vocabulary ??= [...stringsIn(report)]
      .filter(([, path]) => !isTextField(path))
      .map(([text]) => text)
      .join("\n");
    return vocabulary.includes(window);
  };
  const masked = mapStrings(report, (text, path) => {
    if (!isTextField(path)) return text;
    const result = guard.mask(redactSecrets(text), false, own);
    if (result.leaks > 0) {
      const place = placeOf(report, path);
      leaks.set(place, (leaks.get(place) ?? 0) + result.leaks);
    }
    return result.text;
  });
  for (const [place, n] of leaks) masked.warnings.push(leakWarning(n, place));
  attachGuard(masked, guard);
  return masked;
}

export function leakWarning(fragments: number, place: string): string {
  return `bug: ${fragments} fragment${fragments === 1 ? "" : "s"} of a secret found in this run reached ${place} unmasked and ${fragments === 1 ? "was" : "were"} masked at the last step; please report this to ai-review-gate`;
}
