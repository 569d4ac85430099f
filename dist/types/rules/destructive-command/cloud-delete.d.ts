import type { Severity } from "../../types.js";
interface CloudDelete {
    what: string;
    severity: Severity;
}
/** The cloud resource an added command deletes without confirmation, or null. */
export declare function cloudDeleteOf(text: string, productionFile: boolean): CloudDelete | null;
export declare const cloudDeleteRule: import("../types.js").Rule & {
    row: import("../line-pattern.js").LinePatternRow;
};
export {};
