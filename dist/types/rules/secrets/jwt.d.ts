export declare const jwtRule: import("../types.js").Rule & {
    row: import("../secret-group.js").SecretGroupRow;
};
