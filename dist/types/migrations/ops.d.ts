/** The schema and data operations the migration analysis extracts, whatever the framework or dialect. */
export type OpKind = "drop-table" | "drop-schema" | "drop-database" | "truncate" | "drop-column" | "delete-all" | "update-all" | "delete-rows" | "null-rows" | "rename-column" | "rename-table" | "alter-type" | "add-not-null-no-default" | "create-index" | "add-foreign-key" | "add-constraint" | "set-not-null" | "backfill" | "table-rebuild" | "create-table" | "add-column" | "drop-index" | "drop-constraint" | "alter-field" | "other";
export interface MigrationOp {
    kind: OpKind;
    /** New-side line of the operation (always an added line). */
    line: number;
    table?: string;
    /** One or more columns (comma-joined in messages). */
    columns?: string[];
    /** The new name of a rename. */
    newName?: string;
    /** For create-index: built CONCURRENTLY (or the framework's equivalent option). */
    concurrent?: boolean;
    /** For create-index and add-foreign-key on Postgres-like dialects; false when the SQL is clearly MySQL. */
    postgres?: boolean;
    /** The call or statement that produced it, e.g. `remove_column`, `DROP TABLE`, `op.alter_column`. */
    via: string;
    /** Extra words for the message (e.g. "type bigint"). */
    detail?: string;
}
export declare const DESTRUCTIVE_KINDS: ReadonlySet<OpKind>;
/** A missing or empty rollback, or an explicitly irreversible migration (the rule says it in words). */
export type RollbackIssue = 
/** A golang-migrate `.up.sql` added without its `.down.sql`. */
{
    kind: "no-down-file";
    line: null;
    downFile: string;
}
/** `up` without `down` (`upgrade()` without `downgrade()`), a `down` with an empty body, one that only raises. */
 | {
    kind: "no-down" | "empty-down" | "irreversible";
    line: number;
}
/** Django RunPython / RunSQL without a reverse. */
 | {
    kind: "run-python-without-reverse";
    line: number;
    forward: string;
} | {
    kind: "run-sql-without-reverse";
    line: number;
};
