import type { ChangedFile } from "../diff/model.js";
import type { Severity } from "../types.js";
import type { SecretAllowlist } from "./allowlist.js";
import { type Detection } from "./detect.js";
/** A detection located in the diff. */
export interface SecretHit extends Detection {
    file: string;
    line: number;
}
export interface ScanFileOptions {
    isTest?: (path: string) => boolean;
    allowlist?: SecretAllowlist;
}
/** Scan the added lines of one file. Linear in the file's added lines. */
export declare function scanFile(file: ChangedFile, opts?: ScanFileOptions): SecretHit[];
export declare function lowerSeverity(s: Severity): Severity;
