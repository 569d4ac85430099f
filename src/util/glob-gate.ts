import { compileGlobs, type PathMatcher } from "./paths.js";

/**
 * Globs that most paths cannot match, tested cheaply first. Of a glob made only of literal text, `*`
 * and `/`, a matching path's file name is the glob's last segment when that is literal
 * (`**\/.mcp.json`), else ends with the text after its last `*` (`**\/*.md`: ".md"), and when that
 * is empty (`**\/.cursor/rules/**`) the path still contains the glob's longest literal piece
 * (".cursor"). These tests reject most paths before picomatch's regexes, whose `**` parts run look-aheads
 * at every character of the path. A glob with any other syntax (braces, classes, extglobs, escapes,
 * `?`) lets every path through the gate.
 */

// Characters that are literal in a picomatch glob (besides `*` and `/`, which separate the pieces).
const PLAIN_GLOB = /^[\w\-./*~]+$/;

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
    if (ending === segment && ending !== "") names.add(ending);
    else if (ending !== "") {
      if (!endings.includes(ending)) endings.push(ending);
    } else {
      const longest = glob.split(/[*/]+/).reduce((a, b) => (b.length > a.length ? b : a), "");
      if (longest === "") return () => true;
      if (!pieces.includes(longest)) pieces.push(longest);
    }
  }
  return (path) => {
    // picomatch lets a trailing slash through after the last segment: no file-name test for such a path.
    if (path.endsWith("/")) return true;
    if (names.size > 0 && names.has(path.slice(path.lastIndexOf("/") + 1))) return true;
    for (const ending of endings) if (path.endsWith(ending)) return true;
    for (const piece of pieces) if (path.includes(piece)) return true;
    return false;
  };
}

/** compileGlobs(globs) behind their literal gate: the same answers, cheaper for paths that cannot match. */
export function compileGatedGlobs(globs: readonly string[]): PathMatcher {
  const gate = literalGate(globs);
  const match = compileGlobs(globs);
  return (path) => gate(path) && match(path);
}
