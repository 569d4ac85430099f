import type { Severity } from "../../types.js";
interface GitRewrite {
    what: string;
    severity: Severity;
}
/** The history-rewriting or work-discarding git command on a line, or null. */
export declare function gitRewriteOf(text: string): GitRewrite | null;
export declare const gitHistoryRewriteRule: import("../types.js").Rule & {
    row: import("../line-pattern.js").LinePatternRow;
};
export {};
