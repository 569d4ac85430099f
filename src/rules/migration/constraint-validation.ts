import { migrationOpRule, tableOf, via } from "../migration-op.js";

export const constraintValidationRule = migrationOpRule({
  id: "migration/constraint-validation",
  category: "migration",
  description:
    "A migration adds a foreign key without NOT VALID (or a check/unique constraint) to an existing table: the whole table is validated while it is locked.",
  severity: "medium",
  remediation:
    "Add the foreign key or check constraint NOT VALID (Rails validate: false), then VALIDATE CONSTRAINT in a separate migration; build unique indexes concurrently and attach them with USING INDEX.",
  docs: {
    severity: "medium",
    detects:
      "Foreign key without NOT VALID (`add_foreign_key` without `validate: false`, `foreign_key: true`, `createForeignKey`, Liquibase `addForeignKeyConstraint`), CHECK/UNIQUE constraints validated in place",
  },
  kinds: {
    "add-foreign-key": (op) =>
      `Adds a foreign key on ${tableOf(op)}${op.newName ? ` referencing ${op.newName}` : ""} without NOT VALID${via(op)}: the whole table is validated while both tables are locked`,
    "add-constraint": (op) =>
      `Adds a ${op.detail ?? ""}${op.detail ? " " : ""}constraint on ${tableOf(op)}${via(op)}: the table is scanned or indexed under a lock`,
  },
  when: (op) => op.kind === "add-constraint" || (!op.concurrent && op.postgres !== false),
  samples: {
    match: [
      {
        path: "migrations/20240107_fk.sql",
        lines: ["ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id);"],
      },
    ],
    noMatch: [
      {
        path: "migrations/20240107_fk_not_valid.sql",
        lines: [
          "ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;",
        ],
      },
    ],
  },
});
