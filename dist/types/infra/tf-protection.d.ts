/**
 * Terraform attributes that guard against data loss. Shared by the protection rule (which reports them,
 * in its own words) and the generic change rule (which leaves lines already reported alone).
 */
export type ProtectionWeakening = "prevent-destroy-false" | "deletion-protection-off" | "force-destroy" | "skip-final-snapshot" | "backup-retention-zero" | "scaled-to-zero";
export interface ProtectionPattern {
    id: ProtectionWeakening;
    /** Matched against an added line; group 1 is the attribute. */
    added: RegExp;
    /** Severity when the block is new (no data to lose yet), else high. */
    onNewBlock: "low" | "medium" | "high";
}
export declare const ADDED_PROTECTION_PATTERNS: readonly ProtectionPattern[];
/** Protections whose removal (the line deleted, not replaced) weakens the block; group 1 is the attribute. */
export declare const REMOVED_PROTECTION_PATTERNS: readonly RegExp[];
export declare const LIFECYCLE_OPEN: RegExp;
/** True when a changed line (either side) sets one of the protections the protection rule watches. */
export declare function isProtectionLine(text: string): boolean;
