export declare const tlsVerificationDisabledRule: import("../types.js").Rule & {
    row: import("../line-pattern.js").LinePatternRow;
};
