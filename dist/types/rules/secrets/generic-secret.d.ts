export declare const genericSecretRule: import("../types.js").Rule & {
    row: import("../secret-group.js").SecretGroupRow;
};
