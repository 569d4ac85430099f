import { gatherCall } from "../text.js";
import type { ReaderLine } from "./reader.js";

/**
 * Row writes through a Python ORM in forward migration code (Django RunPython functions, Alembic
 * revisions using a session or SQLAlchemy Core): deleting rows and blanking columns lose data just as
 * `DELETE` and `UPDATE … SET c = NULL` do. Rollback functions are never read (their section is `down`).
 */

// `.delete()` on a queryset, instance or SQLAlchemy query (`synchronize_session=` is its only option),
// and SQLAlchemy Core's `delete(table)` / `table.delete()`.
const ORM_DELETE =
  /\.delete\(\s*(?:synchronize_session\s*=\s*[\w'"]+\s*)?\)|\b(?:sa\.|sqlalchemy\.)delete\(\s*([\w.]+)/;
const FILTERED = /\.(?:filter|filter_by|exclude|where|get)\(|\bfor\s+\w+\s+in\b/;
// Unfiltered on the same line: `Model.objects.delete()`, `Model.objects.all().delete()`, `session.query(M).delete()`.
const EVERY_ROW = /\.objects(?:\.all\(\))?\.delete\(|\bquery\(\s*[\w.]+\s*\)\.delete\(/;
// `.update(col=None)` on a queryset, `.values(col=None)` on a SQLAlchemy update (arguments may span lines).
const WRITE_CALL = /\.(update|values)\(/g;
const NONE_ARG = /\b(\w+)\s*=\s*None\b/g;
const MODEL =
  /\b([A-Z]\w*)\.objects\b|\bquery\(\s*([\w.]+)|\b(?:sa\.|sqlalchemy\.)?(?:delete|update)\(\s*([\w.]+)|\b(\w+)\.(?:delete|update)\(\)/;

/** How far back a statement split over lines is looked at for its filter (`.filter(` above `.delete()`). */
const CHAIN_LINES = 4;

function modelOf(text: string): string | undefined {
  const m = MODEL.exec(text);
  return m ? (m[1] ?? m[2] ?? m[3] ?? m[4]) : undefined;
}

/** The chained statement ending on line `index`: the line and the unfinished lines above it. */
function statementText(at: ReaderLine): string {
  let text = at.text;
  for (let k = at.index - 1; k >= Math.max(0, at.index - CHAIN_LINES); k--) {
    const above = at.lines[k]!.text;
    if (above.trim() === "" || /^\s*(?:def|class|for|if|with|return)\b/.test(above)) break;
    text = `${above}\n${text}`;
  }
  return text;
}

export function pythonRowWrites(at: ReaderLine): void {
  const s = at.text;
  if (s.includes("delete")) {
    const d = ORM_DELETE.exec(s);
    if (d) {
      const statement = statementText(at);
      const every = EVERY_ROW.test(s) || (d[1] !== undefined && !FILTERED.test(statement));
      at.emit({
        kind: every ? "delete-all" : "delete-rows",
        table: d[1] ?? modelOf(statement),
        via: d[1] !== undefined ? "delete()" : ".delete()",
      });
      return;
    }
  }
  if (!s.includes("update(") && !s.includes("values(")) return;
  for (const w of s.matchAll(WRITE_CALL)) {
    const args = gatherCall(at.lines, at.index, w.index + 1).text;
    const columns = [...args.matchAll(NONE_ARG)].map((c) => c[1]!);
    if (columns.length === 0) continue;
    at.emit({ kind: "null-rows", table: modelOf(statementText(at)), columns, via: `.${w[1]}()` });
    return;
  }
}
