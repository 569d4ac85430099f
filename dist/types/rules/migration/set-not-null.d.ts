export declare const setNotNullRule: import("../types.js").Rule & {
    row: import("../migration-op.js").MigrationOpRow;
};
