/**
 * The migration analysis of a pull request, shared by every migration rule and computed once per
 * file list (the rules of both categories read the same cached result).
 */
import { isCommentLine } from "../diff/line-syntax.js";
import type { ChangedFile } from "../diff/model.js";
import { type SideLine, sideOf } from "../diff/side.js";
import type { RuleContext } from "../rules/types.js";
import { detectMigration, MIGRATION_CONTENT_EXT, MIGRATION_PATH_HINT, type MigrationFileKind } from "./detect.js";
import { frameworkOps, pushSqlOp } from "./frameworks/index.js";
import type { MigrationOp, OpKind, RollbackIssue } from "./ops.js";
import { analyzeSql, SQL_ANCHOR } from "./sql.js";
import { classifyLines, type LineContext, type Literal, scanLiterals } from "./text.js";

/** Text a file may contribute to the analysis; beyond it the rest of the file is not looked at. */
const MAX_FILE_CHARS = 1024 * 1024;

export interface FileAnalysis {
  file: ChangedFile;
  kind: MigrationFileKind;
  ops: MigrationOp[];
  rollback: RollbackIssue[];
}

export interface MigrationAnalysis {
  files: FileAnalysis[];
  /** Tables dropped across the PR (for the "many tables" severity). */
  droppedTables: number;
}

/** Destructive DDL still reported for `.sql` files outside database folders. */
const WEAK_KINDS: ReadonlySet<OpKind> = new Set<OpKind>([
  "drop-table",
  "drop-schema",
  "drop-database",
  "truncate",
  "drop-column",
  "rename-column",
  "rename-table",
  "alter-type",
]);

const cache = new WeakMap<readonly ChangedFile[], MigrationAnalysis>();

/** The file's first few KB of diff: hunk headers (the enclosing function git names) and lines. */
function sniffText(file: ChangedFile): string {
  let out = "";
  for (const hunk of file.hunks) {
    if (hunk.header) out += `${hunk.header}\n`;
    for (const c of hunk.changes) {
      out += `${c.content}\n`;
      if (out.length > 8192) return out;
    }
  }
  return out;
}

/**
 * The migration kind of a changed file (by its new path, or its old path for renames): files whose path
 * hints at migrations, and source files in the languages whose migrations are known by content.
 */
export function migrationKindOf(file: ChangedFile): MigrationFileKind | null {
  // Asked by several rules about every file; the content sniff is the costly part.
  let kind = kinds.get(file);
  if (kind === undefined) {
    kind = detectKind(file);
    kinds.set(file, kind);
  }
  return kind;
}

const kinds = new WeakMap<ChangedFile, MigrationFileKind | null>();

function detectKind(file: ChangedFile): MigrationFileKind | null {
  const hinted = (p: string | undefined) =>
    p !== undefined && (MIGRATION_PATH_HINT.test(p) || MIGRATION_CONTENT_EXT.test(p));
  if (!hinted(file.path) && !hinted(file.oldPath)) return null;
  let sniff: string | undefined;
  const lazySniff = () => {
    sniff ??= sniffText(file);
    return sniff;
  };
  return detectMigration(file.path, lazySniff) ?? (file.oldPath ? detectMigration(file.oldPath, lazySniff) : null);
}

/** The migration analysis of a rule context's files (migrations under test folders are fixtures, not the schema). */
export function migrationAnalysis(ctx: RuleContext): MigrationAnalysis {
  return analyzeMigrations(ctx.files, ctx.allFiles, (p) => ctx.paths.isTest(p));
}

export function analyzeMigrations(
  files: readonly ChangedFile[],
  allFiles: readonly ChangedFile[] = files,
  isTest: (path: string) => boolean = () => false,
): MigrationAnalysis {
  const cached = cache.get(files);
  if (cached) return cached;
  const out: FileAnalysis[] = [];
  const downFiles = new Set<string>();
  for (const f of allFiles) {
    if (f.status !== "deleted" && f.path.slice(-9).toLowerCase() === ".down.sql") downFiles.add(f.path.slice(0, -9));
  }
  for (const file of files) {
    if (file.binary || file.status === "deleted" || file.added.length === 0) continue;
    const kind = migrationKindOf(file);
    if (!kind || isTest(file.path)) continue;
    const fa = analyzeFile(file, kind);
    if (!fa) continue;
    if (kind.framework === "golang-migrate" && file.status === "added" && !kind.downFile) {
      const base = /^(.*?)\.up\.sql$/i.exec(file.path)?.[1];
      if (base && !downFiles.has(base))
        fa.rollback.push({
          kind: "no-down-file",
          line: null,
          downFile: `${base.slice(base.lastIndexOf("/") + 1)}.down.sql`,
        });
    }
    out.push(fa);
  }
  djangoTypeChanges(out, allFiles);
  let droppedTables = 0;
  for (const fa of out) for (const op of fa.ops) if (op.kind === "drop-table") droppedTables++;
  const result = { files: out, droppedTables };
  cache.set(files, result);
  return result;
}

