/**
 * The WASM Postgres parser (libpg-query), loaded once. Until it is loaded, or when it cannot load,
 * callers get null and fall back to tolerant matching.
 */
import { loadModule, parseSync } from "libpg-query";

let ready = false;
let loading: Promise<void> | null = null;

export function initPostgresParser(): Promise<void> {
  if (!loading) {
    loading = loadModule().then(
      () => {
        ready = true;
      },
      () => {
        // No parser: every statement goes through the regex fallback.
        ready = false;
      },
    );
  }
  return loading;
}

export interface PgStatement {
  stmt: Record<string, unknown>;
  /** Byte offset of the statement in the parsed text (0 for the first). */
  location: number;
  length: number | undefined;
}

/** Parse SQL with the Postgres grammar; null when the parser is not loaded or the text does not parse. */
export function parsePostgres(sql: string): PgStatement[] | null {
  if (!ready) return null;
  try {
    const result = parseSync(sql) as {
      stmts?: { stmt: Record<string, unknown>; stmt_location?: number; stmt_len?: number }[];
    };
    return (result.stmts ?? []).map((s) => ({ stmt: s.stmt, location: s.stmt_location ?? 0, length: s.stmt_len }));
  } catch {
    return null;
  }
}
