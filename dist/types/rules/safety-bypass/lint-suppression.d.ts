export declare const lintSuppressionRule: import("../types.js").Rule & {
    row: import("../line-pattern.js").LinePatternRow;
};