function capLines(lines: readonly SideLine[]): readonly SideLine[] {
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    total += lines[i]!.text.length + 1;
    if (total > MAX_FILE_CHARS) return lines.slice(0, i);
  }
  return lines;
}

export function analyzeFile(file: ChangedFile, kind: MigrationFileKind): FileAnalysis | null {
  if (kind.downFile) return { file, kind, ops: [], rollback: [] };
  const lines = capLines(sideOf(file, "new").lines);
  if (lines.length === 0) return null;
  const headers = file.hunks.map((h) => h.header);
  let ops: MigrationOp[] = [];
  let rollback: RollbackIssue[] = [];
  if (kind.language === "sql") {
    const ctx = classifyLines(lines, "sql", headers, []);
    ops = sqlFileOps(lines, ctx);
  } else {
    const { literals, startsInString } = scanLiterals(lines, kind.language);
    const ctx = classifyLines(lines, kind.language, headers, startsInString);
    for (const lit of literals) {
      if (!SQL_ANCHOR.test(lit.text) || !literalHasAddedLine(lit, lines)) continue;
      for (const op of analyzeSql(lit.text)) pushSqlOp(op, lit, lines, ops, ctx);
    }
    const fw = frameworkOps({
      path: file.path,
      lines,
      ctx,
      startsInString,
      language: kind.language,
      framework: kind.framework,
    });
    ops.push(...fw.ops);
    rollback = fw.rollback;
    if (file.status === "added" && kind.strength === "strong")
      rollback.push(...missingRollback(file.path, lines, ctx, kind, startsInString));
  }
  if (kind.strength === "weak") ops = ops.filter((op) => WEAK_KINDS.has(op.kind));
  ops = refine(ops, kind);
  ops.sort((a, b) => a.line - b.line);
  return { file, kind, ops, rollback };
}

function literalHasAddedLine(lit: Literal, lines: readonly SideLine[]): boolean {
  for (const idx of lit.lineIdx) if (lines[idx]?.changed) return true;
  return false;
}

/** SQL files: the added lines of forward sections, joined, analysed, mapped back to diff lines. */
function sqlFileOps(lines: readonly SideLine[], ctx: readonly LineContext[]): MigrationOp[] {
  const lit: Literal = { text: "", starts: [], lineIdx: [] };
  const parts: string[] = [];
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const sl = lines[i]!;
    if (!sl.changed || ctx[i]!.section === "down") continue;
    lit.starts.push(offset);
    lit.lineIdx.push(i);
    parts.push(sl.text);
    offset += sl.text.length + 1;
  }
  if (parts.length === 0) return [];
  lit.text = parts.join("\n");
  const ops: MigrationOp[] = [];
  for (const op of analyzeSql(lit.text)) pushSqlOp(op, lit, lines, ops);
  return ops;
}

function bare(name: string | undefined): string {
  if (!name) return "";
  return name.slice(name.lastIndexOf(".") + 1).toLowerCase();
}

/**
 * File-level corrections: operations on a table created in the same migration carry no lock or data
 * risk; dropping a table that the migration itself created is cleanup; the copy-drop-rename rebuild
 * (SQLite, Prisma "RedefineTables") keeps the data.
 */
function refine(ops: MigrationOp[], kind: MigrationFileKind): MigrationOp[] {
  const created = new Set<string>();
  for (const op of ops) if (op.kind === "create-table" && op.table) created.add(bare(op.table));
  const renamedInto = new Map<string, string>();
  for (const op of ops) if (op.kind === "rename-table" && op.newName) renamedInto.set(bare(op.newName), bare(op.table));
  // Looked up per operation below: sets and first lines instead of a scan of all operations each time.
  const firstCreated = new Map<string, number>();
  const droppedTables = new Set<string>();
  for (const op of ops) {
    const t = bare(op.table);
    if (op.kind === "create-table" && op.line < (firstCreated.get(t) ?? Number.POSITIVE_INFINITY))
      firstCreated.set(t, op.line);
    if (op.kind === "drop-table") droppedTables.add(t);
  }
  const out: MigrationOp[] = [];
  for (const op of ops) {
    const t = bare(op.table);
    const onNewTable = t !== "" && created.has(t);
    switch (op.kind) {
      case "create-index":
      case "add-foreign-key":
      case "add-constraint":
      case "add-not-null-no-default":
      case "set-not-null":
      case "add-column":
      case "alter-type":
      case "alter-field":
      case "backfill":
        if (onNewTable) continue;
        break;
      case "drop-table": {
        const source = renamedInto.get(t);
        if (source && created.has(source)) {
          out.push({ ...op, kind: "table-rebuild", detail: `rebuilt from ${source}` });
          continue;
        }
        // A table created and dropped by the same file is scratch space; a weak .sql that drops and
        // re-creates a table is a schema script, not a migration of live data.
        if (onNewTable && (kind.strength === "weak" || (firstCreated.get(t) ?? Number.POSITIVE_INFINITY) < op.line))
          continue;
        break;
      }
      case "rename-table": {
        const dropped = created.has(t) && droppedTables.has(bare(op.newName));
        if (dropped || onNewTable) continue;
        break;
      }
      default:
        break;
    }
    out.push(op);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rollbacks

const TRIVIAL_BODY =
  /^(?:pass|end|[{}();,\s]*|return\s*(?:Promise\.resolve\(\s*\))?;?|return\s+None|\.\.\.|"""[\s\S]*"""|'''[\s\S]*'''|\};?|\}\)?;?,?|async\s*\(\)\s*=>\s*\{\s*\}|#.*|\/\/.*)$/;

