import type { Rule } from "../types.js";
import { sourceWithoutTestsRule } from "./source-without-tests.js";

/** Rules of the `missing-tests` category, one file each. */
export const missingTestsRules: Rule[] = [sourceWithoutTestsRule];
