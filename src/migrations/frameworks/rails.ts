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
import type { Emit, FrameworkReader } from "./reader.js";

/** Ruby on Rails (ActiveRecord migrations). */

function isTruthyOption(v: string | undefined): boolean {
  return v !== undefined && !/^(?:false|nil|null|None|undefined)$/.test(v.trim());
}

const RAILS_COLUMN_TYPES =
  /^(?:column|string|text|integer|bigint|boolean|datetime|date|time|timestamp|decimal|float|numeric|json|jsonb|uuid|binary|citext|inet|hstore|virtual)$/;

function railsLine(raw: string, lc: LineContext, lines: readonly SideLine[], i: number, emit: Emit): void {
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

export const rails: FrameworkReader = {
  reads: (language) => language === "ruby",
  line: (at) => railsLine(at.text, at.context, at.lines, at.index, at.emit),
};
