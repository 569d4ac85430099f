import type { Severity } from "../../types.js";
interface Wipe {
    what: string;
    severity: Severity;
}
/** The database wipe an added line performs, or null. `sqlFile` skips plain DDL (the migration rules own it). */
export declare function databaseWipeOf(text: string, sqlFile: boolean, productionFile: boolean): Wipe | null;
export declare const databaseWipeRule: import("../types.js").Rule & {
    row: import("../line-pattern.js").LinePatternRow;
};
export {};
