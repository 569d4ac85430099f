import { isCommentLine } from "../../diff/line-syntax.js";
import type { SideLine } from "../../diff/side.js";
import type { MigrationFramework, MigrationLanguage } from "../detect.js";
import type { MigrationOp, RollbackIssue } from "../ops.js";
import { analyzeSql, type SqlOp } from "../sql.js";
import { type LineContext, type Literal, literalLineIndex } from "../text.js";
import { alembic } from "./alembic.js";
import { django } from "./django.js";
import { ecto } from "./ecto.js";
import { efCore } from "./ef-core.js";
import { jsSchemaBuilders } from "./js-schema-builders.js";
import { liquibase } from "./liquibase.js";
import { rails } from "./rails.js";
import { type FrameworkReader, type ReaderLine, writesInLoop } from "./reader.js";

/** Every framework DSL reader, one file each; a migration file is read by the first that reads its kind. */
const READERS: readonly FrameworkReader[] = [rails, django, alembic, jsSchemaBuilders, efCore, ecto, liquibase];

export interface FrameworkInput {
  path: string;
  lines: readonly SideLine[];
  ctx: readonly LineContext[];
  startsInString: readonly boolean[];
  language: MigrationLanguage;
  framework: MigrationFramework;
}

export interface FrameworkResult {
  ops: MigrationOp[];
  rollback: RollbackIssue[];
}

/** Framework operations on the added lines of forward (up/neutral) code. */
export function frameworkOps(input: FrameworkInput): FrameworkResult {
  const { path, lines, ctx, startsInString, language, framework } = input;
  const ops: MigrationOp[] = [];
  const rollback: RollbackIssue[] = [];
  const reader = READERS.find((r) => r.reads(language, framework));
  if (!reader) return { ops, rollback };
  let loopReported = false;
  for (let i = 0; i < lines.length; i++) {
    const sl = lines[i]!;
    if (!sl.changed || startsInString[i]) continue;
    const context = ctx[i]!;
    if (context.section === "down" || context.section === "state") continue;
    const text = sl.text;
    if (text.trim() === "" || isCommentLine(path, text)) continue;
    const at: ReaderLine = {
      text,
      language,
      context,
      lines,
      index: i,
      emit: (op) => ops.push({ ...op, line: sl.line }),
      rollback,
      sql(sqlText, startIndex) {
        for (const op of analyzeSql(sqlText)) pushSqlOp(op, sqlLiteral(sqlText, startIndex, lines), lines, ops);
      },
    };
    reader.line(at);
    if (!loopReported && reader.loopStart?.test(text) && writesInLoop(lines, i)) {
      at.emit({ kind: "backfill", via: "row loop" });
      loopReported = true;
    }
  }
  return { ops, rollback };
}

/** A block of SQL starting at line `startIndex`, as a literal whose offsets map back to the lines. */
function sqlLiteral(text: string, startIndex: number, lines: readonly SideLine[]): Literal {
  const lit: Literal = { text, starts: [0], lineIdx: [startIndex] };
  let off = 0;
  for (let k = startIndex + 1; k < lines.length && off >= 0; k++) {
    off = text.indexOf("\n", off);
    if (off < 0) break;
    off++;
    lit.starts.push(off);
    lit.lineIdx.push(k);
  }
  return lit;
}

/** Map a SQL operation found in a literal to its diff line; dropped unless that line is added. */
export function pushSqlOp(
  op: SqlOp,
  lit: Literal,
  lines: readonly SideLine[],
  out: MigrationOp[],
  ctx?: readonly LineContext[],
): void {
  const idx = literalLineIndex(lit, op.offset);
  const sl = lines[idx];
  if (!sl?.changed) return;
  const section = ctx?.[idx]?.section;
  if (section === "down" || section === "state") return;
  const { offset: _offset, ...rest } = op;
  out.push({ ...rest, line: sl.line });
}
