import type { ChangedFile, DiffLine } from "../../diff/model.js";
import { basenameOf, extensionOf } from "../../util/paths.js";
import { addedText, isCommentLine, logicalLines, memoByFile } from "../../workflows/diff-lines.js";
import type { RuleContext } from "../types.js";

/**
 * Which added lines the destructive-command rules read: scripts, Makefiles, Dockerfiles, CI files,
 * package.json scripts and source; never docs (a README explaining `rm -rf` is not a risky change),
 * tests (fixtures clean up after themselves), data files or lockfiles. Comment-only lines are skipped.
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

const bearingCache = new WeakMap<object, WeakMap<ChangedFile, boolean>>();

/**
 * True when the file can carry commands, and its added text matches `hint` (a cheap whole-file
 * test run once, so the per-line work happens only in files that can match).
 */
export function isCommandBearing(file: ChangedFile, ctx: RuleContext, hint?: RegExp): boolean {
  if (file.status === "deleted" || file.binary || file.added.length === 0) return false;
  // The text hint first: path classification (picomatch) costs more than a scan of a small file.
  if (hint && !hint.test(addedText(file))) return false;
  return memoByFile(bearingCache, ctx.paths, file, () => {
    const ext = extensionOf(file.path);
    if (DATA_EXTENSIONS.has(ext) && !SCRIPT_JSON.has(basenameOf(file.path))) return false;
    return !ctx.paths.isDoc(file.path) && !ctx.paths.isTest(file.path);
  });
}

const cache = new WeakMap<ChangedFile, DiffLine[]>();

/** Added lines joined across `\` continuations, minus comment-only lines. Cached per file. */
export function commandLines(file: ChangedFile): DiffLine[] {
  let lines = cache.get(file);
  if (!lines) {
    lines = logicalLines(file.added).filter((l) => !isCommentLine(file.path, l.content));
    cache.set(file, lines);
  }
  return lines;
}

const PROD_WORD = /(?:^|[^a-z0-9])(?:prod|production|prd)(?:$|[^a-z0-9])/i;

/** True when a command names a production target (namespace, workspace, var file, instance...). */
export function mentionsProduction(text: string): boolean {
  return PROD_WORD.test(text);
}

export function isSqlOrMigration(path: string): boolean {
  return (
    extensionOf(path) === "sql" ||
    /(?:^|\/)(?:migrations?|db\/migrate|alembic|versions|changelogs?)\//.test(path) ||
    /(?:^|\/)V\d+[^/]*__[^/]*$/.test(path)
  );
}
