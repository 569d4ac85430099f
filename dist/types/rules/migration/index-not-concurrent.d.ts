export declare const indexNotConcurrentRule: import("../types.js").Rule & {
    row: import("../migration-op.js").MigrationOpRow;
};
