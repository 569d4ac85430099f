/**
 * Recognizing migration files by path, and by content wherever they live: an Alembic revision is one in
 * `revisions/<tenant>/versions/` as much as in `alembic/versions/`. The content test reads a cheap sniff
 * (the first few KB of the file's diff). Only files recognized here pay for line classification and SQL
 * parsing.
 */

export type MigrationFramework =
  | "rails"
  | "django"
  | "alembic"
  | "prisma"
  | "flyway"
  | "liquibase"
  | "golang-migrate"
  | "drizzle"
  | "ecto"
  | "knex"
  | "sequelize"
  | "typeorm"
  | "laravel"
  | "efcore"
  | "js-migration"
  | "go-migration"
  | "sql";

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

const MIGRATION_DIR =
  /(?:^|\/)(?:migrations?|migrate|db_migrations|knex_migrations|sql_migrations|schema_migrations)\//i;
const SQL_MIGRATION_DIR =
  /(?:^|\/)(?:migrations?|migrate|db_migrations|knex_migrations|sql_migrations|schema_migrations|changelogs?|changesets?|flyway|liquibase|upgrades?|deltas|drizzle)\//i;
const SQL_DB_DIR = /(?:^|\/)(?:db|database|databases|sql|ddl|schema|schemas|dbschema)\//i;
/** Folders whose `.sql` files are data, examples or tests, never schema changes of the application. */
const NON_SCHEMA_SQL =
  /(?:^|\/)(?:seeds?|seeders?|fixtures?|samples?|examples?|testdata|test|tests|spec|__tests__|mocks?|dumps?|backups?|queries|query|sqlc|reports?)(?:\/|$)|(?:^|\/)[^/]*(?:seed|fixture|sample|example|dump)[^/]*\.sql$/i;
/**
 * Whole-schema snapshots kept beside the migrations and rewritten on every schema change (Rails
 * `structure.sql`, `schema.sql` dumps, memos' `LATEST.sql`): not versioned migrations, so editing one is
 * no history rewrite, and only destructive DDL written into one is reported.
 */
const SCHEMA_SNAPSHOT = /(?:^|\/)(?:structure|schema|latest|latest[_-]+schema|current[_-]schema)\.sql$/i;

const SQL_EXT = /\.sql$/i;

function sqlKind(path: string): MigrationFileKind | null {
  if (NON_SCHEMA_SQL.test(path)) return null;
  const lower = path.toLowerCase();
  const base = lower.slice(lower.lastIndexOf("/") + 1);
  // golang-migrate, dbmate-style pairs and Hasura `<version>/up.sql`/`down.sql`.
  const down = /(?:^|[._-])down\.sql$/.test(base) || /^u\d+(?:[._]\d+)*__.+\.sql$/.test(base);
  if (/\.(?:up|down)\.sql$/.test(base)) {
    return { framework: "golang-migrate", strength: "strong", language: "sql", downFile: down };
  }
  if (/(?:^|\/)migrations\/[^/]+\/migration\.sql$/.test(lower)) {
    return { framework: "prisma", strength: "strong", language: "sql", downFile: false };
  }
  if (/^(?:[vu]\d+(?:[._]\d+)*|r)__.+\.sql$/.test(base)) {
    return { framework: "flyway", strength: "strong", language: "sql", downFile: down };
  }
  if (/(?:^|\/)drizzle\//.test(lower)) {
    return { framework: "drizzle", strength: "strong", language: "sql", downFile: false };
  }
  if (/(?:^|\/)(?:changelogs?|liquibase)\//.test(lower)) {
    return { framework: "liquibase", strength: "strong", language: "sql", downFile: false };
  }
  if (SCHEMA_SNAPSHOT.test(lower)) return { framework: "sql", strength: "weak", language: "sql", downFile: false };
  if (SQL_MIGRATION_DIR.test(lower)) {
    return { framework: "sql", strength: "strong", language: "sql", downFile: down };
  }
  if (SQL_DB_DIR.test(lower)) return { framework: "sql", strength: "plain", language: "sql", downFile: down };
  return { framework: "sql", strength: "weak", language: "sql", downFile: false };
}

