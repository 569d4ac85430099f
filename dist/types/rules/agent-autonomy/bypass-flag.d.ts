export declare const bypassFlagRule: import("../types.js").Rule & {
    row: import("../line-pattern.js").LinePatternRow;
};
