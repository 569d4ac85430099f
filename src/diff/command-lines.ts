import { memoByFile } from "../util/memo.js";
import { basenameOf, extensionOf, type PathClassifier } from "../util/paths.js";
import { isCommentLine } from "./line-syntax.js";
import type { ChangedFile, DiffLine } from "./model.js";
import { cutLine } from "./side.js";

/**
 * The added lines of a diff that can run as commands: scripts, Makefiles, Dockerfiles, CI files,
 * package.json scripts and source; never docs (a README explaining `rm -rf` is not a risky change),
 * tests (fixtures clean up after themselves), data files or lockfiles.
 */

const DATA_EXTENSIONS = new Set([
  "json",
  "lock",
  "snap",
  "svg",
  "csv",
  "tsv",
  "xml",
  "html",
  "htm",
  "css",
  "scss",
  "map",
  "sum",
  "po",
  "pot",
  "ipynb",
]);
const SCRIPT_JSON = new Set(["package.json", "composer.json", "deno.json", "turbo.json", "nx.json", "project.json"]);

const commandFileCache = new WeakMap<PathClassifier, WeakMap<ChangedFile, boolean>>();

/** True when the file's path can carry commands (not documentation, a test or a data file). */
export function isCommandFile(file: ChangedFile, paths: PathClassifier): boolean {
  return memoByFile(commandFileCache, paths, file, () => {
    const ext = extensionOf(file.path);
    if (DATA_EXTENSIONS.has(ext) && !SCRIPT_JSON.has(basenameOf(file.path))) return false;
    return !paths.isDoc(file.path) && !paths.isTest(file.path);
  });
}

/**
 * Added (or removed) lines joined across shell continuations (`\` at the end), so a command split
 * over several lines is matched as one. Each logical line keeps the number of its first line.
 */
function logicalLines(lines: readonly DiffLine[], maxJoin = 20): DiffLine[] {
  const out: DiffLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    let text = cutLine(first.content);
    let last = first.line;
    let joined = 0;
    while (text.trimEnd().endsWith("\\") && joined < maxJoin && i + 1 < lines.length) {
      const next = lines[i + 1]!;
      if (next.line !== last + 1) break;
      text = `${text.trimEnd().slice(0, -1)} ${cutLine(next.content).trim()}`;
      last = next.line;
      i++;
      joined++;
    }
    out.push({ line: first.line, content: text });
    i++;
  }
  return out;
}

const commandCache = new WeakMap<ChangedFile, DiffLine[]>();

/** Added lines joined across `\` continuations, minus comment-only lines. Cached per file. */
export function commandLines(file: ChangedFile): DiffLine[] {
  let lines = commandCache.get(file);
  if (!lines) {
    lines = logicalLines(file.added).filter((l) => !isCommentLine(file.path, l.content));
    commandCache.set(file, lines);
  }
  return lines;
}

const PROD_WORD = /(?:^|[^a-z0-9])(?:prod|production|prd)(?:$|[^a-z0-9])/i;

/** True when a command names a production target (namespace, workspace, var file, instance...). */
export function mentionsProduction(text: string): boolean {
  return PROD_WORD.test(text);
}

/** SQL files and migration folders: the migration rules own the DDL written there. */
export function isSqlOrMigration(path: string): boolean {
  return (
    extensionOf(path) === "sql" ||
    /(?:^|\/)(?:migrations?|db\/migrate|alembic|versions|changelogs?)\//.test(path) ||
    /(?:^|\/)V\d+[^/]*__[^/]*$/.test(path)
  );
}
