export declare const constraintValidationRule: import("../types.js").Rule & {
    row: import("../migration-op.js").MigrationOpRow;
};
