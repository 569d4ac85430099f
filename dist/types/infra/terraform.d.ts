import type { ChangedFile } from "../diff/model.js";
import type { RuleContext } from "../rules/types.js";
import type { Severity } from "../types.js";
import { type TfBlock, type TfFileScan, type TfMovedDecl } from "./hcl.js";
export interface TfDeletion {
    file: string;
    /** Old-side line of the block header; null when unknown (JSON files). */
    line: number | null;
    block: TfBlock;
    severity: Severity;
    /**
     * Set when the change re-declares the object elsewhere without a `moved` block: the same hunk adds a
     * block of the same type under another name, or the file adds a module whose name or source names
     * the resource's type (`aws_s3_bucket` into an `s3-bucket` module).
     */
    renamedTo?: string;
    /** Set when a `removed` block declares the destroy explicitly. */
    explicitRemoved?: boolean;
    hadPreventDestroy: boolean;
    wholeFileDeleted: boolean;
    /** The file was a reusable module's source: nothing is destroyed until a configuration stops calling it. */
    moduleSourceDeleted?: boolean;
}
export interface TfAnalysis {
    scans: TfFileScan[];
    deletions: TfDeletion[];
    /** `${dir}\0${address}` of deleted blocks: change rules leave them to the deletion rule. */
    deletedKeys: Set<string>;
    /** `${dir}\0${address}` of blocks present before the change (header removed or context). */
    oldKeys: Set<string>;
    /** Moves (`moved` and `removed` blocks) by the new address or the forgotten address. */
    moves: TfMovedDecl[];
    /** `.tf.json` files the line scanner does not read. */
    jsonFiles: ChangedFile[];
}
export declare function tfKey(file: string, address: string): string;
/** The Terraform analysis of this diff, computed once and shared by the Terraform rules. */
export declare function terraformAnalysis(ctx: RuleContext): Promise<TfAnalysis>;
