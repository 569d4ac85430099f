/**
 * Framework migration DSLs (Rails, Django, Alembic, Knex, Sequelize, TypeORM, Laravel, EF Core, Ecto,
 * Liquibase) turned into the same operations the SQL analysis yields. One call per line is the norm in
 * all of them; arguments spanning lines are gathered with balanced brackets.
 */
import type { MigrationFramework, MigrationLanguage } from "./detect.js";
import type { MigrationOp, OpKind, RollbackIssue } from "./ops.js";
import { analyzeSql, firstMatch, type SqlOp } from "./sql.js";
import {
  gatherCall,
  isCommentLine,
  type LineContext,
  type Literal,
  literalLineIndex,
  literalName,
  literalNames,
  namedArg,
  positionalArgs,
  type SourceLine,
  splitArgs,
} from "./text.js";

export interface FrameworkInput {
  lines: readonly SourceLine[];
  ctx: readonly LineContext[];
  startsInString: readonly boolean[];
  language: MigrationLanguage;
  framework: MigrationFramework;
}

export interface FrameworkResult {
  ops: MigrationOp[];
  rollback: RollbackIssue[];
}

type Emit = (op: Omit<MigrationOp, "line">) => void;

function isTruthyOption(v: string | undefined): boolean {
  return v !== undefined && !/^(?:false|nil|null|None|undefined)$/.test(v.trim());
}

// ---------------------------------------------------------------------------------------------
// Ruby on Rails

const RAILS_COLUMN_TYPES =
  /^(?:column|string|text|integer|bigint|boolean|datetime|date|time|timestamp|decimal|float|numeric|json|jsonb|uuid|binary|citext|inet|hstore|virtual)$/;

