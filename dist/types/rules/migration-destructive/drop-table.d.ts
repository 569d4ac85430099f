export declare const dropTableRule: import("../types.js").Rule & {
    row: import("../migration-op.js").MigrationOpRow;
};
