import type { ChangedFile } from "../diff/model.js";
import { type Side } from "../diff/side.js";
/**
 * Terraform/OpenTofu block extraction from diff hunks. HCL written by `terraform fmt` opens top-level
 * blocks at column 0 and closes them with a `}` at column 0, so a line scanner can tell which top-level
 * block every changed line belongs to even in a partial hunk (the hunk header and context lines name it).
 * Where the diff holds a whole file (added or deleted), @cdktf/hcl2json confirms the block list, so text
 * inside heredocs or comments that merely looks like a block header is not taken for one.
 */
export type TfBlockKind = "resource" | "data" | "module" | "variable" | "output" | "provider" | "locals" | "terraform" | "moved" | "removed" | "import" | "check";
export interface TfBlock {
    kind: TfBlockKind;
    /** Terraform address for resources, data sources and modules; a readable label for the others. */
    address: string;
    /** Resource or data source type (`aws_s3_bucket`), else undefined. */
    type?: string;
    name?: string;
}
/** Parse a column-0 block header line, or null. */
export declare function parseTfHeader(text: string): TfBlock | null;
/** A changed line with the top-level block it belongs to (null when the diff does not show it). */
export interface TfChangedLine {
    side: Side;
    line: number;
    text: string;
    block: TfBlock | null;
    /** Nested block path inside the top-level block, e.g. ["lifecycle"]. */
    nested: string[];
}
export interface TfHeaderChange {
    block: TfBlock;
    side: Side;
    line: number;
    /** Changed body lines seen under this header on the same side (the block's content when wholly changed). */
    body: string[];
    /** True when the block's closing brace was changed too: the whole block was removed/added. */
    whole: boolean;
    /** Index of the hunk the header is in (renames replace a header within one hunk). */
    hunkIndex: number;
}
export interface TfMovedDecl {
    from: string;
    to?: string;
    line: number;
    kind: "moved" | "removed";
    /** For `removed` blocks: lifecycle `destroy = false` (forget the object, keep it). */
    keep?: boolean;
}
export interface TfFileScan {
    file: ChangedFile;
    removedHeaders: TfHeaderChange[];
    addedHeaders: TfHeaderChange[];
    changed: TfChangedLine[];
    /** moved/removed declarations visible on the new side (added or context). */
    moves: TfMovedDecl[];
    /** Addresses whose header appears as an unchanged context line (the block still exists). */
    contextAddresses: Set<string>;
}
/** Line-scan every hunk of a Terraform file. */
export declare function scanTerraformFile(file: ChangedFile): TfFileScan;
/**
 * For whole added/deleted files, drop scanned headers that the real parser does not know (text inside a
 * heredoc or an odd comment). A parse failure keeps the line scan as it is (tolerant fallback).
 */
export declare function confirmWithParser(scan: TfFileScan, budget: {
    parses: number;
}): Promise<void>;
/** Read a JSON-syntax Terraform file (`.tf.json`) from whole text: its addressable blocks. */
export declare function tfJsonBlocks(text: string): TfBlock[];
