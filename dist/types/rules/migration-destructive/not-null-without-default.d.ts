export declare const notNullWithoutDefaultRule: import("../types.js").Rule & {
    row: import("../migration-op.js").MigrationOpRow;
};
