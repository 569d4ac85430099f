import { type PathMatcher } from "./paths.js";
/** False only for paths none of the globs can match (true means "maybe"). */
export declare function literalGate(globs: readonly string[]): PathMatcher;
/** compileGlobs(globs) behind their literal gate: the same answers, cheaper for paths that cannot match. */
export declare function compileGatedGlobs(globs: readonly string[]): PathMatcher;
