import type { Rule } from "../types.js";
/** Above this many meaningful added source lines without any test change, the finding is medium. */
export declare const LARGE_CHANGE_LINES = 50;
/**
 * Source changed, but no test file changed anywhere in the PR. Coverage is judged at PR level: any
 * added, modified or renamed test file counts (pairing `foo.py` with `test_foo.py` would miss tests
 * that live elsewhere and produce more false alarms than it catches). Not raised for docs-, config-
 * or test-only PRs, deletions, pure renames, or changes that only touch comments, imports,
 * whitespace or move lines. One finding per PR, on the first untested source file.
 */
export declare const sourceWithoutTestsRule: Rule;
