import type { SideLine } from "../../diff/side.js";
import type { Emit, FrameworkReader } from "./reader.js";

/** Liquibase XML and YAML changelogs (change types and `<sql>` blocks). */

const LIQUIBASE_CHANGE =
  /(dropTable|dropColumn|renameColumn|renameTable|modifyDataType|addNotNullConstraint|addForeignKeyConstraint|createIndex|delete|update|createTable|addColumn|dropIndex|dropForeignKeyConstraint|addUniqueConstraint|sql)\b/;

function liquibaseBlock(
  lines: readonly SideLine[],
  i: number,
  xml: boolean,
  tag: string,
): { text: string; end: number } {
  const first = lines[i]!.text;
  const baseIndent = first.length - first.trimStart().length;
  let text = first;
  let end = i;
  if (xml) {
    if (new RegExp(`<${tag}\\b[^>]*/>`).test(first) || first.includes(`</${tag}>`)) return { text, end };
  }
  for (let k = i + 1; k < Math.min(lines.length, i + 80); k++) {
    const s = lines[k]!.text;
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
  lines: readonly SideLine[],
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

export const liquibase: FrameworkReader = {
  reads: (language) => language === "xml" || language === "yaml",
  line: (at) => liquibaseLine(at.text, at.lines, at.index, at.language === "xml", at.emit, at.sql),
};
