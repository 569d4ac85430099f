import type { Rule } from "../types.js";
import { authCheckRemovedRule } from "./auth-check-removed.js";
import { checkBypassedRule } from "./check-bypassed.js";
import { lintSuppressionRule } from "./lint-suppression.js";
import { testFileDeletedRule } from "./test-file-deleted.js";
import { testSkippedRule } from "./test-skipped.js";
import { tlsVerificationDisabledRule } from "./tls-verification-disabled.js";

/** Rules of the `safety-bypass` category, one file each. */
export const safetyBypassRules: Rule[] = [
  testSkippedRule,
  testFileDeletedRule,
  lintSuppressionRule,
  tlsVerificationDisabledRule,
  authCheckRemovedRule,
  checkBypassedRule,
];
