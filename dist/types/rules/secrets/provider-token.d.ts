export declare const providerTokenRule: import("../types.js").Rule & {
    row: import("../secret-group.js").SecretGroupRow;
};
