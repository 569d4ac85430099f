/**
 * Untrusted text in GitHub-flavored Markdown (PR comments, job summaries). Every helper returns text that
 * stays inside the context it is put in: no line break (so no new block, `</details>` or `<!--` line), no
 * HTML, no emphasis or link syntax, and no mention or issue reference that would notify people.
 */
/**
 * A zero-width space after "@" or "#" keeps text from mentioning people or teams and from cross-referencing
 * issues (bare links are neutralizeAutolinks' part).
 */
export declare function neutralizeReferences(text: string): string;
/**
 * GFM's autolink extension turns a bare `scheme://…` or `www.…` into a live link (and `a@b.c` into a
 * mail link, which neutralizeReferences breaks): an escaped `:` or `.` shows the same and links nothing.
 */
export declare function neutralizeAutolinks(text: string): string;
/**
 * Inline text (a message in a list item, a table cell): one line, ASCII punctuation that Markdown or HTML
 * could read as syntax backslash-escaped (CommonMark renders `\<` as `<`, and `\&` keeps `&#x202e;` from
 * being read as a character reference), bare URLs and references neutralized.
 */
export declare function markdownText(text: string): string;
/**
 * A code span (a file name, a quoted match): the text shows verbatim, controls and newlines as escapes.
 * The fence is one backtick longer than any run inside, padded when the text touches a backtick, so the
 * text cannot close it. Not for table cells (a pipe still splits a cell there).
 */
export declare function markdownCode(text: string): string;
/** A fenced code block: lines kept, other controls escaped, a fence longer than any backtick run inside. */
export declare function markdownBlock(text: string, info?: string): string;
/**
 * Text the project wrote but that may carry config values (remediations, checklist items): its `code`
 * spans, emphasis and links stay (a maintainer's remediation may link a runbook); outside the spans HTML,
 * entities and references are neutralized; one line.
 */
export declare function markdownProse(text: string): string;
