import type { ChangedFile, DiffLine } from "../../diff/model.js";
import { basenameOf, extensionOf } from "../../util/paths.js";
import { isCommentLine, logicalLines } from "../../workflows/diff-lines.js";
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

export function isCommandBearing(file: ChangedFile, ctx: RuleContext): boolean {
  if (file.status === "deleted" || file.binary || file.added.length === 0) return false;
  if (ctx.paths.isDoc(file.path) || ctx.paths.isTest(file.path)) return false;
  const ext = extensionOf(file.path);
  if (DATA_EXTENSIONS.has(ext) && !SCRIPT_JSON.has(basenameOf(file.path))) return false;
  return true;
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
