import type { Severity } from "../../types.js";
interface Verdict {
    severity: Severity;
    why: string;
}
/** Why deleting this target is dangerous, or null when it is an ordinary path. */
export declare function classifyRmTarget(raw: string): Verdict | null;
/** Dangerous targets of an `rm` invocation with a recursive flag, or [] when none. */
export declare function dangerousRmTargets(args: string): {
    target: string;
    verdict: Verdict;
}[];
export declare const recursiveDeleteRule: import("../types.js").Rule & {
    row: import("../line-pattern.js").LinePatternRow;
};
export {};
