import type { Rule } from "../types.js";
/** Rules of the `migration-destructive` category, one file each. */
export declare const migrationDestructiveRules: Rule[];
