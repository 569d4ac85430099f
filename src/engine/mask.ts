import type { GuardResult, SecretGuard } from "../secrets/guard.js";
import { attachGuard } from "../secrets/guard.js";
import { redactSecrets } from "../secrets/redact.js";
import { mapStringsAt, type StringPlace, stringsIn } from "../text/walk.js";
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
  // The field name: the last key, without trailing array indexes (`findings[3].files[0]` → `files`).
  // Scanned by hand: it is asked for every string of a report that may hold 60,000 findings.
  let end = path.length;
  while (path.charCodeAt(end - 1) === 93 /* ] */) {
    const open = path.lastIndexOf("[", end - 2);
    if (open < 0 || open === end - 2 || !isDigits(path, open + 1, end - 1)) break;
    end = open;
  }
  return TEXT_FIELDS.has(path.slice(path.lastIndexOf(".", end - 1) + 1, end));
}

/**
 * isTextField for a walked string, from its key alone: a plain key (no `.`, no trailing `]`) is the field
 * name. Other keys (a PR's config or facts may hold any) take the path rule above, so both always agree.
 */
function isTextPlace(place: StringPlace): boolean {
  const key = place.key;
  if (key.charCodeAt(key.length - 1) !== 93 /* ] */ && !key.includes(".")) return TEXT_FIELDS.has(key);
  return isTextField(place.path());
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The report with every text field emptied: what a format prints of its own (keys, names, template). */
export function skeletonOf(report: Report): Report {
  return mapStringsAt(report, (text, place) => (isTextPlace(place) ? "" : text));
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
  // Equal texts mask alike (remediations and file names repeat for every finding): each is masked once.
  const maskedTexts = new Map<string, GuardResult>();
  const masked = mapStringsAt(report, (text, place) => {
    if (!isTextPlace(place)) return text;
    let result = maskedTexts.get(text);
    if (result === undefined) {
      result = guard.mask(redactSecrets(text), false, own);
      maskedTexts.set(text, result);
    }
    if (result.leaks > 0) {
      const where = placeOf(report, place.path());
      leaks.set(where, (leaks.get(where) ?? 0) + result.leaks);
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
