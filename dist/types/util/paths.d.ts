import type { Config } from "../config/schema.js";
/**
 * How the engine classifies repository paths. Built-in globs cover the common layouts of the
 * major ecosystems; config adds to them (never replaces them, so a config cannot hide tests).
 */
export declare const BUILTIN_TEST_GLOBS: string[];
export declare const BUILTIN_DOC_GLOBS: string[];
export declare const BUILTIN_PRODUCTION_GLOBS: string[];
export declare const SOURCE_EXTENSIONS: Set<string>;
export type PathMatcher = (path: string) => boolean;
/**
 * The longest run of plain characters every path the glob matches contains ("" when none is sure):
 * outside brackets, braces and parentheses, between wildcards and slashes (`**` also matches no folder,
 * so a slash is never required). Negations and "./" (which picomatch rewrites) give "".
 */
export declare function requiredLiteral(glob: string): string;
/**
 * False only for paths none of the globs can match (true means "maybe"): a search for the literal text
 * each glob requires. Most paths match none of a set's globs, and this answers them before picomatch's
 * RegExp, whose lazy `**` parts are tried at every slash. A glob without a required literal lets every
 * path through. A path equal to a glob passes too: the glob's text holds its own literal.
 */
export declare function globsMayMatch(globs: readonly string[]): PathMatcher;
/**
 * One RegExp for all the globs (picomatch's own matcher tests them one by one and builds a result
 * object per call), behind globsMayMatch. Same answers as picomatch(globs): an empty path never matches,
 * a path equal to a glob always does, otherwise the glob's RegExp decides.
 */
export declare function compileGlobs(globs: readonly string[]): PathMatcher;
export declare function extensionOf(path: string): string;
export declare function basenameOf(path: string): string;
/** The folder part of a path ("" at the root). */
export declare function dirnameOf(path: string): string;
export interface PathClassifier {
    isIgnored: PathMatcher;
    isTest: PathMatcher;
    isDoc: PathMatcher;
    isProductionPath: PathMatcher;
    /** Program source a test should cover (not tests, docs, config, generated or vendored code). */
    isSource: PathMatcher;
    isSafe: PathMatcher;
}
/** Build the classifier once per analysis: picomatch compiles every glob to a RegExp. */
export declare function createPathClassifier(config: Config): PathClassifier;
