import { opFindings } from "../../migrations/describe.js";
import type { OpKind } from "../../migrations/ops.js";
import { initPostgresParser } from "../../migrations/pg.js";
import type { Rule } from "../types.js";

const KINDS: ReadonlySet<OpKind> = new Set(["add-foreign-key", "add-constraint"]);

export const constraintValidationRule: Rule = {
  id: "migration/constraint-validation",
  category: "migration",
  description:
    "A migration adds a foreign key without NOT VALID (or a check/unique constraint) to an existing table: the whole table is validated while it is locked.",
  severity: "medium",
  remediation:
    "Add the foreign key or check constraint NOT VALID (Rails validate: false), then VALIDATE CONSTRAINT in a separate migration; build unique indexes concurrently and attach them with USING INDEX.",
  init: initPostgresParser,
  run(ctx) {
    return opFindings(
      ctx,
      KINDS,
      () => "medium",
      (op) => op.kind === "add-constraint" || (!op.concurrent && op.postgres !== false),
    );
  },
};
