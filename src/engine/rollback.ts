import { quoteLines } from "../text/quote.js";

/**
 * The rollback section of a pull request description: a heading whose text contains the configured
 * name ("Rollback", also "Rollback plan", "How to roll back"), and what follows it up to the next
 * heading of the same or a higher level. A section that only holds a template's comment or a
 * placeholder ("N/A", "TBD") is not a plan. The text is masked here (before it is cut) so that no
 * output can echo a secret pasted into the description; escaping is each format's job.
 */

/** The most of a description read, and the most of a section kept. */
export const MAX_BODY_CHARS = 64 * 1024;
export const MAX_SECTION_CHARS = 2000;

export interface RollbackSection {
  /** The heading as written. */
  heading: string;
  /** The section's text, masked and cut to MAX_SECTION_CHARS. */
  text: string;
  /** It says something (not empty, a template comment or a placeholder). */
  meaningful: boolean;
}

const ATX = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;
const BOLD = /^\s{0,3}(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$/;
const PLACEHOLDER = /^(?:n\/?a|none|tbd|todo|tba|-+|\.+|no|nothing|not applicable|\?+)$/i;

function normalize(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Heading level of a line (1–6 for ATX, 7 for a bold line standing alone), or 0. */
function headingOf(line: string): { level: number; text: string } | null {
  const a = ATX.exec(line);
  if (a) return { level: a[1]!.length, text: a[2]! };
  const b = BOLD.exec(line);
  if (b) return { level: 7, text: b[1]! };
  return null;
}

/** The section under the first heading that names `heading`, or null when the description has none. */
export function findRollbackSection(body: string | null | undefined, heading: string): RollbackSection | null {
  if (!body) return null;
  const wanted = normalize(heading);
  if (wanted === "") return null;
  const lines = body.slice(0, MAX_BODY_CHARS).split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const h = headingOf(lines[i]!);
    if (!h || !normalize(h.text).includes(wanted)) continue;
    const own: string[] = [];
    let inFence = false;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      if (/^\s{0,3}(?:```|~~~)/.test(line)) inFence = !inFence;
      const next = inFence ? null : headingOf(line);
      if (next && (next.level <= h.level || h.level === 7)) break;
      own.push(line);
    }
    const raw = own
      .join("\n")
      .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
      .trim();
    const text = quoteLines(raw, MAX_SECTION_CHARS);
    const bare = raw.replace(/^[\s>*\-+[\]x]+/gm, "").trim();
    return { heading: h.text, text, meaningful: bare !== "" && !PLACEHOLDER.test(bare) && /[a-z]{3}/i.test(bare) };
  }
  return null;
}
