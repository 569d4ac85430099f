export declare function initPostgresParser(): Promise<void>;
export interface PgStatement {
    stmt: Record<string, unknown>;
    /** Byte offset of the statement in the parsed text (0 for the first). */
    location: number;
    length: number | undefined;
}
/** Parse SQL with the Postgres grammar; null when the parser is not loaded or the text does not parse. */
export declare function parsePostgres(sql: string): PgStatement[] | null;
