import { opFindings } from "../../migrations/describe.js";
import type { OpKind } from "../../migrations/ops.js";
import { initPostgresParser } from "../../migrations/pg.js";
import type { Rule } from "../types.js";

const KINDS: ReadonlySet<OpKind> = new Set(["create-index"]);

export const indexNotConcurrentRule: Rule = {
  id: "migration/index-not-concurrent",
  category: "migration",
  description:
    "A migration builds an index on an existing Postgres table without CONCURRENTLY (CREATE INDEX, Rails add_index without algorithm: :concurrently, Django AddIndex, Alembic create_index without postgresql_concurrently, Sequelize addIndex without concurrently).",
  severity: "medium",
  remediation:
    "Build the index concurrently (CREATE INDEX CONCURRENTLY; Rails algorithm: :concurrently with disable_ddl_transaction!; Django AddIndexConcurrently; Alembic postgresql_concurrently=True outside a transaction).",
  init: initPostgresParser,
  run(ctx) {
    return opFindings(
      ctx,
      KINDS,
      () => "medium",
      (op) => !op.concurrent && op.postgres !== false,
    );
  },
};
