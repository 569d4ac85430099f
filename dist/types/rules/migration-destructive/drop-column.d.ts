export declare const dropColumnRule: import("../types.js").Rule & {
    row: import("../migration-op.js").MigrationOpRow;
};