/**
 * What kind of migration a path is, or null. `sniff` is a little of the file's text (added lines or the
 * new side) used only where the path alone is ambiguous (JS migration libraries, Alembic vs Django).
 */
export function detectMigration(path: string, sniffText: string | (() => string) = ""): MigrationFileKind | null {
  const lower = path.toLowerCase();
  // The sniff is computed only for paths that need it (most migration paths are unambiguous).
  let cached: string | undefined;
  const sniffOf = () => {
    cached ??= typeof sniffText === "string" ? sniffText : sniffText();
    return cached;
  };
  if (SQL_EXT.test(lower)) {
    const kind = sqlKind(path);
    // sqlc-style query files (`-- name: GetUser :one`) are application queries, not schema changes.
    if (kind && kind.strength !== "strong" && /^--\s*name:\s*\w+\s+:\w+/m.test(sniffOf()))
      return { ...kind, strength: "weak" };
    return kind;
  }
  const strong = (framework: MigrationFramework, language: MigrationLanguage): MigrationFileKind => ({
    framework,
    strength: "strong",
    language,
    downFile: false,
  });

  if (/(?:^|\/)db\/migrate\/[^/]+\.rb$/.test(lower)) return strong("rails", "ruby");
  if (lower.endsWith(".rb") && RAILS_CONTENT.test(sniffOf())) return strong("rails", "ruby");
  if (/(?:^|\/)priv\/(?:[^/]+\/)?\w*repo\w*\/migrations\/[^/]+\.exs$/.test(lower)) return strong("ecto", "elixir");
  if (/\.exs$/.test(lower) && MIGRATION_DIR.test(lower) && sniffOf().includes("Ecto.Migration"))
    return strong("ecto", "elixir");
  if (/(?:^|\/)database\/migrations\/[^/]+\.php$/.test(lower)) return strong("laravel", "php");
  if (lower.endsWith(".php") && LARAVEL_CONTENT.test(sniffOf()) && /\bSchema::|\bDB::/.test(sniffOf()))
    return strong("laravel", "php");

  if (lower.endsWith(".py")) {
    const base = lower.slice(lower.lastIndexOf("/") + 1);
    if (base === "__init__.py" || base === "env.py") return null;
    if (/(?:^|\/)(?:alembic|migrations?)\/versions\/[^/]+\.py$/.test(lower)) return strong("alembic", "python");
    if (/(?:^|\/)migrations\/[^/]+\.py$/.test(lower)) {
      if (/\bdef\s+(?:upgrade|downgrade)\s*\(/.test(sniffOf()) && !sniffOf().includes("migrations.Migration"))
        return strong("alembic", "python");
      // Django names its migrations 0001_name.py; hand-written ones still subclass migrations.Migration.
      if (/^\d{4}_/.test(base) || sniffOf().includes("migrations.Migration")) return strong("django", "python");
    }
    if (DJANGO_CONTENT.test(sniffOf())) return strong("django", "python");
    if (isAlembicRevision(sniffOf())) return strong("alembic", "python");
    return null;
  }

  if (/\.(?:[cm]?[jt]s)$/.test(lower) && !/\.d\.[cm]?ts$/.test(lower)) {
    if (!MIGRATION_DIR.test(lower)) return null;
    const base = lower.slice(lower.lastIndexOf("/") + 1);
    if (/^(?:index|knexfile|config|umzug|migrator)\.[cm]?[jt]s$/.test(base)) return null;
    // Knex, Sequelize, TypeORM and friends name migrations by version (20240101_x.js, 1690000000000-X.ts)
    // or give them an up/down shape; a helper that merely mentions a framework is tooling, not a migration.
    const versioned = /^v?\d{3,}[-_.]/.test(base);
    const shaped =
      /\bexports\.(?:up|down)\b|\b(?:async\s+)?function\s+(?:up|down)\s*\(|\basync\s+(?:up|down)\s*\(|\b(?:up|down)\s*:\s*(?:async\b|function\b|\()|\bimplements\s+MigrationInterface\b/.test(
        sniffOf(),
      );
    if (!versioned && !shaped) return null;
    if (/queryInterface|sequelize/i.test(sniffOf())) return strong("sequelize", "js");
    if (/MigrationInterface|queryRunner/.test(sniffOf())) return strong("typeorm", "js");
    if (/\bknex\b/i.test(sniffOf())) return strong("knex", "js");
    // Other `migrations/` folders hold app-state or config migrations; require the up/down shape.
    if (/\b(?:up|down)\s*[(:=]|exports\.(?:up|down)|\bmigrate\b/i.test(sniffOf())) return strong("js-migration", "js");
    return null;
  }

  if (lower.endsWith(".cs")) {
    if (!/(?:^|\/)migrations\//.test(lower) || /\.designer\.cs$|modelsnapshot\.cs$/.test(lower)) return null;
    return strong("efcore", "csharp");
  }

  if (lower.endsWith(".go")) {
    if (!MIGRATION_DIR.test(lower) || lower.endsWith("_test.go")) return null;
    if (
      /goose|gormigrate|golang-migrate|\bfunc\s+[uU]p\w*\(|\bfunc\s+[dD]own\w*\(|\.Exec(?:Context)?\(/.test(sniffOf())
    )
      return strong("go-migration", "go");
    return null;
  }

  if (/\.(?:xml|ya?ml)$/.test(lower)) {
    // Many YAML/XML files are called changelog; only Liquibase's own keys make one a migration.
    if (!/databaseChangeLog|changeSet\b/.test(sniffOf())) return null;
    return strong("liquibase", lower.endsWith(".xml") ? "xml" : "yaml");
  }
  return null;
}

/** Cheap path test run before anything reads a file's content. */
export const MIGRATION_PATH_HINT = /\.sql$|migrat|\/versions\/|changelog|changeset|liquibase|drizzle/i;
/** Source files whose content alone can make them a migration (see `detectMigration`). */
export const MIGRATION_CONTENT_EXT = /\.(?:py|rb|php)$/i;

/** A Django migration class, wherever MIGRATION_MODULES puts it. */
const DJANGO_CONTENT = /^class\s+\w+\s*\(\s*migrations\.Migration\s*\)\s*:/m;
/** A Rails migration class (engines and gems keep them outside db/migrate). */
const RAILS_CONTENT = /^\s*class\s+\w+\s*<\s*ActiveRecord::Migration\b/m;
/** A Laravel migration (class or anonymous), with the Schema/DB facade it drives. */
const LARAVEL_CONTENT = /\bextends\s+Migration\b/;
const ALEMBIC_IDS = /^(?:down_)?revision\s*(?::[^=\n]{1,60})?=/gm;
const ALEMBIC_SHAPE = /\bdef\s+(?:upgrade|downgrade)\s*\(/;
const ALEMBIC_OP = /\b(?:from\s+alembic\s+import\b|import\s+alembic\b|op\.\w+\s*\()/;

/**
 * An Alembic revision by its content: its `revision`/`down_revision` identifiers, or its
 * upgrade/downgrade functions driving `alembic.op` (a hunk of an edited revision shows those).
 */
function isAlembicRevision(text: string): boolean {
  const ids = text.match(ALEMBIC_IDS) ?? [];
  if (ids.some((i) => i.startsWith("down_")) && ids.some((i) => !i.startsWith("down_"))) return true;
  return ALEMBIC_SHAPE.test(text) && ALEMBIC_OP.test(text);
}
