import { isCommentLine } from "../../diff/line-syntax.js";
import type { ChangedFile } from "../../diff/model.js";
import { migrationKindOf } from "../../migrations/analyze.js";
import { isRegexSpace } from "../../migrations/text.js";
import { migrationName } from "../migration-op.js";
import type { Rule, RuleFinding } from "../types.js";

/** Code of a line with formatting differences removed (quotes, spacing, trailing commas). */
function normalized(line: string): string {
  return line.replace(/'/g, '"').replace(/[\s,;]+/g, "");
}

/** Count, sum and sum of squares (mod a prime) of the characters `normalized` keeps of lines (quotes as `"`). */
function normalizedSums(lines: readonly { content: string }[]): [number, number, number] {
  let count = 0;
  let sum = 0;
  let squares = 0;
  for (const l of lines) {
    const text = l.content;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 44 || c === 59 || isRegexSpace(c)) continue;
      const kept = c === 39 ? 34 : c;
      count++;
      sum += kept;
      // Modulo a prime: the sum stays an exact integer however long the file (equal multisets, equal sums).
      squares = (squares + kept * kept) % 1_000_000_007;
    }
  }
  return [count, sum, squares];
}

/** A line that is neither blank nor a comment. */
function isCode(path: string, content: string): boolean {
  return /\S/.test(content) && !isCommentLine(path, content);
}

/**
 * True when the edit cannot change what the migration does: only blank or comment lines change, or
 * the removed and added code lines are the same once formatting is ignored (a linter pass).
 */
function cosmeticOnly(file: ChangedFile): boolean {
  if (file.added.length + file.removed.length === 0) return false;
  const removed = file.removed.filter((l) => isCode(file.path, l.content));
  // Different numbers of code lines settle it without normalizing and sorting both sides; the added
  // side is usually the long one, so its count stops as soon as it passes the removed one.
  let addedCode = 0;
  for (const l of file.added) if (isCode(file.path, l.content) && ++addedCode > removed.length) return false;
  if (addedCode !== removed.length) return false;
  const added = file.added.filter((l) => isCode(file.path, l.content));
  // Normalizing costs two regex replaces a line; sums over the characters `normalized` keeps are the
  // same on both sides whenever the normalized lines are, so a difference settles it first.
  const addedSums = normalizedSums(added);
  const removedSums = normalizedSums(removed);
  if (addedSums.some((v, i) => v !== removedSums[i])) return false;
  const code = (lines: readonly { content: string }[]) => lines.map((l) => normalized(l.content)).sort();
  const after = code(added);
  const before = code(removed);
  return after.every((l, i) => l === before[i]);
}

function hasCodeRemoved(file: ChangedFile): boolean {
  return file.removed.some((l) => isCode(file.path, l.content));
}

export const historyRewriteRule: Rule = {
  id: "migration/history-rewrite",
  category: "migration",
  description:
    "An already committed migration is edited, deleted or renamed: environments that already ran it keep the old version and diverge from fresh ones.",
  severity: "high",
  remediation:
    "Leave applied migrations as they are and add a new migration that makes the change; only squash or delete migrations with a documented reset of every environment.",
  docs: {
    severity: "high (low for comment/format-only edits)",
    detects:
      "An already committed migration modified, deleted or renamed. Not raised for Flyway `R__` repeatable migrations or for changeSets appended to a Liquibase changelog.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (file.status === "added") continue;
      // Prefilter on the path before the content sniff: most changed files are not migrations.
      if (
        !/migrat|versions\/|changelog|changeset|drizzle|flyway|liquibase|\.sql$|\.xml$|\.ya?ml$/i.test(
          file.path + (file.oldPath ?? ""),
        )
      )
        continue;
      const kind = migrationKindOf(file);
      if (kind && ctx.paths.isTest(file.path)) continue;
      if (kind?.strength !== "strong") continue;
      const name = migrationName(file.path);
      // Flyway repeatable migrations (R__*.sql) are meant to be edited: Flyway re-applies them on change.
      if (kind.framework === "flyway" && /^R__/i.test(name)) continue;
      // Liquibase changelogs grow by appending changeSets (or includes): only changed lines rewrite history.
      if (kind.framework === "liquibase" && file.status === "modified" && !hasCodeRemoved(file)) continue;
      if (file.status === "deleted") {
        out.push({
          file: file.path,
          line: null,
          side: "old",
          message: `Committed migration ${name} is deleted: databases that applied it keep its changes while new ones never get them`,
        });
      } else if (file.status === "renamed") {
        out.push({
          file: file.path,
          line: null,
          message: `Committed migration ${file.oldPath ?? "?"} is renamed to ${name}: its recorded version no longer matches, so it may run again or never`,
        });
      } else if (file.binary || file.patchMissing || !cosmeticOnly(file)) {
        const first = file.added[0] ?? null;
        out.push({
          file: file.path,
          line: first ? first.line : (file.removed[0]?.line ?? null),
          side: first ? "new" : "old",
          message: `Committed migration ${name} is edited: databases that already ran it will not get the change, so environments diverge`,
        });
      } else {
        out.push({
          file: file.path,
          line: file.added[0]?.line ?? null,
          severity: "low",
          message: `Committed migration ${name} is edited (comments or formatting only)`,
        });
      }
    }
    return out;
  },
};
