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

export const ADDED_PROTECTION_PATTERNS: readonly ProtectionPattern[] = [
  {
    id: "prevent-destroy-false",
    added: /^\s*(prevent_destroy)\s*=\s*"?false"?\s*(?:#.*)?$/,
    describe: () => "lifecycle prevent_destroy set to false (Terraform may now destroy it)",
    onNewBlock: "medium",
  },
  {
    id: "deletion-protection-off",
    added:
      /^\s*(\w*deletion_protection\w*|\w*termination_protection\w*|purge_protection_enabled)\s*=\s*"?false"?\s*(?:#.*)?$/,
    describe: (attr) => `${attr} set to false (the object can now be deleted)`,
    onNewBlock: "medium",
  },
  {
    id: "force-destroy",
    added: /^\s*(force_destroy|force_delete)\s*=\s*"?true"?\s*(?:#.*)?$/,
    describe: (attr) => `${attr} set to true (a destroy also deletes its contents)`,
    onNewBlock: "medium",
  },
  {
    id: "skip-final-snapshot",
    added: /^\s*(skip_final_snapshot)\s*=\s*"?true"?\s*(?:#.*)?$/,
    describe: () => "skip_final_snapshot set to true (no snapshot is kept on destroy)",
    onNewBlock: "medium",
  },
  {
    id: "backup-retention-zero",
    added: /^\s*(\w*backup\w*retention\w*|\w*retention\w*backup\w*)\s*=\s*"?0"?\s*(?:#.*)?$/,
    describe: (attr) => `${attr} set to 0 (automated backups disabled)`,
    onNewBlock: "medium",
  },
  {
    id: "scaled-to-zero",
    added: /^\s*(replicas|desired_count|desired_capacity|replica_count)\s*=\s*"?0"?\s*(?:#.*)?$/,
    describe: (attr) => `${attr} set to 0 (scaled to zero: the service stops)`,
    onNewBlock: "low",
  },
];

/** Protections whose removal (the line deleted, not replaced) weakens the block. */
export const REMOVED_PROTECTION_PATTERNS: readonly { attr: RegExp; describe: (attr: string) => string }[] = [
  {
    attr: /^\s*(prevent_destroy)\s*=\s*true\b/,
    describe: () => "lifecycle prevent_destroy removed (Terraform may now destroy it)",
  },
  {
    attr: /^\s*(\w*deletion_protection\w*|\w*termination_protection\w*)\s*=\s*"?true"?/,
    describe: (attr) => `${attr} = true removed (the provider default usually allows deletion)`,
  },
];

export const LIFECYCLE_OPEN = /^\s+lifecycle\s*\{/;

/** True when an added line is one the protection rule reports. */
const PROTECTION_ATTR =
  /^\s*(?:prevent_destroy|\w*deletion_protection\w*|\w*termination_protection\w*|purge_protection_enabled|force_destroy|force_delete|skip_final_snapshot|\w*backup\w*retention\w*|\w*retention\w*backup\w*|replicas|desired_count|desired_capacity|replica_count)\s*=/;

/** True when a changed line (either side) sets one of the protections the protection rule watches. */
export function isProtectionLine(text: string): boolean {
  return PROTECTION_ATTR.test(text) || LIFECYCLE_OPEN.test(text);
}