function missingRollback(
  path: string,
  lines: readonly SideLine[],
  ctx: readonly LineContext[],
  kind: MigrationFileKind,
  startsInString: readonly boolean[],
): RollbackIssue[] {
  const lang = kind.language;
  if (!["ruby", "python", "js", "php", "elixir"].includes(lang) || kind.framework === "django") return [];
  let upLine: number | null = null;
  let downHeader: number | null = null;
  let downBody = false;
  let irreversible: number | null = null;
  let changeStyle = false;
  for (let i = 0; i < lines.length; i++) {
    const sl = lines[i]!;
    const s = sl.text;
    const section = ctx[i]!.section;
    const prev = i > 0 ? ctx[i - 1]!.section : "neutral";
    const header = i === 0 || section !== prev;
    if (section === "up" && upLine === null && header) {
      upLine = sl.line;
      if (/\bdef\s+change\b/.test(s)) changeStyle = true;
    }
    if (section === "down") {
      if (downHeader === null) {
        downHeader = sl.line;
        // A one-line down (`exports.down = (knex) => knex.schema.dropTable("x")`) has its body on the header.
        const afterHeader = s.replace(/^.*?(?:=>|\{|:)\s*/, "");
        if (/[=:]\s*(?:async\s*)?(?:\([^)]*\)|\w+)\s*=>\s*[^\s{]/.test(s) && !TRIVIAL_BODY.test(afterHeader.trim()))
          downBody = true;
        continue;
      }
      const t = s.trim();
      if (t === "" || startsInString[i] || isCommentLine(path, s) || TRIVIAL_BODY.test(t)) continue;
      if (
        /^raise\s+(?:NotImplementedError|ActiveRecord::IrreversibleMigration|Ecto\.MigrationError)|^throw\s/.test(t)
      ) {
        irreversible ??= sl.line;
        continue;
      }
      downBody = true;
    }
  }
  if (upLine === null || changeStyle) return [];
  if (downHeader === null) return [{ kind: "no-down", line: upLine }];
  if (!downBody && irreversible !== null) return [{ kind: "irreversible", line: irreversible }];
  if (!downBody) return [{ kind: "empty-down", line: downHeader }];
  return [];
}

// ---------------------------------------------------------------------------------------------
// Django: an AlterField whose model diff shows the field class changing is a type change.

const DJANGO_FIELD = /^\s*(\w+)\s*(?::\s*[\w.[\], ]+)?=\s*(?:models\.)?(\w+Field)\(/;

/** Field name to field class in the removed and the added lines of the app's models. */
function modelFieldClasses(
  appDir: string,
  allFiles: readonly ChangedFile[],
): { removed: Map<string, string>; added: Map<string, string> } {
  const removed = new Map<string, string>();
  const added = new Map<string, string>();
  for (const f of allFiles) {
    if (!f.path.startsWith(`${appDir}/`) || !/(?:^|\/)models(?:\/[^/]+)?\.py$/.test(f.path.slice(appDir.length)))
      continue;
    for (const l of f.removed) {
      const m = DJANGO_FIELD.exec(l.content);
      if (m) removed.set(m[1]!.toLowerCase(), m[2]!);
    }
    for (const l of f.added) {
      const m = DJANGO_FIELD.exec(l.content);
      if (m) added.set(m[1]!.toLowerCase(), m[2]!);
    }
  }
  return { removed, added };
}

function djangoTypeChanges(files: FileAnalysis[], allFiles: readonly ChangedFile[]): void {
  const alters = files.filter((f) => f.kind.framework === "django" && f.ops.some((o) => o.kind === "alter-field"));
  if (alters.length === 0) return;
  // Migrations of one app share its models: read them once per app, not once per migration.
  const fieldsByApp = new Map<string, { removed: Map<string, string>; added: Map<string, string> }>();
  for (const fa of alters) {
    const appDir = fa.file.path.slice(0, fa.file.path.lastIndexOf("/migrations/"));
    let fields = fieldsByApp.get(appDir);
    if (!fields) {
      fields = modelFieldClasses(appDir, allFiles);
      fieldsByApp.set(appDir, fields);
    }
    const { removed, added } = fields;
    for (const op of fa.ops) {
      if (op.kind !== "alter-field") continue;
      const col = op.columns?.[0]?.toLowerCase();
      if (!col) continue;
      const before = removed.get(col);
      const after = added.get(col) ?? op.detail;
      if (before && after && before !== after) {
        op.kind = "alter-type";
        op.detail = `${before} -> ${after}`;
      }
    }
  }
}
