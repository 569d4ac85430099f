export declare const unboundedDmlRule: import("../types.js").Rule & {
    row: import("../migration-op.js").MigrationOpRow;
};
