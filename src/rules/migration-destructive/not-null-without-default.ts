import { opFindings } from "../../migrations/describe.js";
import type { OpKind } from "../../migrations/ops.js";
import { initPostgresParser } from "../../migrations/pg.js";
import type { Rule } from "../types.js";

const KINDS: ReadonlySet<OpKind> = new Set(["add-not-null-no-default"]);

export const notNullWithoutDefaultRule: Rule = {
  id: "migration-destructive/not-null-without-default",
  category: "migration-destructive",
  description:
    "A migration adds a NOT NULL column without a default to an existing table: it fails on a non-empty table and breaks inserts from code that does not know the column.",
  severity: "high",
  remediation:
    "Add the column nullable (or with a default), backfill it, then set NOT NULL in a later migration once every writer sets it.",
  init: initPostgresParser,
  run(ctx) {
    return opFindings(ctx, KINDS, () => "high");
  },
};
