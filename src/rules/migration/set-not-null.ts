import { columnsOf, migrationOpRule, via } from "../migration-op.js";

export const setNotNullRule = migrationOpRule({
  id: "migration/set-not-null",
  category: "migration",
  description:
    "A migration sets NOT NULL on an existing column (SET NOT NULL, change_column_null false, alter_column nullable=False, addNotNullConstraint): a full scan under an exclusive lock that fails if NULLs remain.",
  severity: "medium",
  remediation:
    "Backfill the NULLs first; on Postgres add a CHECK (col IS NOT NULL) NOT VALID constraint, validate it, then SET NOT NULL (the check makes it instant).",
  docs: {
    severity: "medium",
    detects: "`SET NOT NULL`, `change_column_null …, false`, `alter_column(nullable=False)`, `addNotNullConstraint`",
  },
  kinds: {
    "set-not-null": (op) =>
      `Sets NOT NULL on ${columnsOf(op)}${via(op)}: scans the whole table under an exclusive lock and fails if NULLs remain`,
  },
  samples: {
    match: [
      { path: "migrations/20240108_not_null.sql", lines: ["ALTER TABLE users ALTER COLUMN email SET NOT NULL;"] },
    ],
    noMatch: [
      { path: "migrations/20240108_drop_not_null.sql", lines: ["ALTER TABLE users ALTER COLUMN email DROP NOT NULL;"] },
    ],
  },
});
