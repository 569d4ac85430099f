import { migrationOpRule, tableOf, via } from "../migration-op.js";

export const indexNotConcurrentRule = migrationOpRule({
  id: "migration/index-not-concurrent",
  category: "migration",
  description:
    "A migration builds an index on an existing Postgres table without CONCURRENTLY (CREATE INDEX, Rails add_index without algorithm: :concurrently, Django AddIndex, Alembic create_index without postgresql_concurrently, Sequelize addIndex without concurrently).",
  severity: "medium",
  remediation:
    "Build the index concurrently (CREATE INDEX CONCURRENTLY; Rails algorithm: :concurrently with disable_ddl_transaction!; Django AddIndexConcurrently; Alembic postgresql_concurrently=True outside a transaction).",
  docs: {
    severity: "medium",
    detects:
      "CREATE INDEX without CONCURRENTLY on Postgres; Rails `add_index` without `algorithm: :concurrently`, `add_reference` indexes, Django `AddIndex`, Alembic `create_index` without `postgresql_concurrently=True`, Sequelize `addIndex` without `concurrently: true`, Ecto `create index` without `concurrently: true`. MySQL-looking SQL is reported low (schema-change) instead.",
  },
  kinds: {
    "create-index": (op) =>
      `Builds ${op.detail ? `index ${op.detail}` : "an index"} on ${tableOf(op)}${op.columns?.length ? ` (${op.columns.join(", ")})` : ""} without CONCURRENTLY${via(op)}: writes to ${tableOf(op)} block while it builds`,
  },
  when: (op) => !op.concurrent && op.postgres !== false,
  samples: {
    match: [{ path: "migrations/20240106_index.sql", lines: ["CREATE INDEX idx_users_email ON users (email);"] }],
    noMatch: [
      {
        path: "migrations/20240106_index_concurrently.sql",
        lines: ["CREATE INDEX CONCURRENTLY idx_users_email ON users (email);"],
      },
    ],
  },
});
