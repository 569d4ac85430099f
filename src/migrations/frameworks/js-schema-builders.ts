import type { SideLine } from "../../diff/side.js";
import type { MigrationOp, OpKind } from "../ops.js";
import { gatherCall, type LineContext, literalName, literalNames, splitArgs } from "../text.js";
import type { Emit, FrameworkReader } from "./reader.js";

/** JavaScript and TypeScript (Knex, Sequelize, TypeORM) and PHP (Laravel) schema builders. */

const JS_METHOD =
  /(?:\.|->|::)\s*(dropTable|dropTableIfExists|dropAllTables|dropCollection|dropDatabase|removeColumn|dropColumn|dropColumns|renameColumn|renameTable|changeColumn|addColumn|addIndex|createIndex|addConstraint|createForeignKey|createForeignKeys|removeIndex|dropIndex|dropForeign|dropForeignKey|dropUnique|dropPrimary|removeConstraint|createTable|createTableIfNotExists|bulkDelete|bulkUpdate|dropIfExists|drop|rename|change|alter|index|unique|foreign|create)\s*\(/g;
const JS_COLUMN_BUILDER =
  /(?:\.|->)(string|text|integer|bigInteger|bigint|boolean|date|dateTime|datetime|timestamp|decimal|float|double|json|jsonb|uuid|enu|enum|specificType|binary|time|tinyint|smallint|char|varchar|foreignId|foreignUuid|tinyInteger|smallInteger|unsignedBigInteger|unsignedInteger|longText|mediumText)\(\s*["'`](\w+)/;

function stringArgs(args: readonly string[]): string[] {
  return args.map((a) => literalName(a)).filter((x): x is string => x !== undefined && /^[\w.$-]+$/.test(x));
}

function isEmptyWhere(arg: string | undefined): boolean {
  return arg === undefined || /^(?:null|undefined|\{\s*\}|\[\s*\])$/.test(arg.trim());
}

function jsLine(s: string, lc: LineContext, lines: readonly SideLine[], i: number, emit: Emit): void {
  const seen = new Set<OpKind>();
  const once = (op: Omit<MigrationOp, "line">) => {
    if (seen.has(op.kind)) return;
    seen.add(op.kind);
    emit(op);
  };
  JS_METHOD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let handled = false;
  // biome-ignore lint/suspicious/noAssignInExpressions: regex iteration
  while ((m = JS_METHOD.exec(s)) !== null) {
    const method = m[1]!;
    const col = m.index + m[0].indexOf(method);
    const { text } = gatherCall(lines, i, col);
    const args = splitArgs(text);
    const strs = stringArgs(args);
    const inAlter = lc.table !== undefined && lc.tableMode === "alter";
    const inCreate = lc.table !== undefined && lc.tableMode === "create";
    handled = true;
    switch (method) {
      case "dropTable":
      case "dropTableIfExists":
      case "dropIfExists":
      case "dropCollection":
        once({ kind: "drop-table", table: strs[0] ?? literalName(args[0]), via: method });
        break;
      case "drop":
        // Laravel Schema::drop('t'); MongoDB db.collection('t').drop()
        if (strs[0] && m[0].startsWith("::")) once({ kind: "drop-table", table: strs[0], via: "Schema::drop" });
        else if (/collection\(\s*["'`]([\w.-]+)/.test(s))
          once({ kind: "drop-table", table: /collection\(\s*["'`]([\w.-]+)/.exec(s)?.[1], via: "collection.drop" });
        break;
      case "dropDatabase":
        once({ kind: "drop-database", table: strs[0] ?? "(current database)", via: method });
        break;
      case "dropAllTables":
        once({ kind: "drop-table", table: "(all tables)", via: method });
        break;
      case "removeColumn":
      case "dropColumn":
      case "dropColumns": {
        if (inAlter) once({ kind: "drop-column", table: lc.table, columns: args.flatMap(literalNames), via: method });
        else once({ kind: "drop-column", table: strs[0], columns: strs.slice(1), via: method });
        break;
      }
      case "renameColumn":
        if (inAlter || strs.length === 2)
          once({ kind: "rename-column", table: lc.table, columns: strs.slice(0, 1), newName: strs[1], via: method });
        else once({ kind: "rename-column", table: strs[0], columns: strs.slice(1, 2), newName: strs[2], via: method });
        break;
      case "renameTable":
      case "rename":
        if (method === "rename" && !m[0].startsWith("::")) break;
        once({ kind: "rename-table", table: strs[0], newName: strs[1], via: method });
        break;
      case "changeColumn":
        once({
          kind: "alter-type",
          table: strs[0],
          columns: strs.slice(1, 2),
          detail: /type:\s*([\w.]+(?:\([^)]*\))?)/.exec(text)?.[1],
          via: method,
        });
        break;
      case "alter":
      case "change": {
        if (method === "change" && !m[0].startsWith("->")) break;
        const b = JS_COLUMN_BUILDER.exec(s);
        if (b && (method === "alter" ? /\.alter\(\s*(?:\{[^}]*\})?\s*\)/.test(s) : true))
          once({
            kind: "alter-type",
            table: lc.table,
            columns: [b[2]!],
            detail: b[1],
            via: method === "alter" ? ".alter()" : "->change()",
          });
        break;
      }
      case "addColumn": {
        const notNull = /allowNull\s*:\s*false|isNullable\s*:\s*false|nullable\s*:\s*false/.test(text);
        const hasDefault = /defaultValue\s*:|\bdefault\s*:|generatedType\s*:|autoIncrement\s*:\s*true/.test(text);
        const column = strs[1] ?? /name\s*:\s*["'`](\w+)/.exec(text)?.[1];
        once({
          kind: notNull && !hasDefault ? "add-not-null-no-default" : "add-column",
          table: strs[0],
          columns: column ? [column] : [],
          detail: notNull && hasDefault ? "NOT NULL with a default" : undefined,
          via: method,
        });
        break;
      }
      case "addIndex":
      case "createIndex":
        once({
          kind: "create-index",
          table: strs[0],
          concurrent: /concurrently\s*:\s*true|isConcurrent\s*:\s*true/.test(text),
          postgres: true,
          via: method,
        });
        break;
      case "index":
      case "unique":
        if (inAlter && !/^\s*\)/.test(s.slice(col + method.length + 1)))
          once({
            kind: "create-index",
            table: lc.table,
            columns: args.flatMap(literalNames),
            concurrent: false,
            postgres: true,
            via: `table.${method}`,
          });
        break;
      case "foreign":
        if (inAlter)
          once({
            kind: "add-foreign-key",
            table: lc.table,
            columns: args.flatMap(literalNames),
            concurrent: false,
            postgres: true,
            via: "table.foreign",
          });
        break;
      case "addConstraint":
        if (/foreign\s*key/i.test(text))
          once({ kind: "add-foreign-key", table: strs[0], concurrent: false, postgres: true, via: method });
        else
          once({
            kind: "add-constraint",
            table: strs[0],
            detail: /type\s*:\s*["'`]([\w ]+)/.exec(text)?.[1],
            via: method,
          });
        break;
      case "createForeignKey":
      case "createForeignKeys":
        once({ kind: "add-foreign-key", table: strs[0], concurrent: false, postgres: true, via: method });
        break;
      case "removeIndex":
      case "dropIndex":
      case "dropUnique":
      case "dropPrimary":
        once({ kind: "drop-index", table: inAlter ? lc.table : strs[0], via: method });
        break;
      case "dropForeign":
      case "dropForeignKey":
      case "removeConstraint":
        once({ kind: "drop-constraint", table: inAlter ? lc.table : strs[0], via: method });
        break;
      case "createTable":
      case "createTableIfNotExists":
        once({ kind: "create-table", table: strs[0], via: method });
        break;
      case "create":
        // Laravel Schema::create('t', ...); other `.create(` calls are ORM inserts, not schema.
        if (m[0].startsWith("::") && strs[0]) once({ kind: "create-table", table: strs[0], via: "Schema::create" });
        else handled = false;
        break;
      case "bulkDelete":
        once({ kind: isEmptyWhere(args[1]) ? "delete-all" : "delete-rows", table: strs[0], via: method });
        break;
      case "bulkUpdate":
        once({ kind: isEmptyWhere(args[2]) ? "update-all" : "backfill", table: strs[0], via: method });
        break;
      default:
        handled = false;
    }
    if (inCreate) break;
  }
  if (lc.table && lc.tableMode === "alter" && !seen.has("alter-type")) {
    const b = JS_COLUMN_BUILDER.exec(s);
    if (b) {
      const notNull = /\.notNullable\(\)|->nullable\(\s*false\s*\)/.test(s);
      const hasDefault = /\.defaultTo\(|->default\(|->useCurrent\(/.test(s);
      once({
        kind: notNull && !hasDefault ? "add-not-null-no-default" : "add-column",
        table: lc.table,
        columns: [b[2]!],
        detail: notNull && hasDefault ? "NOT NULL with a default" : undefined,
        via: `table.${b[1]}`,
      });
      if (/\.references\(|->constrained\(|->references\(/.test(s))
        once({
          kind: "add-foreign-key",
          table: lc.table,
          columns: [b[2]!],
          concurrent: false,
          postgres: true,
          via: "references",
        });
    }
  }
  if (handled) return;
  // Query-builder writes: knex("t").update(...), DB::table('t')->delete()
  const write = /(?:\.|->)(update|del|delete)\s*\(/.exec(s);
  const target = /\bknex\(\s*["'`]([\w.]+)|\.(?:table|from|into)\(\s*["'`]([\w.]+)|DB::table\(\s*["']([\w.]+)/.exec(s);
  if (write && target) {
    const table = target[1] ?? target[2] ?? target[3];
    const whereSeen = /\.where\w*\(|->where\w*\(/.test(s) || /\.where\w*\(/.test(lines[i - 1]?.text ?? "");
    if (write[1] === "update")
      emit({ kind: whereSeen ? "backfill" : "update-all", table, via: "query builder update" });
    else emit({ kind: whereSeen ? "delete-rows" : "delete-all", table, via: "query builder delete" });
  }
}

export const jsSchemaBuilders: FrameworkReader = {
  reads: (language) => language === "js" || language === "php",
  line: (at) => jsLine(at.text, at.context, at.lines, at.index, at.emit),
  loopStart: /^\s*(?:for\s*(?:await\s*)?\(|while\s*\(|foreach\s*\(|[\w$.>-]+(?:\.|->)(?:forEach|each)\()/,
};
