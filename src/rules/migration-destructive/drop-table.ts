import { opFindings } from "../../migrations/describe.js";
import type { OpKind } from "../../migrations/ops.js";
import { initPostgresParser } from "../../migrations/pg.js";
import type { Rule } from "../types.js";

const KINDS: ReadonlySet<OpKind> = new Set(["drop-table", "drop-schema", "drop-database", "truncate"]);
/** Dropping this many tables in one change is treated as a mass deletion. */
const MANY_TABLES = 3;

export const dropTableRule: Rule = {
  id: "migration-destructive/drop-table",
  category: "migration-destructive",
  description:
    "A migration drops or truncates a table, a schema or a database (SQL, Rails drop_table, Django DeleteModel, Alembic op.drop_table, Knex/Sequelize/TypeORM dropTable, Ecto drop table, Liquibase dropTable).",
  severity: "high",
  remediation:
    "Confirm nothing reads the table any more (deploy the code change first), take a backup or rename the table aside for one release, and drop it in a later migration.",
  init: initPostgresParser,
  run(ctx) {
    return opFindings(ctx, KINDS, (op, _fa, analysis) =>
      op.kind !== "drop-table" || analysis.droppedTables >= MANY_TABLES ? "critical" : "high",
    );
  },
};
