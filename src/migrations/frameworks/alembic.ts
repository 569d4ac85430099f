import type { SideLine } from "../../diff/side.js";
import {
  gatherCall,
  type LineContext,
  literalName,
  literalNames,
  namedArg,
  positionalArgs,
  splitArgs,
} from "../text.js";
import { pythonRowWrites } from "./python-orm.js";
import type { Emit, FrameworkReader } from "./reader.js";

/** Alembic (SQLAlchemy) migrations: `op.*` and batch operations. */

const ALEMBIC_CALL = /\b(op|batch_op|\w+_op)\.(\w+)\s*\(/;

function alembicLine(s: string, lc: LineContext, lines: readonly SideLine[], i: number, emit: Emit): void {
  const m = ALEMBIC_CALL.exec(s);
  if (!m) return;
  const batch = m[1] !== "op";
  const method = m[2]!;
  const { text } = gatherCall(lines, i, m.index + m[1]!.length + 1);
  const args = splitArgs(text);
  const pos = positionalArgs(args);
  // op.X("table", "column") vs batch_op.X("column") inside `with op.batch_alter_table("table")`.
  const tableArg = batch ? lc.table : (literalName(namedArg(args, "table_name")) ?? literalName(pos[0]));
  const colPos = batch ? 0 : 1;
  switch (method) {
    case "drop_table":
      emit({
        kind: "drop-table",
        table: literalName(pos[0]) ?? literalName(namedArg(args, "table_name")),
        via: "op.drop_table",
      });
      return;
    case "drop_column":
      emit({
        kind: "drop-column",
        table: tableArg,
        columns: literalNames(pos[colPos] ?? namedArg(args, "column_name")),
        via: `${m[1]}.drop_column`,
      });
      return;
    case "alter_column": {
      const columns = literalNames(pos[colPos] ?? namedArg(args, "column_name"));
      const via = `${m[1]}.alter_column`;
      const type = namedArg(args, "type_");
      const newName = literalName(namedArg(args, "new_column_name"));
      if (newName) emit({ kind: "rename-column", table: tableArg, columns, newName, via });
      if (type) emit({ kind: "alter-type", table: tableArg, columns, detail: type.replace(/^sa\./, ""), via });
      if (namedArg(args, "nullable") === "False") emit({ kind: "set-not-null", table: tableArg, columns, via });
      if (!newName && !type && namedArg(args, "nullable") !== "False")
        emit({ kind: "other", table: tableArg, columns, via });
      return;
    }
    case "rename_table":
      emit({ kind: "rename-table", table: literalName(pos[0]), newName: literalName(pos[1]), via: "op.rename_table" });
      return;
    case "add_column": {
      const colArg = pos[colPos] ?? "";
      const columns = literalNames(colArg);
      const notNull = /nullable\s*=\s*False|primary_key\s*=\s*True/.test(colArg);
      const hasDefault = /server_default\s*=|Identity\(|Computed\(/.test(colArg);
      emit({
        kind: notNull && !hasDefault ? "add-not-null-no-default" : "add-column",
        table: tableArg,
        columns,
        detail: notNull && hasDefault ? "NOT NULL with a default" : undefined,
        via: `${m[1]}.add_column`,
      });
      return;
    }
    case "create_index": {
      const table = batch ? lc.table : (literalName(namedArg(args, "table_name")) ?? literalName(pos[1]));
      emit({
        kind: "create-index",
        table,
        columns: literalNames(pos[2]),
        detail: literalName(pos[0]?.replace(/^op\.f\((.*)\)$/, "$1")),
        concurrent: /postgresql_concurrently\s*=\s*True/.test(text),
        postgres: true,
        via: `${m[1]}.create_index`,
      });
      return;
    }
    case "create_foreign_key": {
      const table = batch ? lc.table : (literalName(namedArg(args, "source_table")) ?? literalName(pos[1]));
      emit({
        kind: "add-foreign-key",
        table,
        newName: literalName(batch ? pos[1] : pos[2]),
        concurrent: /postgresql_not_valid\s*=\s*True/.test(text),
        postgres: true,
        via: `${m[1]}.create_foreign_key`,
      });
      return;
    }
    case "create_unique_constraint":
    case "create_check_constraint":
    case "create_primary_key":
      emit({
        kind: "add-constraint",
        table: batch ? lc.table : literalName(pos[1]),
        detail: method.replace(/^create_|_constraint$/g, ""),
        via: `${m[1]}.${method}`,
      });
      return;
    case "create_table":
      emit({ kind: "create-table", table: literalName(pos[0]), via: "op.create_table" });
      return;
    case "drop_index":
      emit({ kind: "drop-index", table: tableArg, via: `${m[1]}.drop_index` });
      return;
    case "drop_constraint":
      emit({ kind: "drop-constraint", table: batch ? lc.table : literalName(pos[1]), via: `${m[1]}.drop_constraint` });
      return;
    default:
      return;
  }
}

export const alembic: FrameworkReader = {
  reads: (language, framework) => language === "python" && framework !== "django",
  line: (at) => {
    alembicLine(at.text, at.context, at.lines, at.index, at.emit);
    pythonRowWrites(at);
  },
  loopStart: /^\s*for\s+.+\s+in\s+/,
};
