import type { Rule } from "../types.js";
/**
 * New dependencies declared in a manifest, named with their version. A dependency that replaces a
 * removed one with the same bare name from another publisher (`skia-canvas` → `@someone/skia-canvas`,
 * `github.com/a/x` → `github.com/b/x`) is raised to medium: swapping in a fork moves trust.
 */
export declare const newDependencyRule: Rule;
