export declare const rowDeletionRule: import("../types.js").Rule & {
    row: import("../migration-op.js").MigrationOpRow;
};
