import type { SideLine } from "../../diff/side.js";
import type { MigrationOp } from "../ops.js";
import { firstMatch } from "../sql.js";
import { gatherCall, type LineContext } from "../text.js";
import type { Emit, FrameworkReader } from "./reader.js";

/** Elixir Ecto migrations. */

function ectoLine(s: string, lc: LineContext, lines: readonly SideLine[], i: number, emit: Emit): void {
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

export const ecto: FrameworkReader = {
  reads: (language) => language === "elixir",
  line: (at) => ectoLine(at.text, at.context, at.lines, at.index, at.emit),
};
