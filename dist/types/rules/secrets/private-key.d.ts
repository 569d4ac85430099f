export declare const privateKeyRule: import("../types.js").Rule & {
    row: import("../secret-group.js").SecretGroupRow;
};
