import type { TfBlock, TfChangedLine, TfFileScan } from "./hcl.js";
import { type TfAnalysis } from "./terraform.js";
/** The changed lines of one top-level block of one file. */
export interface TfBlockChanges {
    block: TfBlock | null;
    added: TfChangedLine[];
    removed: TfChangedLine[];
    /** The block is declared by this diff (header added, not a moved-to target, not present before). */
    isNew: boolean;
    /** The block was deleted (the deletion rule reports it). */
    isDeleted: boolean;
    /** The block is the target of a `moved` block (a rename that keeps state). */
    movedFrom?: string;
    /** The block's old name, renamed away with a `moved` block (reported on the new name). */
    renamedAway: boolean;
}
/** Group a file's changed lines by top-level block, in order of first appearance (memoised per scan). */
export declare function groupByBlock(scan: TfFileScan, analysis: TfAnalysis): TfBlockChanges[];
/** How a block is named in a message. */
export declare function blockLabel(block: TfBlock | null, file: string): string;
