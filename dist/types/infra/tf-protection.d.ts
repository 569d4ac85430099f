/**
 * Terraform attributes that guard against data loss. Shared by the protection rule (which reports them)
 * and the generic change rule (which leaves lines already reported alone).
 */
export interface ProtectionPattern {
    id: string;
    /** Matched against an added line. */
    added: RegExp;
    describe: (attr: string) => string;
    /** Severity when the block is new (no data to lose yet), else high. */
    onNewBlock: "low" | "medium" | "high";
}
export declare const ADDED_PROTECTION_PATTERNS: readonly ProtectionPattern[];
/** Protections whose removal (the line deleted, not replaced) weakens the block. */
export declare const REMOVED_PROTECTION_PATTERNS: readonly {
    attr: RegExp;
    describe: (attr: string) => string;
}[];
export declare const LIFECYCLE_OPEN: RegExp;
/** True when a changed line (either side) sets one of the protections the protection rule watches. */
export declare function isProtectionLine(text: string): boolean;
