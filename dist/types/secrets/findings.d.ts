import type { ChangedFile } from "../diff/model.js";
import type { RuleContext } from "../rules/types.js";
import { type SecretHit } from "./scan.js";
export declare function secretHits(ctx: RuleContext): SecretHit[];
/** The files whose added lines secretHits() scans: every changed file outside the allowlisted paths. */
export declare function scannedForSecrets(ctx: RuleContext): Set<ChangedFile>;
