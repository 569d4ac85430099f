import { compileGlobs, type PathMatcher } from "./paths.js";

/**
 * Globs that most paths cannot match, tested cheaply first. Of a glob made only of literal text, `*`
 * and `/`, a matching path's file name is the glob's last segment when that is literal
 * (`**\/.mcp.json`), the path ends with the text after the glob's last `*` (`**\/*.code-workspace`),
 * and it contains each literal piece between `*` and `/` (`**\/.cursor/rules/**`: ".cursor", "rules").
 * One such test per glob rejects most paths before picomatch's regexes, whose `**` parts run
 * look-aheads at every character of the path. A glob with any other syntax (braces, classes, extglobs, escapes,
 * `?`) lets every path through the gate.
 */

// Characters that are literal in a picomatch glob (besides `*` and `/`, which separate the pieces).
const PLAIN_GLOB = /^[\w\-./*~]+$/;

/** An alternation that matches the texts as written. */
function literally(texts: readonly string[]): string {
  return texts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
}

/** False only for paths none of the globs can match (true means "maybe"). */
export function literalGate(globs: readonly string[]): PathMatcher {
  const names = new Set<string>();
  const endings: string[] = [];
  const pieces: string[] = [];
  for (const glob of globs) {
    const segment = glob.slice(glob.lastIndexOf("/") + 1);
    // picomatch may read a last `.` or `..` as a path step, not a file name.
    if (!PLAIN_GLOB.test(glob) || segment === "." || segment === "..") return () => true;
    const ending = segment.slice(segment.lastIndexOf("*") + 1);
    const longest = glob.split(/[*/]+/).reduce((a, b) => (b.length > a.length ? b : a), "");
    if (ending === segment && ending !== "") names.add(ending);
    // The longer text is the rarer one: `**/.claude/commands/**/*.md` is told by "commands", not ".md".
    else if (ending !== "" && ending.length >= longest.length) {
      if (!endings.includes(ending)) endings.push(ending);
    } else if (longest !== "") {
      if (!pieces.includes(longest)) pieces.push(longest);
    } else return () => true;
  }
  // One RegExp for all the tests: faster than a loop of `endsWith` and `includes` calls. picomatch lets
  // a trailing slash through after the last segment, so such a path always passes.
  const gate = new RegExp(
    [
      "\\/$",
      ...(names.size > 0 ? [`(?:^|\\/)(?:${literally([...names])})$`] : []),
      ...(endings.length > 0 ? [`(?:${literally(endings)})$`] : []),
      ...(pieces.length > 0 ? [literally(pieces)] : []),
    ].join("|"),
  );
  return (path) => gate.test(path);
}

/** compileGlobs(globs) behind their literal gate: the same answers, cheaper for paths that cannot match. */
export function compileGatedGlobs(globs: readonly string[]): PathMatcher {
  const gate = literalGate(globs);
  const match = compileGlobs(globs);
  return (path) => gate(path) && match(path);
}
