export declare const renameOrRetypeRule: import("../types.js").Rule & {
    row: import("../migration-op.js").MigrationOpRow;
};
