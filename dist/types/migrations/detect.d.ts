/**
 * Recognizing migration files by path, and by content wherever they live: an Alembic revision is one in
 * `revisions/<tenant>/versions/` as much as in `alembic/versions/`. The content test reads a cheap sniff
 * (the first few KB of the file's diff). Only files recognized here pay for line classification and SQL
 * parsing.
 */
export type MigrationFramework = "rails" | "django" | "alembic" | "prisma" | "flyway" | "liquibase" | "golang-migrate" | "drizzle" | "ecto" | "knex" | "sequelize" | "typeorm" | "laravel" | "efcore" | "js-migration" | "go-migration" | "sql";
/**
 * - `strong`: the path is a migration by convention; edits to an existing one rewrite history.
 * - `plain`: a `.sql` file in a database folder (db/, sql/, schema/): every statement counts, but it may
 *   not be a versioned migration, so edits are not history rewrites.
 * - `weak`: a `.sql` file elsewhere (queries in app code): only schema-destroying DDL is reported.
 */
export type MigrationStrength = "strong" | "plain" | "weak";
export type MigrationLanguage = "sql" | "ruby" | "python" | "js" | "elixir" | "php" | "csharp" | "go" | "xml" | "yaml";
export interface MigrationFileKind {
    framework: MigrationFramework;
    strength: MigrationStrength;
    language: MigrationLanguage;
    /** The whole file is a rollback (golang-migrate `.down.sql`, Flyway undo `U1__x.sql`, Hasura `down.sql`). */
    downFile: boolean;
}
/**
 * What kind of migration a path is, or null. `sniff` is a little of the file's text (added lines or the
 * new side) used only where the path alone is ambiguous (JS migration libraries, Alembic vs Django).
 */
export declare function detectMigration(path: string, sniffText?: string | (() => string)): MigrationFileKind | null;
/** Cheap path test run before anything reads a file's content. */
export declare const MIGRATION_PATH_HINT: RegExp;
/** Source files whose content alone can make them a migration (see `detectMigration`). */
export declare const MIGRATION_CONTENT_EXT: RegExp;
