import { opFindings } from "../../migrations/describe.js";
import type { OpKind } from "../../migrations/ops.js";
import { initPostgresParser } from "../../migrations/pg.js";
import type { Rule } from "../types.js";

const KINDS: ReadonlySet<OpKind> = new Set(["set-not-null"]);

export const setNotNullRule: Rule = {
  id: "migration/set-not-null",
  category: "migration",
  description:
    "A migration sets NOT NULL on an existing column (SET NOT NULL, change_column_null false, alter_column nullable=False, addNotNullConstraint): a full scan under an exclusive lock that fails if NULLs remain.",
  severity: "medium",
  remediation:
    "Backfill the NULLs first; on Postgres add a CHECK (col IS NOT NULL) NOT VALID constraint, validate it, then SET NOT NULL (the check makes it instant).",
  init: initPostgresParser,
  run(ctx) {
    return opFindings(ctx, KINDS, () => "medium");
  },
};
