import type { Rule } from "../types.js";
/**
 * Terraform settings that stand between an apply and data loss: `prevent_destroy`,
 * `deletion_protection`, `force_destroy`, `skip_final_snapshot`, backup retention, `lifecycle` blocks.
 * Turning them off on an existing resource is high; on a block this diff creates it is lower.
 */
export declare const terraformProtectionWeakenedRule: Rule;
