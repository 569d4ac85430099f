/**
 * Terraform attributes that guard against data loss. Shared by the protection rule (which reports them,
 * in its own words) and the generic change rule (which leaves lines already reported alone).
 */

export type ProtectionWeakening =
  | "prevent-destroy-false"
  | "deletion-protection-off"
  | "force-destroy"
  | "skip-final-snapshot"
  | "backup-retention-zero"
  | "scaled-to-zero";

export interface ProtectionPattern {
  id: ProtectionWeakening;
  /** Matched against an added line; group 1 is the attribute. */
  added: RegExp;
  /** Severity when the block is new (no data to lose yet), else high. */
  onNewBlock: "low" | "medium" | "high";
}

export const ADDED_PROTECTION_PATTERNS: readonly ProtectionPattern[] = [
  {
    id: "prevent-destroy-false",
    added: /^\s*(prevent_destroy)\s*=\s*"?false"?\s*(?:#.*)?$/,
    onNewBlock: "medium",
  },
  {
    id: "deletion-protection-off",
    added:
      /^\s*(\w*deletion_protection\w*|\w*termination_protection\w*|purge_protection_enabled)\s*=\s*"?false"?\s*(?:#.*)?$/,
    onNewBlock: "medium",
  },
  {
    id: "force-destroy",
    // Also module inputs that pass it through: `force_destroy_s3_bucket`, `bucket_force_destroy`.
    added: /^\s*(\w*force_destroy\w*|\w*force_delete\w*)\s*=\s*"?true"?\s*(?:#.*)?$/,
    onNewBlock: "medium",
  },
  {
    id: "skip-final-snapshot",
    added: /^\s*(\w*skip_final_snapshot\w*)\s*=\s*"?true"?\s*(?:#.*)?$/,
    onNewBlock: "medium",
  },
  {
    id: "backup-retention-zero",
    added: /^\s*(\w*backup\w*retention\w*|\w*retention\w*backup\w*)\s*=\s*"?0"?\s*(?:#.*)?$/,
    onNewBlock: "medium",
  },
  {
    id: "scaled-to-zero",
    added: /^\s*(replicas|desired_count|desired_capacity|replica_count)\s*=\s*"?0"?\s*(?:#.*)?$/,
    onNewBlock: "low",
  },
];

/** Protections whose removal (the line deleted, not replaced) weakens the block; group 1 is the attribute. */
export const REMOVED_PROTECTION_PATTERNS: readonly RegExp[] = [
  /^\s*(prevent_destroy)\s*=\s*true\b/,
  /^\s*(\w*deletion_protection\w*|\w*termination_protection\w*)\s*=\s*"?true"?/,
];

export const LIFECYCLE_OPEN = /^\s+lifecycle\s*\{/;

/** True when an added line is one the protection rule reports. */
const PROTECTION_ATTR =
  /^\s*(?:prevent_destroy|\w*deletion_protection\w*|\w*termination_protection\w*|purge_protection_enabled|\w*force_destroy\w*|\w*force_delete\w*|\w*skip_final_snapshot\w*|\w*backup\w*retention\w*|\w*retention\w*backup\w*|replicas|desired_count|desired_capacity|replica_count)\s*=/;

/** True when a changed line (either side) sets one of the protections the protection rule watches. */
export function isProtectionLine(text: string): boolean {
  return PROTECTION_ATTR.test(text) || LIFECYCLE_OPEN.test(text);
}
