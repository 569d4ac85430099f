export declare const credentialUrlRule: import("../types.js").Rule & {
    row: import("../secret-group.js").SecretGroupRow;
};
