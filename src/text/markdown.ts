import { escapeControls, singleLine } from "./controls.js";

/**
 * Untrusted text in GitHub-flavored Markdown (PR comments, job summaries). Every helper returns text that
 * stays inside the context it is put in: no line break (so no new block, `</details>` or `<!--` line), no
 * HTML, no emphasis or link syntax, and no mention or issue reference that would notify people.
 */

/**
 * A zero-width space after "@" or "#" keeps text from mentioning people or teams and from cross-referencing
 * issues (bare links are neutralizeAutolinks' part).
 */
export function neutralizeReferences(text: string): string {
  return text.replace(/([@#])(?=[A-Za-z0-9_])/g, "$1\u200b");
}

/**
 * GFM's autolink extension turns a bare `scheme://…` or `www.…` into a live link (and `a@b.c` into a
 * mail link, which neutralizeReferences breaks): an escaped `:` or `.` shows the same and links nothing.
 */
export function neutralizeAutolinks(text: string): string {
  return text.replace(/:(?=\/\/)/g, "\\:").replace(/(?<![A-Za-z0-9])(www)\./gi, "$1\\.");
}

/**
 * Inline text (a message in a list item, a table cell): one line, ASCII punctuation that Markdown or HTML
 * could read as syntax backslash-escaped (CommonMark renders `\<` as `<`, and `\&` keeps `&#x202e;` from
 * being read as a character reference), bare URLs and references neutralized.
 */
export function markdownText(text: string): string {
  const oneLine = escapeControls(singleLine(text));
  return neutralizeReferences(neutralizeAutolinks(oneLine.replace(/[\\`*_{}[\]<>#|~&]/g, "\\$&")));
}

/**
 * A code span (a file name, a quoted match): the text shows verbatim, controls and newlines as escapes.
 * The fence is one backtick longer than any run inside, padded when the text touches a backtick, so the
 * text cannot close it. Not for table cells (a pipe still splits a cell there).
 */
export function markdownCode(text: string): string {
  const content = escapeControls(text);
  if (content === "") return "` `";
  let longest = 0;
  for (const run of content.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  const pad = content.startsWith("`") || content.endsWith("`") || (content.startsWith(" ") && content.endsWith(" "));
  return pad ? `${fence} ${content} ${fence}` : `${fence}${content}${fence}`;
}

/** A fenced code block: lines kept, other controls escaped, a fence longer than any backtick run inside. */
export function markdownBlock(text: string, info = "text"): string {
  const content = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => escapeControls(line))
    .join("\n");
  let longest = 2;
  for (const run of content.match(/`{3,}/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  return `${fence}${info}\n${content}\n${fence}`;
}

/**
 * Text the project wrote but that may carry config values (remediations, checklist items): its `code`
 * spans, emphasis and links stay (a maintainer's remediation may link a runbook); outside the spans HTML,
 * entities and references are neutralized; one line.
 */
export function markdownProse(text: string): string {
  return escapeControls(singleLine(text))
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : neutralizeReferences(part.replace(/[\\`<>&]/g, "\\$&"))))
    .join("");
}
