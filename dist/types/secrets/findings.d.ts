import type { RuleContext, RuleFinding } from "../rules/types.js";
import type { DetectorGroup } from "./detect.js";
import { type SecretHit } from "./scan.js";
export declare function secretHits(ctx: RuleContext): SecretHit[];
/** The one-line message: what it is, masked, and the context that helps the reviewer. Never the value. */
export declare function secretMessage(hit: SecretHit): string;
export declare function secretRemediation(hit: SecretHit): string;
export declare function findingsFor(ctx: RuleContext, groups: readonly DetectorGroup[]): RuleFinding[];
