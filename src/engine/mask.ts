import type { SecretGuard } from "../secrets/guard.js";
import { attachGuard } from "../secrets/guard.js";
import { redactSecrets } from "../secrets/redact.js";
import { mapStrings } from "../text/walk.js";
import type { Report } from "../types.js";

/** Which part of the report a string path belongs to, for the leak warning (`finding of <rule>`). */
function placeOf(report: Report, path: string): string {
  const finding = /^findings\[(\d+)\]/.exec(path);
  if (finding) return `a finding of ${report.findings[Number(finding[1])]?.ruleId ?? "a rule"}`;
  return path.replace(/\[\d+\].*$|\..*$/, "") || "the report";
}

function ownMessage(report: Report, path: string): boolean {
  if (!path.startsWith("findings[") || !path.endsWith("].message")) return false;
  const m = /^findings\[(\d+)\]\.message$/.exec(path);
  return m !== null && (report.findings[Number(m[1])]?.ruleId.startsWith("secrets/") ?? false);
}

/**
 * The engine's masking step, over every string of the report (messages, file names, evidence, reasons,
 * warnings): the maskers first, then the run's guard. A guard hit means a fragment of a secret got past
 * the masking where the text was quoted: it is masked and reported as a bug in the warnings.
 * The guard stays attached to the returned report for the formats' final pass.
 */
export function maskReport(report: Report, guard: SecretGuard): Report {
  const leaks = new Map<string, number>();
  const masked = mapStrings(report, (text, path) => {
    // The secrets rules build their messages from masked forms only: masking them again would hide
    // the words around a mask ("secret: password …(16 chars)"). The guard still checks them.
    const own = ownMessage(report, path);
    const result = guard.mask(own ? text : redactSecrets(text));
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
