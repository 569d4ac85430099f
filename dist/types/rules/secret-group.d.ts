import type { DetectorGroup } from "../secrets/detect.js";
import type { Rule, RuleContext, RuleFinding, RuleMeta } from "./types.js";
/**
 * The secrets rules as rows: each reports one detector group of the one shared scan of the diff
 * (src/secrets), in its own words. A message names what was found, masked, never the value. Every
 * row carries lines that must and must not be reported, checked by a test; their values are built
 * from pieces at run time so that no scanner (this one included) reports this source file.
 */
export interface SecretGroupRow extends RuleMeta {
    group: DetectorGroup;
    /** What the hit is, before its masked value: "Private key committed", "Hardcoded". */
    says: string;
    samples: {
        path: string;
        match: readonly string[];
        noMatch: readonly string[];
    };
}
export declare function runSecretGroup(row: SecretGroupRow, ctx: RuleContext): RuleFinding[];
export declare function secretGroupRule(row: SecretGroupRow): Rule & {
    row: SecretGroupRow;
};
/** A sample value written in pieces (see the module comment). */
export declare function pieces(...parts: string[]): string;
