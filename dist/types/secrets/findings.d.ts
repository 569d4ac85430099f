import type { RuleContext } from "../rules/types.js";
import { type SecretHit } from "./scan.js";
export declare function secretHits(ctx: RuleContext): SecretHit[];
