import { isSqlOrMigration, mentionsProduction } from "../../diff/command-lines.js";
import type { Severity } from "../../types.js";
import { commandFinding, linePatternRule } from "../line-pattern.js";

interface Wipe {
  what: string;
  severity: Severity;
}

const DROP_DATABASE = /\bdrop\s+(?:database|schema)\s+(?:if\s+exists\s+)?([`"[]?[\w.$-]{1,100}[`"\]]?)/i;
const DROPDB = /(?:^|[\s;&|(`"'])dropdb\s+([^\n;&|]{1,200})/;
const MONGO_DROP = /\.dropDatabase\s*\(/;
const DROP_ALL = /\b(?:db|metadata|Base\.metadata|\w+\.metadata)\.drop_all\s*\(/;
const FLUSH =
  /(?:^|[^\w])(?:redis-cli[^\n;&|]{0,100}\s)?(flushall|flushdb)\b|\.(flushall|flushdb|flushAll|flushDb)\s*\(/i;
const PRISMA_RESET =
  /\bprisma\s+(?:migrate\s+reset|db\s+push)\b[^\n;&|]{0,200}(?:--force\b|-f\b|--force-reset\b|--accept-data-loss\b)/;
const RAILS_DROP = /\b(?:rails|rake|bin\/rails|bin\/rake)\s+[^\n;&|]{0,100}\bdb:(drop|reset|purge)\b/;
const DJANGO_FLUSH = /\bmanage\.py\s+(flush|reset_db|sqlflush)\b/;
const ENV_CHECK_OFF = /\bDISABLE_DATABASE_ENVIRONMENT_CHECK\s*=\s*["']?1/;

/** The database wipe an added line performs, or null. `sqlFile` skips plain DDL (the migration rules own it). */
export function databaseWipeOf(text: string, sqlFile: boolean, productionFile: boolean): Wipe | null {
  const prod = productionFile || mentionsProduction(text);
  const sev: Severity = prod ? "critical" : "high";
  const lower = text.toLowerCase();
  if (!sqlFile && lower.includes("drop")) {
    const d = DROP_DATABASE.exec(text);
    if (d) return { what: `${/database/i.test(d[0]) ? "DROP DATABASE" : "DROP SCHEMA"} ${d[1]}`, severity: sev };
    const dd = DROPDB.exec(text);
    if (dd) {
      const args = dd[1]!.trim().split(/\s+/);
      return { what: `dropdb ${args[args.length - 1]} (drops the whole database)`, severity: sev };
    }
    if (MONGO_DROP.test(text)) return { what: "dropDatabase() (drops the whole MongoDB database)", severity: sev };
    if (DROP_ALL.test(text)) return { what: "drop_all() (drops every table of the schema)", severity: sev };
  }
  if (lower.includes("flush")) {
    const f = FLUSH.exec(text);
    if (f) return { what: `${(f[1] ?? f[2])!.toUpperCase()} (wipes every Redis key)`, severity: sev };
    const dj = DJANGO_FLUSH.exec(text);
    if (dj) return { what: `manage.py ${dj[1]} (deletes all rows)`, severity: sev };
  }
  if (text.includes("prisma") && PRISMA_RESET.test(text))
    return { what: "prisma reset/push with --force (drops and recreates the database)", severity: sev };
  if (text.includes("db:")) {
    const r = RAILS_DROP.exec(text);
    if (r) return { what: `db:${r[1]} (drops the database)`, severity: sev };
  }
  if (text.includes("DISABLE_DATABASE_ENVIRONMENT_CHECK") && ENV_CHECK_OFF.test(text))
    return {
      what: "DISABLE_DATABASE_ENVIRONMENT_CHECK=1 (lets destructive tasks run on production)",
      severity: "critical",
    };
  if (lower.includes("reset_db")) {
    const dj = DJANGO_FLUSH.exec(text);
    if (dj) return { what: `manage.py ${dj[1]} (drops the database)`, severity: sev };
  }
  return null;
}

export const databaseWipeRule = linePatternRule({
  id: "destructive-command/database-wipe",
  category: "destructive-command",
  description:
    "A command or call that drops or empties a whole database: DROP DATABASE, dropdb, dropDatabase(), drop_all(), FLUSHALL/FLUSHDB, prisma migrate reset --force, rails db:drop.",
  severity: "high",
  remediation:
    "Make sure this can never reach a shared or production database: guard on the environment, and prefer reviewed migrations.",
  docs: {
    severity: "high / critical",
    detects:
      "`DROP DATABASE`/`DROP SCHEMA` outside migrations, `dropdb`, `dropDatabase()`, `drop_all()`, `FLUSHALL`/`FLUSHDB`, `prisma migrate reset --force` / `db push --force-reset`, `rails db:drop/reset/purge`, `manage.py flush/reset_db`, `DISABLE_DATABASE_ENVIRONMENT_CHECK=1`. SQL and migration files are left to the migration rules.",
  },
  scope: "commands",
  lines: "commands",
  hint: /drop|flush|prisma|db:|DISABLE_DATABASE|reset_db/i,
  patterns: [
    {
      detect(text, at) {
        const lower = text.toLowerCase();
        if (
          !lower.includes("drop") &&
          !lower.includes("flush") &&
          !text.includes("prisma") &&
          !text.includes("db:") &&
          !text.includes("DISABLE_DATABASE") &&
          !lower.includes("reset_db")
        )
          return [];
        const w = databaseWipeOf(text, isSqlOrMigration(at.path), at.production);
        return w ? [{ label: w.what, severity: w.severity }] : [];
      },
    },
  ],
  message: commandFinding,
  samples: {
    path: "scripts/reset.sh",
    match: [
      'psql "$DATABASE_URL" -c "DROP DATABASE billing"',
      "dropdb --if-exists billing",
      "redis-cli FLUSHALL",
      "npx prisma migrate reset --force",
      "bin/rails db:drop",
      "python manage.py flush --noinput",
      "DISABLE_DATABASE_ENVIRONMENT_CHECK=1 bin/rails db:schema:load",
    ],
    noMatch: [
      "npx prisma migrate deploy",
      "bin/rails db:migrate",
      "redis-cli GET session",
      'psql -c "DROP TABLE IF EXISTS tmp_import"',
    ],
  },
});
