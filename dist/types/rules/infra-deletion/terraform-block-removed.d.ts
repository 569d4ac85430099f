import type { Rule } from "../types.js";
/**
 * A Terraform/OpenTofu `resource`, `module` or `data` block that disappears from the configuration is
 * destroyed on the next apply, unless a `moved` block (rename) or a `removed` block with
 * `destroy = false` accounts for it, or the same address is declared again in the same module directory.
 */
export declare const terraformBlockRemovedRule: Rule;
