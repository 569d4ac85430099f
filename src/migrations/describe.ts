/** One-line messages naming the table and column of each operation, and the finding helper the rules share. */
import type { RuleContext, RuleFinding } from "../rules/types.js";
import type { Severity } from "../types.js";
import { analyzeMigrations, type FileAnalysis, type MigrationAnalysis } from "./analyze.js";
import type { MigrationOp, OpKind } from "./ops.js";

function cols(op: MigrationOp): string {
  const t = op.table ?? "(unknown table)";
  const c = op.columns?.filter(Boolean) ?? [];
  if (c.length === 0) return t;
  const shown = c.slice(0, 8).map((x) => `${t}.${x}`);
  return c.length > 8 ? `${shown.join(", ")} and ${c.length - 8} more` : shown.join(", ");
}

function via(op: MigrationOp): string {
  return ` (${op.via})`;
}

export function describeOp(op: MigrationOp): string {
  const t = op.table ?? "(unknown table)";
  const plural = (op.columns?.length ?? 0) > 1 ? "s" : "";
  switch (op.kind) {
    case "drop-table":
      return `Drops table ${t}${via(op)}: its rows are lost and code still reading it fails`;
    case "drop-schema":
      return `Drops schema ${t}${via(op)} with every table in it`;
    case "drop-database":
      return `Drops database ${t}${via(op)}`;
    case "truncate":
      return `Truncates table ${t}${via(op)}: every row is deleted`;
    case "drop-column":
      return `Drops column${plural} ${cols(op)}${via(op)}: the data is lost and running code that reads it breaks`;
    case "delete-all":
      return `Deletes every row of ${t}${via(op)} without a WHERE clause`;
    case "update-all":
      return `Rewrites every row of ${t}${via(op)} without a WHERE clause: the previous values are lost`;
    case "rename-column":
      return `Renames column ${cols(op)} to ${op.newName ?? "?"}${via(op)}: running code that uses the old name breaks`;
    case "rename-table":
      return `Renames table ${t} to ${op.newName ?? "?"}${via(op)}: running code that uses the old name breaks`;
    case "alter-type":
      return `Changes the type of ${cols(op)}${op.detail ? ` to ${op.detail}` : ""}${via(op)}: may rewrite the table, truncate values or break running code`;
    case "add-not-null-no-default":
      return `Adds NOT NULL column${plural} ${cols(op)} without a default to an existing table${via(op)}: fails on a non-empty table and breaks inserts from running code`;
    case "create-index":
      return `Builds ${op.detail ? `index ${op.detail}` : "an index"} on ${t}${op.columns?.length ? ` (${op.columns.join(", ")})` : ""} without CONCURRENTLY${via(op)}: writes to ${t} block while it builds`;
    case "add-foreign-key":
      return `Adds a foreign key on ${t}${op.newName ? ` referencing ${op.newName}` : ""} without NOT VALID${via(op)}: the whole table is validated while both tables are locked`;
    case "add-constraint":
      return `Adds a ${op.detail ?? ""}${op.detail ? " " : ""}constraint on ${t}${via(op)}: the table is scanned or indexed under a lock`;
    case "set-not-null":
      return `Sets NOT NULL on ${cols(op)}${via(op)}: scans the whole table under an exclusive lock and fails if NULLs remain`;
    case "backfill":
      return `Data backfill${op.table ? ` on ${t}` : ""}${via(op)} runs inside the migration: long transactions and row locks on large tables`;
    case "delete-rows":
      return `Deletes rows from ${t}${via(op)} inside the migration`;
    case "table-rebuild":
      return `Rebuilds table ${t}${op.detail ? ` (${op.detail})` : ""}${via(op)}: every row is copied while the table is locked`;
    default:
      return `Changes ${cols(op)}${via(op)}`;
  }
}

/** Short object phrase for the aggregated low-severity finding. */
export function shortOp(op: MigrationOp): string {
  switch (op.kind) {
    case "create-table":
      return `creates table ${op.table ?? "?"}`;
    case "add-column":
      return `adds column ${cols(op)}${op.detail ? ` (${op.detail})` : ""}`;
    case "create-index":
      return `adds index on ${op.table ?? "?"}${op.concurrent ? " concurrently" : ""}`;
    case "drop-index":
      return `drops an index on ${op.table ?? "?"}`;
    case "drop-constraint":
      return `drops a constraint on ${op.table ?? "?"}`;
    case "alter-field":
      return `alters field ${cols(op)}`;
    case "add-foreign-key":
      return `adds foreign key on ${op.table ?? "?"}`;
    default:
      return `${op.via} on ${cols(op)}`;
  }
}

export function migrationAnalysis(ctx: RuleContext): MigrationAnalysis {
  // Migrations under test folders are fixtures of the test suite, not the application's schema.
  return analyzeMigrations(ctx.files, ctx.allFiles, (p) => ctx.paths.isTest(p));
}

/** One finding per operation of the given kinds. */
export function opFindings(
  ctx: RuleContext,
  kinds: ReadonlySet<OpKind>,
  severity: (op: MigrationOp, fa: FileAnalysis, analysis: MigrationAnalysis) => Severity | undefined,
  filter: (op: MigrationOp, fa: FileAnalysis) => boolean = () => true,
): RuleFinding[] {
  const analysis = migrationAnalysis(ctx);
  const out: RuleFinding[] = [];
  for (const fa of analysis.files) {
    for (const op of fa.ops) {
      if (!kinds.has(op.kind) || !filter(op, fa)) continue;
      out.push({ file: fa.file.path, line: op.line, message: describeOp(op), severity: severity(op, fa, analysis) });
    }
  }
  return out;
}

/** A migration's display name: the file name, with its folder when the name alone says nothing (Prisma, Hasura). */
export function migrationName(path: string): string {
  const parts = path.split("/");
  const base = parts[parts.length - 1] ?? path;
  if (/^(?:migration|up|down)\.sql$/i.test(base) && parts.length > 1) return `${parts[parts.length - 2]}/${base}`;
  return base;
}
