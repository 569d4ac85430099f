const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A repository path as a URL path (links in the PR comment, SARIF locations): each segment
 * percent-encoded, parentheses too (they would end a Markdown link), and a lone surrogate (which
 * encodeURIComponent throws on) replaced by U+FFFD.
 */
export function encodePath(path: string): string {
  return path
    .replace(LONE_SURROGATE, "\ufffd")
    .split("/")
    .map((seg) => encodeURIComponent(seg).replace(/[()]/g, (ch) => (ch === "(" ? "%28" : "%29")))
    .join("/");
}
