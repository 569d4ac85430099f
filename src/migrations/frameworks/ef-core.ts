import type { SideLine } from "../../diff/side.js";
import { gatherCall, literalName, namedArg, splitArgs } from "../text.js";
import type { Emit, FrameworkReader } from "./reader.js";

/** .NET Entity Framework Core migrations (`migrationBuilder.*`). */

function efLine(s: string, lines: readonly SideLine[], i: number, emit: Emit): void {
  const m = /\bmigrationBuilder\s*\.\s*(\w+)(?:<[^>]*>)?\s*\(/.exec(s);
  if (!m) return;
  const method = m[1]!;
  const { text } = gatherCall(lines, i, m.index + m[0].indexOf(method));
  const args = splitArgs(text.replace(/^(\w+)<[^>]*>/, "$1"));
  const name = literalName(namedArg(args, "name"));
  const table = literalName(namedArg(args, "table"));
  const schema = literalName(namedArg(args, "schema"));
  const qualified = (t: string | undefined) => (t && schema ? `${schema}.${t}` : t);
  switch (method) {
    case "DropTable":
      emit({ kind: "drop-table", table: qualified(name), via: method });
      return;
    case "DropColumn":
      emit({ kind: "drop-column", table: qualified(table), columns: name ? [name] : [], via: method });
      return;
    case "RenameColumn":
      emit({
        kind: "rename-column",
        table: qualified(table),
        columns: name ? [name] : [],
        newName: literalName(namedArg(args, "newName")),
        via: method,
      });
      return;
    case "RenameTable":
      emit({
        kind: "rename-table",
        table: qualified(name),
        newName: literalName(namedArg(args, "newName")),
        via: method,
      });
      return;
    case "AlterColumn": {
      const type = literalName(namedArg(args, "type"));
      const oldType = literalName(namedArg(args, "oldType"));
      const typeChanged =
        (type && oldType && type !== oldType) || /\bmaxLength:\s*(\d+)[\s\S]*oldMaxLength:\s*(\d+)/.test(text);
      const notNull = /\bnullable:\s*false/.test(text) && /\boldNullable:\s*true/.test(text);
      if (typeChanged)
        emit({ kind: "alter-type", table: qualified(table), columns: name ? [name] : [], detail: type, via: method });
      else if (notNull)
        emit({ kind: "set-not-null", table: qualified(table), columns: name ? [name] : [], via: method });
      else emit({ kind: "other", table: qualified(table), columns: name ? [name] : [], via: method });
      return;
    }
    case "AddColumn": {
      const notNull = /\bnullable:\s*false/.test(text);
      const hasDefault = /\bdefaultValue(?:Sql)?:|\bcomputedColumnSql:/.test(text);
      emit({
        kind: notNull && !hasDefault ? "add-not-null-no-default" : "add-column",
        table: qualified(table),
        columns: name ? [name] : [],
        detail: notNull && hasDefault ? "NOT NULL with a default" : undefined,
        via: method,
      });
      return;
    }
    case "CreateIndex":
      emit({
        kind: "create-index",
        table: qualified(table),
        detail: name,
        concurrent: /CreatedConcurrently/.test(text) || /CreatedConcurrently/.test(lines[i + 1]?.text ?? ""),
        postgres: true,
        via: method,
      });
      return;
    case "AddForeignKey":
      emit({
        kind: "add-foreign-key",
        table: qualified(table),
        newName: literalName(namedArg(args, "principalTable")),
        concurrent: false,
        postgres: true,
        via: method,
      });
      return;
    case "CreateTable":
      emit({ kind: "create-table", table: qualified(name), via: method });
      return;
    case "DropIndex":
      emit({ kind: "drop-index", table: qualified(table), via: method });
      return;
    case "DropForeignKey":
      emit({ kind: "drop-constraint", table: qualified(table), via: method });
      return;
    default:
      return;
  }
}

export const efCore: FrameworkReader = {
  reads: (language) => language === "csharp",
  line: (at) => efLine(at.text, at.lines, at.index, at.emit),
};
