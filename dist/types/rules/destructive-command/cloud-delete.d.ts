import { type Severity } from "../../types.js";
interface CloudDelete {
    what: string;
    severity: Severity;
}
/**
 * The cloud resource an added command deletes, or null. Every delete verb of the AWS, Google Cloud and
 * Azure CLIs counts: high when the resource holds data (buckets, databases, backups, volumes, keys,
 * clusters, whole resource groups or projects), medium otherwise; critical against production.
 */
export declare function cloudDeleteOf(text: string, productionFile: boolean): CloudDelete | null;
export declare const cloudDeleteRule: import("../types.js").Rule & {
    row: import("../line-pattern.js").LinePatternRow;
};
export {};