function railsLine(raw: string, lc: LineContext, lines: readonly SourceLine[], i: number, emit: Emit): void {
  // strong_migrations' `safety_assured { remove_column ... }` wraps the call on one line.
  const s = raw.replace(
    /^(\s*)safety_assured\s*(?:\{|do)\s*/,
    (m0, ws: string) => ws + " ".repeat(m0.length - ws.length),
  );
  const m = /^(\s*)(?:([A-Za-z_][\w:]*)\.)?([a-z_]+[!?]?)(?=[\s(]|$)/.exec(s);
  if (!m) {
    if (/\.(?:find_each|find_in_batches|in_batches|each)\b/.test(s) && /\b[A-Z]\w*(?:::\w+)*\./.test(s))
      emit({ kind: "backfill", table: /\b([A-Z]\w*(?:::\w+)*)\./.exec(s)?.[1], via: "row loop" });
    else if (/\.update_all\b/.test(s))
      emit({ kind: "backfill", table: /\b([A-Z]\w*)\./.exec(s)?.[1], via: "update_all" });
    else if (/\.(?:delete_all|destroy_all)\b/.test(s))
      emit({ kind: "delete-rows", table: /\b([A-Z]\w*)\./.exec(s)?.[1], via: "delete_all" });
    return;
  }
  const recv = m[2];
  const method = m[3]!;
  const col = m[1]!.length + (recv ? recv.length + 1 : 0);
  const call = () => {
    const text = gatherCall(lines, i, col).text;
    const args = splitArgs(text);
    return { text, args, pos: positionalArgs(args) };
  };
  if (recv && /^[A-Z]/.test(recv)) {
    // Model.update_all / Model.delete_all straight on the class: every row.
    if (method === "update_all") emit({ kind: "update-all", table: recv, via: `${recv}.update_all` });
    else if (method === "delete_all" || method === "destroy_all")
      emit({ kind: "delete-all", table: recv, via: `${recv}.${method}` });
    else if (/\.(?:find_each|find_in_batches|in_batches|each)\b|\.update_all\b/.test(s))
      emit({ kind: "backfill", table: recv, via: "row loop" });
    return;
  }
  if (recv && lc.table && lc.tableMode === "alter") {
    const { text, pos, args } = call();
    const table = lc.table;
    if (method === "remove") emit({ kind: "drop-column", table, columns: pos.flatMap(literalNames), via: "t.remove" });
    else if (method === "rename")
      emit({
        kind: "rename-column",
        table,
        columns: literalNames(pos[0]),
        newName: literalName(pos[1]),
        via: "t.rename",
      });
    else if (method === "change")
      emit({ kind: "alter-type", table, columns: literalNames(pos[0]), detail: literalName(pos[1]), via: "t.change" });
    else if (method === "remove_references" || method === "remove_belongs_to")
      emit({ kind: "drop-column", table, columns: literalNames(pos[0]).map((c) => `${c}_id`), via: `t.${method}` });
    else if (method === "index")
      emit({
        kind: "create-index",
        table,
        columns: literalNames(pos[0]),
        concurrent: false,
        postgres: true,
        via: "t.index",
      });
    else if (method === "timestamps")
      railsAddColumn(emit, table, ["created_at", "updated_at"], text, args, "t.timestamps", true);
    else if (method === "references" || method === "belongs_to")
      railsReference(emit, table, literalName(pos[0]), text, args, `t.${method}`);
    else if (RAILS_COLUMN_TYPES.test(method))
      railsAddColumn(emit, table, literalNames(pos[0]), text, args, `t.${method}`, false);
    return;
  }
  if (recv) return;
  switch (method) {
    case "drop_table": {
      const { pos } = call();
      emit({ kind: "drop-table", table: literalName(pos[0]), via: "drop_table" });
      return;
    }
    case "drop_join_table": {
      const { pos } = call();
      const names = [literalName(pos[0]), literalName(pos[1])].filter(Boolean).sort();
      emit({ kind: "drop-table", table: names.join("_"), via: "drop_join_table" });
      return;
    }
    case "remove_column":
    case "remove_columns": {
      const { pos } = call();
      const cols = method === "remove_column" ? literalNames(pos[1]) : pos.slice(1).flatMap(literalNames);
      emit({ kind: "drop-column", table: literalName(pos[0]), columns: cols, via: method });
      return;
    }
    case "remove_reference":
    case "remove_references":
    case "remove_belongs_to": {
      const { pos } = call();
      emit({
        kind: "drop-column",
        table: literalName(pos[0]),
        columns: literalNames(pos[1]).map((c) => `${c}_id`),
        via: method,
      });
      return;
    }
    case "remove_timestamps": {
      const { pos } = call();
      emit({ kind: "drop-column", table: literalName(pos[0]), columns: ["created_at", "updated_at"], via: method });
      return;
    }
    case "rename_column": {
      const { pos } = call();
      emit({
        kind: "rename-column",
        table: literalName(pos[0]),
        columns: literalNames(pos[1]),
        newName: literalName(pos[2]),
        via: method,
      });
      return;
    }
    case "rename_table": {
      const { pos } = call();
      emit({ kind: "rename-table", table: literalName(pos[0]), newName: literalName(pos[1]), via: method });
      return;
    }
    case "change_column": {
      const { pos } = call();
      emit({
        kind: "alter-type",
        table: literalName(pos[0]),
        columns: literalNames(pos[1]),
        detail: literalName(pos[2]),
        via: method,
      });
      return;
    }
    case "change_column_null": {
      const { pos } = call();
      if (pos[2]?.trim() === "false")
        emit({ kind: "set-not-null", table: literalName(pos[0]), columns: literalNames(pos[1]), via: method });
      else emit({ kind: "other", table: literalName(pos[0]), columns: literalNames(pos[1]), via: method });
      return;
    }
    case "add_column": {
      const { text, args, pos } = call();
      railsAddColumn(emit, literalName(pos[0]), literalNames(pos[1]), text, args, method, false);
      return;
    }
    case "add_timestamps": {
      const { text, args, pos } = call();
      railsAddColumn(emit, literalName(pos[0]), ["created_at", "updated_at"], text, args, method, true);
      return;
    }
    case "add_reference":
    case "add_references":
    case "add_belongs_to": {
      const { text, args, pos } = call();
      railsReference(emit, literalName(pos[0]), literalName(pos[1]), text, args, method);
      return;
    }
    case "add_index": {
      const { text, pos } = call();
      emit({
        kind: "create-index",
        table: literalName(pos[0]),
        columns: literalNames(pos[1]),
        concurrent: /algorithm:\s*:concurrently/.test(text),
        postgres: true,
        via: method,
      });
      return;
    }
    case "remove_index": {
      const { pos } = call();
      emit({ kind: "drop-index", table: literalName(pos[0]), via: method });
      return;
    }
    case "add_foreign_key": {
      const { text, pos } = call();
      emit({
        kind: "add-foreign-key",
        table: literalName(pos[0]),
        newName: literalName(pos[1]),
        concurrent: /validate:\s*false/.test(text),
        postgres: true,
        via: method,
      });
      return;
    }
    case "remove_foreign_key":
    case "remove_check_constraint": {
      const { pos } = call();
      emit({ kind: "drop-constraint", table: literalName(pos[0]), via: method });
      return;
    }
    case "add_check_constraint": {
      const { text, pos } = call();
      emit({
        kind: /validate:\s*false/.test(text) ? "other" : "add-constraint",
        table: literalName(pos[0]),
        detail: "check",
        via: method,
      });
      return;
    }
    case "create_table": {
      const { text, pos } = call();
      const table = literalName(pos[0]);
      // `force: true` drops an existing table of that name first.
      if (/force:\s*(?:true|:cascade)/.test(text)) emit({ kind: "drop-table", table, via: "create_table force:" });
      else emit({ kind: "create-table", table, via: method });
      return;
    }
    case "change_column_default":
    case "add_check":
      emit({ kind: "other", table: literalName(call().pos[0]), via: method });
      return;
    default:
      return;
  }
}

function railsAddColumn(
  emit: Emit,
  table: string | undefined,
  columns: string[],
  text: string,
  args: readonly string[],
  via: string,
  timestamps: boolean,
): void {
  const nullOpt = namedArg(args, "null");
  const notNull = nullOpt === "false" || (timestamps && nullOpt === undefined);
  const hasDefault = namedArg(args, "default") !== undefined || /\bdefault:/.test(text) || /\bas:/.test(text);
  emit({
    kind: notNull && !hasDefault ? "add-not-null-no-default" : "add-column",
    table,
    columns,
    detail: notNull && hasDefault ? "NOT NULL with a default" : undefined,
    via,
  });
}

function railsReference(
  emit: Emit,
  table: string | undefined,
  ref: string | undefined,
  text: string,
  args: readonly string[],
  via: string,
): void {
  const column = ref ? `${ref}_id` : undefined;
  railsAddColumn(emit, table, column ? [column] : [], text, args, via, false);
  const index = namedArg(args, "index");
  if (index === undefined || isTruthyOption(index))
    emit({
      kind: "create-index",
      table,
      columns: column ? [column] : undefined,
      concurrent: /algorithm:\s*:concurrently/.test(text),
      postgres: true,
      via,
    });
  const fk = namedArg(args, "foreign_key");
  if (isTruthyOption(fk))
    emit({
      kind: "add-foreign-key",
      table,
      columns: column ? [column] : undefined,
      concurrent: /validate:\s*false/.test(text),
      postgres: true,
      via,
    });
}

// ---------------------------------------------------------------------------------------------
// Python: Alembic and Django

const ALEMBIC_CALL = /\b(op|batch_op|\w+_op)\.(\w+)\s*\(/;
const DJANGO_OP =
  /(?:^|[\s([,])(?:migrations\.|operations\.)?(RemoveField|DeleteModel|RenameField|RenameModel|AlterField|AddField|AddIndex|AddIndexConcurrently|RemoveIndex|RemoveIndexConcurrently|AddConstraint|AddConstraintNotValid|RemoveConstraint|CreateModel|RunPython|RunSQL|AlterModelTable|AlterUniqueTogether)\s*\(/;

function alembicLine(s: string, lc: LineContext, lines: readonly SourceLine[], i: number, emit: Emit): void {
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

function djangoLine(s: string, lines: readonly SourceLine[], i: number, emit: Emit, rollback: RollbackIssue[]): void {
  const m = DJANGO_OP.exec(s);
  if (!m) return;
  const op = m[1]!;
  const { text } = gatherCall(lines, i, Math.max(0, s.search(new RegExp(`${op}\\s*\\(`))));
  const args = splitArgs(text);
  const pos = positionalArgs(args);
  const model = literalName(namedArg(args, "model_name")) ?? literalName(pos[0]);
  const name = literalName(namedArg(args, "name")) ?? literalName(pos[1]);
  const line = lines[i]!.line;
  switch (op) {
    case "RemoveField":
      emit({ kind: "drop-column", table: model, columns: name ? [name] : [], via: "RemoveField" });
      return;
    case "DeleteModel":
      emit({
        kind: "drop-table",
        table: literalName(namedArg(args, "name")) ?? literalName(pos[0]),
        via: "DeleteModel",
      });
      return;
    case "RenameField":
      emit({
        kind: "rename-column",
        table: model,
        columns: literalNames(namedArg(args, "old_name") ?? pos[1]),
        newName: literalName(namedArg(args, "new_name") ?? pos[2]),
        via: "RenameField",
      });
      return;
    case "RenameModel":
      emit({
        kind: "rename-table",
        table: literalName(namedArg(args, "old_name") ?? pos[0]),
        newName: literalName(namedArg(args, "new_name") ?? pos[1]),
        via: "RenameModel",
      });
      return;
    case "AlterModelTable":
      emit({
        kind: "rename-table",
        table: literalName(namedArg(args, "name") ?? pos[0]),
        newName: literalName(namedArg(args, "table") ?? pos[1]),
        via: "AlterModelTable",
      });
      return;
    case "AlterField": {
      const field = namedArg(args, "field") ?? pos[2] ?? "";
      emit({
        kind: "alter-field",
        table: model,
        columns: name ? [name] : [],
        detail: /models\.(\w+)/.exec(field)?.[1],
        via: "AlterField",
      });
      return;
    }
    case "AddField": {
      const field = namedArg(args, "field") ?? pos[2] ?? "";
      const nullable = /\bnull\s*=\s*True/.test(field) || /ManyToManyField|GeneratedField/.test(field);
      const hasDefault = /\b(?:db_)?default\s*=/.test(field) || /AutoField/.test(field);
      emit({
        kind: nullable || hasDefault ? "add-column" : "add-not-null-no-default",
        table: model,
        columns: name ? [name] : [],
        detail: !nullable && hasDefault ? "NOT NULL with a default" : undefined,
        via: "AddField",
      });
      return;
    }
    case "AddIndex":
    case "AddIndexConcurrently":
      emit({ kind: "create-index", table: model, concurrent: op === "AddIndexConcurrently", postgres: true, via: op });
      return;
    case "RemoveIndex":
    case "RemoveIndexConcurrently":
      emit({ kind: "drop-index", table: model, via: op });
      return;
    case "AddConstraint":
      emit({ kind: "add-constraint", table: model, detail: /(\w+Constraint)\(/.exec(text)?.[1], via: op });
      return;
    case "AddConstraintNotValid":
      emit({ kind: "other", table: model, via: op });
      return;
    case "RemoveConstraint":
      emit({ kind: "drop-constraint", table: model, via: op });
      return;
    case "AlterUniqueTogether":
      emit({
        kind: "add-constraint",
        table: literalName(namedArg(args, "name") ?? pos[0]),
        detail: "unique together",
        via: op,
      });
      return;
    case "CreateModel":
      emit({ kind: "create-table", table: literalName(namedArg(args, "name") ?? pos[0]), via: op });
      return;
    case "RunPython": {
      const fwd = pos[0]?.trim() ?? namedArg(args, "code");
      emit({ kind: "backfill", table: fwd, via: "RunPython" });
      if (pos.length < 2 && namedArg(args, "reverse_code") === undefined)
        rollback.push({
          line,
          message: `RunPython(${fwd ?? ""}) has no reverse_code: the migration cannot be unapplied`,
        });
      return;
    }
    case "RunSQL":
      if (pos.length < 2 && namedArg(args, "reverse_sql") === undefined)
        rollback.push({ line, message: "RunSQL has no reverse_sql: the migration cannot be unapplied" });
      return;
    default:
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// JavaScript / TypeScript (Knex, Sequelize, TypeORM), PHP (Laravel)

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

function jsLine(s: string, lc: LineContext, lines: readonly SourceLine[], i: number, emit: Emit): void {
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
    const whereSeen = /\.where\w*\(|->where\w*\(/.test(s) || /\.where\w*\(/.test(lines[i - 1]?.content ?? "");
    if (write[1] === "update")
      emit({ kind: whereSeen ? "backfill" : "update-all", table, via: "query builder update" });
    else emit({ kind: whereSeen ? "delete-rows" : "delete-all", table, via: "query builder delete" });
  }
}

/** A loop in forward migration code that writes rows (a backfill running inside the deploy). */
function writesInLoop(lines: readonly SourceLine[], i: number): boolean {
  for (let k = i; k < Math.min(lines.length, i + 12); k++) {
    if (
      /\b(?:update|update_all|insert|save|query|raw|execute|bulk_update|bulkUpdate|exec)\w*\s*\(/.test(
        lines[k]!.content,
      )
    )
      return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// C# (EF Core)

function efLine(s: string, lines: readonly SourceLine[], i: number, emit: Emit): void {
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
        concurrent: /CreatedConcurrently/.test(text) || /CreatedConcurrently/.test(lines[i + 1]?.content ?? ""),
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

// ---------------------------------------------------------------------------------------------
// Elixir (Ecto)

function ectoLine(s: string, lc: LineContext, lines: readonly SourceLine[], i: number, emit: Emit): void {
  const alter = lc.table !== undefined && lc.tableMode === "alter" ? lc.table : undefined;
  const ok = (op: Omit<MigrationOp, "line">) => {
    emit(op);
    return true;
  };
  firstMatch(s, [
    [
      /^\s*(drop|drop_if_exists)\s+table\(\s*:?"?([\w.]+)/,
      (m) => ok({ kind: "drop-table", table: m[2], via: `${m[1]} table` }),
    ],
    [
      /^\s*(?:drop|drop_if_exists)\s+(index|unique_index|constraint)\(\s*:?"?([\w.]+)/,
      (m) => ok({ kind: m[1] === "constraint" ? "drop-constraint" : "drop-index", table: m[2], via: `drop ${m[1]}` }),
    ],
    [
      /^\s*rename\s+table\(\s*:?"?([\w.]+)"?\s*\)\s*,\s*to:\s*table\(\s*:?"?([\w.]+)/,
      (m) => ok({ kind: "rename-table", table: m[1], newName: m[2], via: "rename table" }),
    ],
    [
      /^\s*rename\s+table\(\s*:?"?([\w.]+)"?[^)]*\)\s*,\s*:"?(\w+)"?\s*,\s*to:\s*:"?(\w+)/,
      (m) => ok({ kind: "rename-column", table: m[1], columns: [m[2]!], newName: m[3], via: "rename" }),
    ],
    [
      /^\s*(remove|remove_if_exists)\s+:"?(\w+)/,
      (m) => (alter ? ok({ kind: "drop-column", table: alter, columns: [m[2]!], via: m[1]! }) : false),
    ],
    [
      /^\s*modify\s+:"?(\w+)"?\s*,\s*([^,\s]+)/,
      (m) =>
        alter
          ? ok({ kind: "alter-type", table: alter, columns: [m[1]!], detail: m[2]!.replace(/^:/, ""), via: "modify" })
          : false,
    ],
    [
      /^\s*add(?:_if_not_exists)?\s+:"?(\w+)"?\s*,/,
      (m) => {
        if (!alter) return false;
        const rest = gatherCall(lines, i, 0).text;
        const notNull = /null:\s*false/.test(rest);
        const hasDefault = /default:/.test(rest);
        emit({
          kind: notNull && !hasDefault ? "add-not-null-no-default" : "add-column",
          table: alter,
          columns: [m[1]!],
          detail: notNull && hasDefault ? "NOT NULL with a default" : undefined,
          via: "add",
        });
        if (/\breferences\(/.test(rest))
          emit({
            kind: "add-foreign-key",
            table: alter,
            columns: [m[1]!],
            concurrent: /validate:\s*false/.test(rest),
            postgres: true,
            via: "references",
          });
        return true;
      },
    ],
    [
      /^\s*create(?:_if_not_exists)?\s+(unique_index|index)\(\s*:?"?([\w.]+)/,
      (m) =>
        ok({
          kind: "create-index",
          table: m[2],
          concurrent: /concurrently:\s*true/.test(gatherCall(lines, i, 0).text),
          postgres: true,
          via: `create ${m[1]}`,
        }),
    ],
    [
      /^\s*create(?:_if_not_exists)?\s+table\(\s*:?"?([\w.]+)/,
      (m) => ok({ kind: "create-table", table: m[1], via: "create table" }),
    ],
    [
      /\b(?:repo\(\)|Repo)\.(update_all|delete_all)\(/,
      (m) => ok({ kind: m[1] === "update_all" ? "backfill" : "delete-rows", via: `Repo.${m[1]}` }),
    ],
  ]);
}

// ---------------------------------------------------------------------------------------------
// Liquibase XML / YAML changelogs

const LIQUIBASE_CHANGE =
  /(dropTable|dropColumn|renameColumn|renameTable|modifyDataType|addNotNullConstraint|addForeignKeyConstraint|createIndex|delete|update|createTable|addColumn|dropIndex|dropForeignKeyConstraint|addUniqueConstraint|sql)\b/;

function liquibaseBlock(
  lines: readonly SourceLine[],
  i: number,
  xml: boolean,
  tag: string,
): { text: string; end: number } {
  const first = lines[i]!.content;
  const baseIndent = first.length - first.trimStart().length;
  let text = first;
  let end = i;
  if (xml) {
    if (new RegExp(`<${tag}\\b[^>]*/>`).test(first) || first.includes(`</${tag}>`)) return { text, end };
  }
  for (let k = i + 1; k < Math.min(lines.length, i + 80); k++) {
    const s = lines[k]!.content;
    if (lines[k]!.hunk !== lines[i]!.hunk) break;
    if (!xml && s.trim() !== "" && s.length - s.trimStart().length <= baseIndent) break;
    text += `\n${s}`;
    end = k;
    if (xml && (s.includes(`</${tag}>`) || (/\/>\s*$/.test(s) && !text.includes(">\n")))) break;
  }
  return { text, end };
}

function attr(text: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*[=:]\\s*["']?([\\w.$-]+)`).exec(text)?.[1];
}

function liquibaseLine(
  s: string,
  lines: readonly SourceLine[],
  i: number,
  xml: boolean,
  emit: Emit,
  sqlOps: (text: string, startIdx: number) => void,
): void {
  const re = xml ? new RegExp(`<${LIQUIBASE_CHANGE.source}`) : new RegExp(`^\\s*-?\\s*${LIQUIBASE_CHANGE.source}\\s*:`);
  const m = re.exec(s);
  if (!m) return;
  const tag = m[1]!;
  const { text } = liquibaseBlock(lines, i, xml, tag);
  const table = attr(text, "tableName");
  const columnNames = () => {
    const own = attr(text, "columnName");
    if (own) return [own];
    return [...text.matchAll(/\bname\s*[=:]\s*["']?([\w.$-]+)/g)].map((x) => x[1]!).slice(0, 20);
  };
  const hasWhere = /<where>|\bwhere\s*:/.test(text);
  switch (tag) {
    case "dropTable":
      emit({ kind: "drop-table", table, via: "dropTable" });
      return;
    case "dropColumn":
      emit({ kind: "drop-column", table, columns: columnNames(), via: "dropColumn" });
      return;
    case "renameColumn":
      emit({
        kind: "rename-column",
        table,
        columns: [attr(text, "oldColumnName") ?? "?"],
        newName: attr(text, "newColumnName"),
        via: "renameColumn",
      });
      return;
    case "renameTable":
      emit({
        kind: "rename-table",
        table: attr(text, "oldTableName"),
        newName: attr(text, "newTableName"),
        via: "renameTable",
      });
      return;
    case "modifyDataType":
      emit({
        kind: "alter-type",
        table,
        columns: [attr(text, "columnName") ?? "?"],
        detail: attr(text, "newDataType"),
        via: "modifyDataType",
      });
      return;
    case "addNotNullConstraint":
      emit({ kind: "set-not-null", table, columns: [attr(text, "columnName") ?? "?"], via: "addNotNullConstraint" });
      return;
    case "addForeignKeyConstraint":
      emit({
        kind: "add-foreign-key",
        table: attr(text, "baseTableName"),
        newName: attr(text, "referencedTableName"),
        concurrent: /validate\s*[=:]\s*["']?false/.test(text),
        postgres: true,
        via: "addForeignKeyConstraint",
      });
      return;
    case "createIndex":
      emit({
        kind: "create-index",
        table,
        detail: attr(text, "indexName"),
        concurrent: false,
        postgres: true,
        via: "createIndex",
      });
      return;
    case "addUniqueConstraint":
      emit({ kind: "add-constraint", table, detail: "unique", via: "addUniqueConstraint" });
      return;
    case "delete":
      emit({ kind: hasWhere ? "delete-rows" : "delete-all", table, via: "delete" });
      return;
    case "update":
      emit({ kind: hasWhere ? "backfill" : "update-all", table, via: "update" });
      return;
    case "createTable":
      emit({ kind: "create-table", table, via: "createTable" });
      return;
    case "addColumn": {
      const notNull = /nullable\s*[=:]\s*["']?false/.test(text);
      const hasDefault = /defaultValue\w*\s*[=:]/.test(text);
      emit({
        kind: notNull && !hasDefault ? "add-not-null-no-default" : "add-column",
        table,
        columns: columnNames(),
        detail: notNull && hasDefault ? "NOT NULL with a default" : undefined,
        via: "addColumn",
      });
      return;
    }
    case "dropIndex":
      emit({ kind: "drop-index", table, via: "dropIndex" });
      return;
    case "dropForeignKeyConstraint":
      emit({ kind: "drop-constraint", table: attr(text, "baseTableName"), via: "dropForeignKeyConstraint" });
      return;
    case "sql":
      sqlOps(text.replace(/<\/?sql\b[^>]*>|^\s*-?\s*sql\s*:\s*\|?/g, " ").replace(/<!\[CDATA\[|\]\]>/g, " "), i);
      return;
    default:
      return;
  }
}

// ---------------------------------------------------------------------------------------------

/** Framework operations on the added lines of forward (up/neutral) code. */
export function frameworkOps(input: FrameworkInput): FrameworkResult {
  const { lines, ctx, startsInString, language, framework } = input;
  const ops: MigrationOp[] = [];
  const rollback: RollbackIssue[] = [];
  let loopReported = false;
  for (let i = 0; i < lines.length; i++) {
    const sl = lines[i]!;
    if (!sl.added || startsInString[i]) continue;
    const lc = ctx[i]!;
    if (lc.section === "down" || lc.section === "state") continue;
    const s = sl.content;
    if (s.trim() === "" || isCommentLine(s, language)) continue;
    const emit: Emit = (op) => ops.push({ ...op, line: sl.line });
    switch (language) {
      case "ruby":
        railsLine(s, lc, lines, i, emit);
        break;
      case "python":
        if (framework === "django") djangoLine(s, lines, i, emit, rollback);
        else {
          alembicLine(s, lc, lines, i, emit);
          if (!loopReported && /^\s*for\s+.+\s+in\s+/.test(s) && writesInLoop(lines, i)) {
            emit({ kind: "backfill", via: "row loop" });
            loopReported = true;
          }
        }
        break;
      case "js":
      case "php":
        jsLine(s, lc, lines, i, emit);
        if (
          !loopReported &&
          /^\s*(?:for\s*(?:await\s*)?\(|while\s*\(|foreach\s*\(|[\w$.>-]+(?:\.|->)(?:forEach|each)\()/.test(s) &&
          writesInLoop(lines, i)
        ) {
          emit({ kind: "backfill", via: "row loop" });
          loopReported = true;
        }
        break;
      case "csharp":
        efLine(s, lines, i, emit);
        break;
      case "elixir":
        ectoLine(s, lc, lines, i, emit);
        break;
      case "xml":
      case "yaml":
        liquibaseLine(s, lines, i, language === "xml", emit, (text, startIdx) => {
          const lit: Literal = { text, starts: [0], lineIdx: [startIdx] };
          let off = 0;
          for (let k = startIdx + 1; k < lines.length && off >= 0; k++) {
            off = text.indexOf("\n", off);
            if (off < 0) break;
            off++;
            lit.starts.push(off);
            lit.lineIdx.push(k);
          }
          for (const op of analyzeSql(text)) pushSqlOp(op, lit, lines, ops);
        });
        break;
      default:
        break;
    }
  }
  return { ops, rollback };
}

/** Map a SQL operation found in a literal to its diff line; dropped unless that line is added. */
export function pushSqlOp(
  op: SqlOp,
  lit: Literal,
  lines: readonly SourceLine[],
  out: MigrationOp[],
  ctx?: readonly LineContext[],
): void {
  const idx = literalLineIndex(lit, op.offset);
  const sl = lines[idx];
  if (!sl?.added) return;
  const section = ctx?.[idx]?.section;
  if (section === "down" || section === "state") return;
  const { offset: _offset, ...rest } = op;
  out.push({ ...rest, line: sl.line });
}
