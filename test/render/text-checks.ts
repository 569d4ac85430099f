import { defaultSchema } from "hast-util-sanitize";
import type { TextRun } from "./chromium.js";

/**
 * What must never be visible in a rendered comment: character references shown literally (`&lt;`,
 * `&amp;`, `&#39;`: text escaped twice, or escaped where Markdown does not decode, as in code spans),
 * and markup shown as text (a tag GitHub would render, or an HTML comment marker, outside code: markup
 * that landed where Markdown treats it as text). Code spans and blocks may quote tags from the diff;
 * they may never show a character reference.
 */

export interface TextDefect {
  kind: "entity" | "html-tag" | "html-comment";
  match: string;
  /** The match with some text around it. */
  context: string;
  code: boolean;
}

const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;
const TAG = new RegExp(`</?(?:${(defaultSchema.tagNames ?? []).join("|")})(?:\\s[^<>]*)?/?>`, "gi");
const COMMENT = /<!--|-->/g;

function around(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 30);
  return `${start > 0 ? "…" : ""}${text.slice(start, index + length + 30)}${index + length + 30 < text.length ? "…" : ""}`;
}

export function textDefects(runs: readonly TextRun[]): TextDefect[] {
  const found: TextDefect[] = [];
  const scan = (run: TextRun, re: RegExp, kind: TextDefect["kind"]) => {
    for (const m of run.text.matchAll(re))
      found.push({ kind, match: m[0], context: around(run.text, m.index, m[0].length), code: run.code });
  };
  for (const run of runs) {
    scan(run, ENTITY, "entity");
    if (run.code) continue;
    scan(run, TAG, "html-tag");
    scan(run, COMMENT, "html-comment");
  }
  return found;
}
