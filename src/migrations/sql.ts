/**
 * SQL analysis: the Postgres grammar (libpg-query) where the text parses, tolerant per-statement
 * matching for other dialects (MySQL, SQLite, SQL Server) and for partial SQL cut out of a diff.
 * Operations carry a character offset into the analysed text; callers map it to diff lines.
 */
import type { MigrationOp, OpKind } from "./ops.js";
import { parsePostgres } from "./pg.js";
import { locateColumn, locateWord } from "./sql-locate.js";
import { isRegexSpace } from "./text.js";

/** Above this, only the linear regex fallback runs. */
export const MAX_PARSE_CHARS = 256 * 1024;

export interface SqlOp extends Omit<MigrationOp, "line"> {
  offset: number;
}

interface Statement {
  start: number;
  end: number;
}

/**
 * Replace comments with spaces (offsets and newlines kept) so matching never sees commented-out SQL.
 * Quote-aware: `--` inside a string is not a comment.
 */
export function maskComments(text: string): string {
  // Built from slices, not a char array: SQL files can be large and this runs on every one.
  if (!text.includes("--") && !text.includes("/*")) return text;
  const parts: string[] = [];
  let last = 0;
  let i = 0;
  const n = text.length;
  const blank = (from: number, to: number) => {
    parts.push(text.slice(last, from), text.slice(from, to).replace(/[^\n]/g, " "));
    last = to;
  };
  while (i < n) {
    const c = text[i];
    if (c === "'" || c === '"' || c === "`") {
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? n : end + 1;
    } else if (c === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else i++;
  }
  parts.push(text.slice(last));
  return parts.join("");
}

/** Statement boundaries at `;` outside quotes and dollar-quoted bodies (run on comment-masked text). */
export function splitStatements(masked: string): Statement[] {
  const out: Statement[] = [];
  const special = /['"`$;]/g;
  let start = 0;
  const n = masked.length;
  // Jump from one quote, dollar or semicolon to the next instead of walking every character.
  let m = special.exec(masked);
  while (m) {
    const i = m.index;
    const c = m[0];
    let next = i + 1;
    if (c === ";") {
      if (masked.slice(start, i).trim() !== "") out.push({ start, end: i });
      start = i + 1;
    } else if (c === "$") {
      const tag = /^\$[A-Za-z_]?\w{0,30}\$/.exec(masked.slice(i, i + 34));
      if (tag) {
        const end = masked.indexOf(tag[0], i + tag[0].length);
        next = end < 0 ? n : end + tag[0].length;
      }
    } else {
      const end = masked.indexOf(c, i + 1);
      next = end < 0 ? n : end + 1;
    }
    special.lastIndex = next;
    m = special.exec(masked);
  }
  if (start < n && masked.slice(start).trim() !== "") out.push({ start, end: n });
  return out;
}

function byteToCharMapper(text: string): (byte: number) => number {
  if (/^[\x00-\x7f]*$/.test(text)) return (b) => b;
  const map: number[] = [];
  let chars = 0;
  for (const ch of text) {
    const bytes = Buffer.byteLength(ch);
    for (let k = 0; k < bytes; k++) map.push(chars);
    chars += ch.length;
  }
  map.push(chars);
  return (b) => map[Math.min(b, map.length - 1)] ?? chars;
}

export function cleanName(raw: string): string {
  return raw
    .trim()
    .replace(/[`"[\]]/g, "")
    .replace(/\s*\.\s*/g, ".");
}

// A name part: quoted, bracketed, or bare, where a bare name may hold the placeholders of SQL built in a
// host language (`{schema}.signal` in a Python f-string, `${prefix}_users` in a JS template).
const IDENT_PART = String.raw`(?:"[^"]{1,128}"|\x60[^\x60]{1,128}\x60|\[[^\]]{1,128}\]|(?:[\w$]|\$?\{\{?[\w.\s]{1,64}\}?\}){1,128})`;
const IDENT = String.raw`${IDENT_PART}(?:\s*\.\s*${IDENT_PART}){0,2}`;

function firstToken(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isRegexSpace(text.charCodeAt(i))) i++;
  return i;
}

export function looksLikeMysql(text: string): boolean {
  return /`|\bENGINE\s*=|\bAUTO_INCREMENT\b|\bMODIFY\s+COLUMN\b|\bCHANGE\s+COLUMN\b|\bUNSIGNED\b/i.test(text);
}

// ---------------------------------------------------------------------------------------------
// AST

type Node = Record<string, unknown>;

function obj(v: unknown): Node | undefined {
  return v && typeof v === "object" ? (v as Node) : undefined;
}

function rangeVarName(v: unknown): string | undefined {
  const r = obj(obj(v)?.["RangeVar"]) ?? obj(v);
  if (!r || typeof r["relname"] !== "string") return undefined;
  return typeof r["schemaname"] === "string" ? `${r["schemaname"]}.${r["relname"]}` : (r["relname"] as string);
}

function strings(v: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown, depth: number) => {
    if (depth > 6 || !x || typeof x !== "object") return;
    const o = x as Node;
    const s = obj(o["String"]);
    if (s && typeof s["sval"] === "string") {
      out.push(s["sval"]);
      return;
    }
    for (const val of Object.values(o)) {
      if (Array.isArray(val)) for (const e of val) walk(e, depth + 1);
      else walk(val, depth + 1);
    }
  };
  walk(v, 0);
  return out;
}

function dropObjectNames(objects: unknown): string[] {
  if (!Array.isArray(objects)) return [];
  return objects.map((o) => strings(o).join(".")).filter(Boolean);
}

function typeNameText(typeName: unknown): string {
  const t = obj(typeName);
  if (!t) return "";
  const names = strings({ names: t["names"] }).filter((n) => n !== "pg_catalog");
  return names.join(".");
}

/** Plain column names of an index (expressions are left out). */
function indexColumns(params: unknown): string[] | undefined {
  if (!Array.isArray(params)) return undefined;
  const names = params
    .map((p) => obj(obj(p)?.["IndexElem"])?.["name"])
    .filter((n): n is string => typeof n === "string");
  return names.length > 0 ? names : undefined;
}

const SERIAL_TYPES = new Set(["serial", "bigserial", "smallserial", "serial2", "serial4", "serial8"]);

function astOps(
  stmt: Node,
  text: string,
  stmtStart: number,
  stmtEnd: number,
  toChar: (b: number) => number,
  ops: SqlOp[],
): boolean {
  const at = firstToken(text, stmtStart, stmtEnd);
  const loc = (n: unknown): number | undefined => {
    const l = obj(n)?.["location"];
    return typeof l === "number" && l >= 0 ? toChar(l) : undefined;
  };
  // The statement node has one key, its type (for...in: no array of all entries per statement).
  let kind: string | undefined;
  for (const key in stmt) {
    kind = key;
    break;
  }
  const node = kind === undefined ? undefined : obj(stmt[kind]);
  if (!kind || !node) return false;
  switch (kind) {
    case "DropStmt": {
      const removeType = node["removeType"];
      const names = dropObjectNames(node["objects"]);
      const map: Record<string, OpKind> = {
        OBJECT_TABLE: "drop-table",
        OBJECT_SCHEMA: "drop-schema",
        OBJECT_INDEX: "drop-index",
        OBJECT_VIEW: "other",
        OBJECT_MATVIEW: "other",
      };
      const k = map[String(removeType)] ?? "other";
      const via = `DROP ${String(removeType).replace("OBJECT_", "")}`;
      for (const name of names.length > 0 ? names : [undefined]) {
        const offset = name ? locateWord(text, at, stmtEnd, name.split(".").pop()!, at) : at;
        ops.push({ kind: k, table: name, via, offset, concurrent: node["concurrent"] === true });
      }
      return true;
    }
    case "DropdbStmt":
      ops.push({ kind: "drop-database", table: String(node["dbname"] ?? ""), via: "DROP DATABASE", offset: at });
      return true;
    case "TruncateStmt": {
      const rels = Array.isArray(node["relations"]) ? node["relations"] : [];
      for (const r of rels)
        ops.push({
          kind: "truncate",
          table: rangeVarName(r),
          via: "TRUNCATE",
          offset: loc(obj(r)?.["RangeVar"]) ?? at,
        });
      return true;
    }
    case "DeleteStmt":
      ops.push({
        kind: node["whereClause"] ? "delete-rows" : "delete-all",
        table: rangeVarName(node["relation"]),
        via: "DELETE",
        offset: at,
      });
      return true;
    case "UpdateStmt": {
      const nulled = nulledColumns(node["targetList"]);
      ops.push({
        kind: !node["whereClause"] ? "update-all" : nulled.length > 0 ? "null-rows" : "backfill",
        table: rangeVarName(node["relation"]),
        ...(nulled.length > 0 ? { columns: nulled } : {}),
        via: "UPDATE",
        offset: at,
      });
      return true;
    }
    case "InsertStmt": {
      const select = obj(obj(node["selectStmt"])?.["SelectStmt"]);
      if (select?.["fromClause"])
        ops.push({ kind: "backfill", table: rangeVarName(node["relation"]), via: "INSERT ... SELECT", offset: at });
      return true;
    }
    case "CreateStmt": {
      if (obj(node["relation"])?.["relpersistence"] === "t") return true;
      ops.push({ kind: "create-table", table: rangeVarName(node["relation"]), via: "CREATE TABLE", offset: at });
      return true;
    }
    case "CreateTableAsStmt": {
      const into = obj(node["into"]);
      ops.push({ kind: "create-table", table: rangeVarName(into?.["rel"]), via: "CREATE TABLE AS", offset: at });
      return true;
    }
    case "IndexStmt":
      ops.push({
        kind: "create-index",
        table: rangeVarName(node["relation"]),
        columns: indexColumns(node["indexParams"]),
        detail: typeof node["idxname"] === "string" ? node["idxname"] : undefined,
        concurrent: node["concurrent"] === true,
        postgres: true,
        via: node["unique"] ? "CREATE UNIQUE INDEX" : "CREATE INDEX",
        offset: at,
      });
      return true;
    case "RenameStmt": {
      const table = rangeVarName(node["relation"]);
      const newName = typeof node["newname"] === "string" ? node["newname"] : undefined;
      if (node["renameType"] === "OBJECT_COLUMN") {
        const col = String(node["subname"] ?? "");
        const offset = locateColumn(text, at, stmtEnd, "RENAME", col, at);
        ops.push({ kind: "rename-column", table, columns: [col], newName, via: "RENAME COLUMN", offset });
      } else if (node["renameType"] === "OBJECT_TABLE") {
        ops.push({ kind: "rename-table", table, newName, via: "RENAME TABLE", offset: at });
      } else ops.push({ kind: "other", table, via: "RENAME", offset: at });
      return true;
    }
    case "AlterTableStmt": {
      if (node["objtype"] !== "OBJECT_TABLE") return true;
      const table = rangeVarName(node["relation"]);
      const cmds = Array.isArray(node["cmds"]) ? node["cmds"] : [];
      for (const c of cmds) {
        const cmd = obj(obj(c)?.["AlterTableCmd"]);
        if (!cmd) continue;
        const col = typeof cmd["name"] === "string" ? cmd["name"] : "";
        switch (cmd["subtype"]) {
          case "AT_DropColumn":
            ops.push({
              kind: "drop-column",
              table,
              columns: [col],
              via: "DROP COLUMN",
              offset: locateColumn(text, at, stmtEnd, "DROP", col, at),
            });
            break;
          case "AT_AlterColumnType": {
            const def = obj(obj(cmd["def"])?.["ColumnDef"]);
            ops.push({
              kind: "alter-type",
              table,
              columns: [col],
              detail: typeNameText(def?.["typeName"]) || undefined,
              via: "ALTER COLUMN TYPE",
              offset: locateColumn(text, at, stmtEnd, "ALTER", col, at),
            });
            break;
          }
          case "AT_SetNotNull":
            ops.push({
              kind: "set-not-null",
              table,
              columns: [col],
              via: "SET NOT NULL",
              offset: locateColumn(text, at, stmtEnd, "ALTER", col, at),
            });
            break;
          case "AT_AddColumn": {
            const def = obj(obj(cmd["def"])?.["ColumnDef"]);
            const name = typeof def?.["colname"] === "string" ? def["colname"] : "";
            const types = strings({ names: obj(def?.["typeName"])?.["names"] });
            const contypes = (Array.isArray(def?.["constraints"]) ? def["constraints"] : []).map((x) =>
              String(obj(obj(x)?.["Constraint"])?.["contype"] ?? ""),
            );
            const notNull = contypes.includes("CONSTR_NOTNULL") || contypes.includes("CONSTR_PRIMARY");
            const hasDefault =
              contypes.some((t) => t === "CONSTR_DEFAULT" || t === "CONSTR_IDENTITY" || t === "CONSTR_GENERATED") ||
              types.some((t) => SERIAL_TYPES.has(t.toLowerCase()));
            ops.push({
              kind: notNull && !hasDefault ? "add-not-null-no-default" : "add-column",
              table,
              columns: [name],
              detail: notNull && hasDefault ? "NOT NULL with a default" : undefined,
              via: "ADD COLUMN",
              offset: loc(def) ?? at,
            });
            break;
          }
          case "AT_AddConstraint": {
            const con = obj(obj(cmd["def"])?.["Constraint"]);
            const contype = String(con?.["contype"] ?? "");
            const offset = loc(con) ?? at;
            if (contype === "CONSTR_FOREIGN") {
              ops.push({
                kind: "add-foreign-key",
                table,
                columns: strings({ a: con?.["fk_attrs"] }),
                newName: rangeVarName(con?.["pktable"]),
                concurrent: con?.["skip_validation"] === true,
                postgres: true,
                via: "ADD FOREIGN KEY",
                offset,
              });
            } else if (
              contype === "CONSTR_CHECK" ||
              contype === "CONSTR_UNIQUE" ||
              contype === "CONSTR_PRIMARY" ||
              contype === "CONSTR_EXCLUSION"
            ) {
              const usesIndex = typeof con?.["indexname"] === "string";
              ops.push({
                kind: usesIndex || con?.["skip_validation"] === true ? "other" : "add-constraint",
                table,
                columns: typeof con?.["conname"] === "string" ? [con["conname"]] : strings({ k: con?.["keys"] }),
                detail: contype.replace("CONSTR_", "").toLowerCase(),
                via: "ADD CONSTRAINT",
                offset,
              });
            } else ops.push({ kind: "other", table, via: "ADD CONSTRAINT", offset });
            break;
          }
          case "AT_DropConstraint":
            ops.push({
              kind: "drop-constraint",
              table,
              columns: col ? [col] : undefined,
              via: "DROP CONSTRAINT",
              offset: at,
            });
            break;
          default:
            ops.push({ kind: "other", table, via: "ALTER TABLE", offset: at });
        }
      }
      return true;
    }
    default:
      return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Regex fallback (one statement, comment-masked)

const RE_DROP = new RegExp(
  String.raw`^DROP\s+(TABLE|SCHEMA|DATABASE|VIEW|MATERIALIZED\s+VIEW|INDEX|SEQUENCE|TYPE)\s+(CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?((?:${IDENT})(?:\s*,\s*(?:${IDENT})){0,50})(?:\s+ON\s+(${IDENT}))?`,
  "i",
);
const RE_TRUNCATE = new RegExp(
  String.raw`^TRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?((?:${IDENT})(?:\s*,\s*(?:${IDENT})){0,50})`,
  "i",
);
const RE_DELETE = new RegExp(String.raw`^DELETE\s+(?:[\w\s]{0,40}?\s)?FROM\s+(?:ONLY\s+)?(${IDENT})`, "i");
const RE_UPDATE = new RegExp(String.raw`^UPDATE\s+(?:ONLY\s+)?(${IDENT})(?:\s+(?:AS\s+)?\w{1,64})?\s+SET\b`, "i");
const RE_INSERT_SELECT = new RegExp(
  String.raw`^INSERT\s+(?:IGNORE\s+)?INTO\s+(${IDENT})[\s\S]*?\bSELECT\b[\s\S]*?\bFROM\b`,
  "i",
);
const RE_CREATE_INDEX = new RegExp(
  String.raw`^CREATE\s+(?:UNIQUE\s+)?(?:CLUSTERED\s+|NONCLUSTERED\s+|FULLTEXT\s+|SPATIAL\s+)?INDEX\s+(CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:(${IDENT})\s+)?ON\s+(?:ONLY\s+)?(${IDENT})`,
  "i",
);
const RE_CREATE_TABLE = new RegExp(
  String.raw`^CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:GLOBAL|LOCAL)\s+)?(TEMP(?:ORARY)?\s+|UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})`,
  "i",
);
const RE_ALTER_TABLE = new RegExp(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${IDENT})\s+`, "i");
const RE_RENAME_TABLE = new RegExp(String.raw`^RENAME\s+TABLE\s+(${IDENT})\s+TO\s+(${IDENT})`, "i");
const RE_SP_RENAME =
  /^(?:EXEC(?:UTE)?\s+)?sp_rename\s+N?'([^']{1,200})'\s*,\s*N?'([^']{1,200})'(?:\s*,\s*N?'(\w{1,20})')?/i;

const NOT_A_COLUMN =
  /^(?:CONSTRAINT|INDEX|KEY|FOREIGN|PRIMARY|CHECK|PARTITION|UNIQUE|DEFAULT|TRIGGER|FULLTEXT|SPATIAL|PERIOD|SYSTEM|PROJECTION|STATISTICS)$/i;

/** Top-level comma split with offsets (parentheses and quotes respected). */
function splitTopLevel(s: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let depth = 0;
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === "`") quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (c === "," && depth === 0) {
      out.push({ text: s.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  out.push({ text: s.slice(start), offset: start });
  return out.map((p) => {
    const lead = p.text.length - p.text.trimStart().length;
    return { text: p.text.trim(), offset: p.offset + lead };
  });
}

/** A pattern and what to do with its match (false: not this case after all). */
type MatchCase = readonly [RegExp, (m: RegExpExecArray) => boolean | undefined];

/**
 * Try each case in order (only patterns `worthTrying` accepts, when given); the first whose pattern matches
 * and whose handler does not return false wins.
 */
export function firstMatch(s: string, cases: readonly MatchCase[], worthTrying?: (re: RegExp) => boolean): boolean {
  for (const [re, handle] of cases) {
    if (worthTrying && !worthTrying(re)) continue;
    const m = re.exec(s);
    if (m && handle(m) !== false) return true;
  }
  return false;
}

const A_DROP = new RegExp(String.raw`^DROP\s+(?:(COLUMN)\s+)?(?:IF\s+EXISTS\s+)?(${IDENT})`, "i");
const A_RENAME_TABLE = new RegExp(String.raw`^RENAME\s+(?:TO|AS)\s+(${IDENT})`, "i");
const A_RENAME_OTHER = /^RENAME\s+(?:INDEX|KEY|CONSTRAINT)\b/i;
const A_RENAME_COLUMN = new RegExp(String.raw`^RENAME\s+(?:COLUMN\s+)?(${IDENT})\s+TO\s+(${IDENT})`, "i");
const A_ALTER_TYPE = new RegExp(
  String.raw`^ALTER\s+(?:COLUMN\s+)?(${IDENT})\s+(?:SET\s+DATA\s+)?TYPE\s+([^\s,]{1,80})`,
  "i",
);
const A_SET_NOT_NULL = new RegExp(String.raw`^ALTER\s+(?:COLUMN\s+)?(${IDENT})\s+SET\s+NOT\s+NULL`, "i");
// SQL Server: ALTER COLUMN c NVARCHAR(50) NOT NULL redefines the column type.
const A_MSSQL_ALTER = new RegExp(
  String.raw`^ALTER\s+COLUMN\s+(${IDENT})\s+(?!SET\b|DROP\b|TYPE\b|ADD\b|RESTART\b|RESET\b|OPTIONS\b)([A-Za-z]\w{0,40})`,
  "i",
);
const A_ALTER_OTHER = /^ALTER\s/i;
const A_MODIFY = new RegExp(String.raw`^MODIFY\s+(?:COLUMN\s+)?(${IDENT})\s+([^\s,]{1,80})`, "i");
const A_CHANGE = new RegExp(String.raw`^CHANGE\s+(?:COLUMN\s+)?(${IDENT})\s+(${IDENT})\s+([^\s,]{1,80})`, "i");
const A_ADD_FK = /^ADD\s+(?:CONSTRAINT\s+\S+\s+)?FOREIGN\s+KEY\b/i;
const A_REFERENCES = new RegExp(String.raw`REFERENCES\s+(${IDENT})`, "i");
const A_ADD_CONSTRAINT = /^ADD\s+(?:CONSTRAINT\s+(\S+)\s+)?(UNIQUE|PRIMARY\s+KEY|CHECK|EXCLUDE)\b/i;
const A_ADD_INDEX = /^ADD\s+(?:UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?(?:INDEX|KEY)\b/i;
const A_ADD_COLUMN = new RegExp(String.raw`^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})\s*([\s\S]*)$`, "i");

function alterActions(table: string, actions: string, base: number, mysql: boolean, ops: SqlOp[]): void {
  for (const a of splitTopLevel(actions)) {
    const t = a.text;
    const offset = base + a.offset;
    const push = (op: Omit<SqlOp, "offset" | "table">) => {
      ops.push({ ...op, table, offset });
      return true;
    };
    const matched = firstMatch(t, [
      [
        A_DROP,
        (m) => {
          if (!m[1] && NOT_A_COLUMN.test(m[2]!)) {
            const kind: OpKind = /^(?:INDEX|KEY)$/i.test(m[2]!) ? "drop-index" : "drop-constraint";
            return push({ kind, via: `DROP ${m[2]!.toUpperCase()}` });
          }
          return push({ kind: "drop-column", columns: [cleanName(m[2]!)], via: "DROP COLUMN" });
        },
      ],
      [A_RENAME_TABLE, (m) => push({ kind: "rename-table", newName: cleanName(m[1]!), via: "RENAME TO" })],
      [A_RENAME_OTHER, () => push({ kind: "other", via: "RENAME" })],
      [
        A_RENAME_COLUMN,
        (m) =>
          push({ kind: "rename-column", columns: [cleanName(m[1]!)], newName: cleanName(m[2]!), via: "RENAME COLUMN" }),
      ],
      [
        A_ALTER_TYPE,
        (m) => push({ kind: "alter-type", columns: [cleanName(m[1]!)], detail: m[2], via: "ALTER COLUMN TYPE" }),
      ],
      [A_SET_NOT_NULL, (m) => push({ kind: "set-not-null", columns: [cleanName(m[1]!)], via: "SET NOT NULL" })],
      [
        A_MSSQL_ALTER,
        (m) => push({ kind: "alter-type", columns: [cleanName(m[1]!)], detail: m[2], via: "ALTER COLUMN" }),
      ],
      [A_ALTER_OTHER, () => push({ kind: "other", via: "ALTER COLUMN" })],
      [A_MODIFY, (m) => push({ kind: "alter-type", columns: [cleanName(m[1]!)], detail: m[2], via: "MODIFY COLUMN" })],
      [
        A_CHANGE,
        (m) => {
          const from = cleanName(m[1]!);
          const to = cleanName(m[2]!);
          if (from.toLowerCase() !== to.toLowerCase())
            return push({ kind: "rename-column", columns: [from], newName: to, via: "CHANGE COLUMN" });
          return push({ kind: "alter-type", columns: [from], detail: m[3], via: "CHANGE COLUMN" });
        },
      ],
      [
        A_ADD_FK,
        () => {
          const ref = A_REFERENCES.exec(t);
          return push({
            kind: "add-foreign-key",
            newName: ref ? cleanName(ref[1]!) : undefined,
            concurrent: /\bNOT\s+VALID\b/i.test(t),
            postgres: !mysql,
            via: "ADD FOREIGN KEY",
          });
        },
      ],
      [
        A_ADD_CONSTRAINT,
        (m) =>
          push({
            kind: /\bNOT\s+VALID\b|\bUSING\s+INDEX\b/i.test(t) ? "other" : "add-constraint",
            columns: m[1] ? [cleanName(m[1])] : undefined,
            detail: m[2]!.toLowerCase(),
            via: "ADD CONSTRAINT",
          }),
      ],
      [A_ADD_INDEX, () => push({ kind: "create-index", concurrent: false, postgres: false, via: "ADD INDEX" })],
      [
        A_ADD_COLUMN,
        (m) => {
          const def = m[2] ?? "";
          const notNull = /\bNOT\s+NULL\b|\bPRIMARY\s+KEY\b/i.test(def);
          const hasDefault =
            /\bDEFAULT\b|\bGENERATED\b|\bIDENTITY\b|\bAUTO_?INCREMENT\b|^\s*(?:SMALL|BIG)?SERIAL\d?\b/i.test(def);
          return push({
            kind: notNull && !hasDefault ? "add-not-null-no-default" : "add-column",
            columns: [cleanName(m[1]!)],
            detail: notNull && hasDefault ? "NOT NULL with a default" : undefined,
            via: "ADD COLUMN",
          });
        },
      ],
    ]);
    if (!matched) push({ kind: "other", via: "ALTER TABLE" });
  }
}

function splitNames(list: string): string[] {
  return splitTopLevel(list)
    .map((p) => cleanName(p.text))
    .filter(Boolean);
}

/** Columns an UPDATE's SET list blanks (`col = NULL`): their previous values are gone. */
function nulledColumns(targetList: unknown): string[] {
  if (!Array.isArray(targetList)) return [];
  const out: string[] = [];
  for (const t of targetList) {
    const target = obj(obj(t)?.["ResTarget"]);
    if (obj(obj(target?.["val"])?.["A_Const"])?.["isnull"] === true && typeof target?.["name"] === "string")
      out.push(target["name"]);
  }
  return out;
}

const SET_NULL = new RegExp(String.raw`^(${IDENT})\s*=\s*NULL$`, "i");

/** The regex fallback's `nulledColumns`: `col = NULL` assignments in the text of a SET list. */
function nulledInSetList(setList: string): string[] {
  return splitTopLevel(setList)
    .map((a) => SET_NULL.exec(a.text)?.[1])
    .filter((c): c is string => c !== undefined)
    .map(cleanName);
}

const DROP_KINDS: Record<string, OpKind> = {
  TABLE: "drop-table",
  SCHEMA: "drop-schema",
  DATABASE: "drop-database",
  INDEX: "drop-index",
};

/**
 * The first word a statement needs for each statement pattern (each is `^WORD\s`). V8 compiles a
 * pattern on its first use and these are large, so a statement is tried only against the patterns its
 * first word allows.
 */
const STATEMENT_WORDS = new Map<RegExp, readonly string[]>([
  [RE_DROP, ["DROP"]],
  [RE_TRUNCATE, ["TRUNCATE"]],
  [RE_DELETE, ["DELETE"]],
  [RE_UPDATE, ["UPDATE"]],
  [RE_INSERT_SELECT, ["INSERT"]],
  [RE_CREATE_INDEX, ["CREATE"]],
  [RE_CREATE_TABLE, ["CREATE"]],
  [RE_ALTER_TABLE, ["ALTER"]],
  [RE_RENAME_TABLE, ["RENAME"]],
  [RE_SP_RENAME, ["EXEC", "EXECUTE", "SP_RENAME"]],
]);

/** Regex analysis of one comment-masked statement that starts at `base` in the analysed text. */
export function regexStatementOps(stmt: string, base: number, mysql: boolean, ops: SqlOp[]): void {
  const lead = stmt.length - stmt.trimStart().length;
  const s = stmt.trimStart().slice(0, 64 * 1024);
  const at = base + lead;
  const push = (op: Omit<SqlOp, "offset">) => {
    ops.push({ ...op, offset: at });
    return true;
  };
  const word = /^\w*/.exec(s)![0].toUpperCase();
  const worthTrying = (re: RegExp) => STATEMENT_WORDS.get(re)?.includes(word) ?? true;
  const cases: MatchCase[] = [
    [
      RE_DROP,
      (m) => {
        const what = m[1]!.toUpperCase().replace(/\s+/g, " ");
        const kind = DROP_KINDS[what] ?? "other";
        for (const name of splitNames(m[3]!))
          push({
            kind,
            table: kind === "drop-index" && m[4] ? cleanName(m[4]) : name,
            via: `DROP ${what}`,
            concurrent: !!m[2],
          });
        return true;
      },
    ],
    [
      RE_TRUNCATE,
      (m) => {
        for (const name of splitNames(m[1]!)) push({ kind: "truncate", table: name, via: "TRUNCATE" });
        return true;
      },
    ],
    [
      RE_DELETE,
      (m) =>
        push({ kind: /\bWHERE\b/i.test(s) ? "delete-rows" : "delete-all", table: cleanName(m[1]!), via: "DELETE" }),
    ],
    [
      RE_UPDATE,
      (m) => {
        const where = /\bWHERE\b/i.exec(s);
        const nulled = where ? nulledInSetList(s.slice(m[0].length, where.index)) : [];
        return push({
          kind: !where ? "update-all" : nulled.length > 0 ? "null-rows" : "backfill",
          table: cleanName(m[1]!),
          ...(nulled.length > 0 ? { columns: nulled } : {}),
          via: "UPDATE",
        });
      },
    ],
    [RE_INSERT_SELECT, (m) => push({ kind: "backfill", table: cleanName(m[1]!), via: "INSERT ... SELECT" })],
    [
      RE_CREATE_INDEX,
      (m) =>
        push({
          kind: "create-index",
          table: cleanName(m[3]!),
          detail: m[2] ? cleanName(m[2]) : undefined,
          concurrent: !!m[1] || /\bONLINE\s*=\s*ON\b/i.test(s),
          postgres: !mysql,
          via: /UNIQUE/i.test(s.slice(0, 20)) ? "CREATE UNIQUE INDEX" : "CREATE INDEX",
        }),
    ],
    [
      RE_CREATE_TABLE,
      (m) => {
        // Temporary tables vanish with the session.
        if (!m[1]) push({ kind: "create-table", table: cleanName(m[2]!), via: "CREATE TABLE" });
        return true;
      },
    ],
    [
      RE_ALTER_TABLE,
      (m) => {
        alterActions(cleanName(m[1]!), s.slice(m[0].length), at + m[0].length, mysql, ops);
        return true;
      },
    ],
    [
      RE_RENAME_TABLE,
      (m) => push({ kind: "rename-table", table: cleanName(m[1]!), newName: cleanName(m[2]!), via: "RENAME TABLE" }),
    ],
    [
      RE_SP_RENAME,
      (m) => {
        if ((m[3] ?? "").toUpperCase() !== "COLUMN")
          return push({ kind: "rename-table", table: m[1], newName: m[2], via: "sp_rename" });
        const parts = m[1]!.split(".");
        return push({
          kind: "rename-column",
          table: parts.slice(0, -1).join("."),
          columns: [parts[parts.length - 1]!],
          newName: m[2],
          via: "sp_rename",
        });
      },
    ],
  ];
  firstMatch(s, cases, worthTrying);
}

/** Statements worth parsing: schema changes and data changes; plain INSERT ... VALUES and SELECT are not. */
const INTERESTING_STATEMENT =
  /^\s*(?:DROP|TRUNCATE|ALTER|DELETE|UPDATE|RENAME|CREATE|EXEC|sp_rename|WITH)\b|^\s*INSERT\b[\s\S]*\bSELECT\b/i;

/** A cheap test: could this text hold a statement we care about? */
export const SQL_ANCHOR = /\b(?:DROP|TRUNCATE|ALTER|DELETE|UPDATE|RENAME|CREATE|INSERT|sp_rename)\b/i;

/** The index of the last of `sorted` (ascending, non-empty) that is at most `value`, or 0. */
function lastAtOrBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Parse statements (comment-masked, joined) in one call; null when they do not parse together. */
function parseJoined(masked: string, statements: readonly Statement[]): SqlOp[] | null {
  const pieces: string[] = [];
  const compactStarts: number[] = [];
  let c = 0;
  for (const st of statements) {
    compactStarts.push(c);
    pieces.push(masked.slice(st.start, st.end));
    c += st.end - st.start + 2;
  }
  const compact = pieces.join(";\n");
  const parsed = parsePostgres(compact);
  if (!parsed) return null;
  const toChar = byteToCharMapper(compact);
  const toOriginal = (offset: number): number => {
    const lo = lastAtOrBelow(compactStarts, offset);
    const st = statements[lo]!;
    return st.start + Math.min(offset - compactStarts[lo]!, st.end - st.start);
  };
  const ops: SqlOp[] = [];
  for (const s of parsed) {
    const start = toChar(s.location);
    const end = s.length !== undefined ? toChar(s.location + s.length) : compact.length;
    // Skip leading blanks so the statement's line is its first keyword.
    astOps(s.stmt, compact, firstToken(compact, start, end), end, toChar, ops);
  }
  for (const op of ops) op.offset = toOriginal(op.offset);
  return ops;
}

/**
 * Statements the Postgres grammar rejects by their first word (SQL Server's EXEC and sp_rename, MySQL's
 * RENAME TABLE): they go to the regex fallback without a parse attempt, so one of them no longer makes
 * the joined parse fail and every other statement of the file parse again on its own.
 */
const NOT_POSTGRES_STATEMENT = /^\s*(?:EXEC|RENAME|sp_rename)\b/i;

/**
 * Parse a run of statements together; when the run does not parse, halve it until the statements that
 * do not parse stand alone and go through the regex fallback. A file with k such statements among n
 * costs about k·log(n) failed parse attempts instead of n single-statement parses.
 */
function parseOrFallBack(masked: string, statements: readonly Statement[], mysql: boolean, ops: SqlOp[]): void {
  const parsed = parseJoined(masked, statements);
  if (parsed) {
    for (const op of parsed) ops.push(op);
    return;
  }
  if (statements.length === 1) {
    const st = statements[0]!;
    regexStatementOps(masked.slice(st.start, st.end), st.start, mysql, ops);
    return;
  }
  const half = statements.length >> 1;
  parseOrFallBack(masked, statements.slice(0, half), mysql, ops);
  parseOrFallBack(masked, statements.slice(half), mysql, ops);
}

/**
 * All operations in a SQL text. Only statements that can change schema or data are looked at; they are
 * parsed with the Postgres grammar, as many together as parse together, and a statement that does not
 * parse (MySQL, SQLite, SQL Server, a fragment) goes through the regex fallback.
 */
export function analyzeSql(text: string): SqlOp[] {
  if (!SQL_ANCHOR.test(text)) return [];
  const masked = maskComments(text);
  const statements = splitStatements(masked).filter((st) => INTERESTING_STATEMENT.test(masked.slice(st.start, st.end)));
  if (statements.length === 0) return [];
  const mysql = looksLikeMysql(masked);
  const ops: SqlOp[] = [];
  if (text.length > MAX_PARSE_CHARS || mysql) {
    for (const st of statements) regexStatementOps(masked.slice(st.start, st.end), st.start, mysql, ops);
    return ops;
  }
  const accepted: Statement[] = [];
  const rejected: Statement[] = [];
  for (const st of statements)
    (NOT_POSTGRES_STATEMENT.test(masked.slice(st.start, st.end)) ? rejected : accepted).push(st);
  if (accepted.length > 0) parseOrFallBack(masked, accepted, mysql, ops);
  if (rejected.length === 0) return ops;
  const fallback: SqlOp[] = [];
  for (const st of rejected) regexStatementOps(masked.slice(st.start, st.end), st.start, mysql, fallback);
  return inStatementOrder(ops, fallback, statements);
}

/** Merge two op lists, each in statement order, into one in statement order (ops of one statement stay together). */
function inStatementOrder(a: readonly SqlOp[], b: readonly SqlOp[], statements: readonly Statement[]): SqlOp[] {
  const starts = statements.map((st) => st.start);
  const indexOf = (offset: number): number => lastAtOrBelow(starts, offset);
  const out: SqlOp[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(indexOf(a[i]!.offset) < indexOf(b[j]!.offset) ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
