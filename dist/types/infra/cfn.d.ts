import type { ChangedFile } from "../diff/model.js";
import { type SideLine } from "../diff/side.js";
import type { RuleContext } from "../rules/types.js";
/**
 * CloudFormation/SAM templates (YAML or JSON): logical resources and their deletion policies, read by a
 * line scanner that works on partial hunks. A resource is a key whose child `Type:` names an
 * `AWS::`/`Custom::` type; its span is every deeper-indented line after the key.
 */
export interface CfnPolicy {
    value: string;
    line: number;
    changed: boolean;
}
export interface CfnResource {
    id: string;
    type: string;
    line: number;
    /** The logical id line itself is a change on this side (added or removed resource). */
    idChanged: boolean;
    deletionPolicy?: CfnPolicy;
    updateReplacePolicy?: CfnPolicy;
    /** Changed lines inside the resource on this side. */
    changedLines: number[];
}
/** Resources seen on one side of one hunk. */
export declare function scanCfnLines(lines: readonly SideLine[]): CfnResource[];
export interface CfnFileScan {
    file: ChangedFile;
    old: Map<string, CfnResource>;
    new: Map<string, CfnResource>;
}
export declare function isCloudFormationFile(file: ChangedFile): boolean;
export declare const cfnAnalysis: (files: readonly ChangedFile[]) => CfnFileScan[];
/** CloudFormation scans of the rule context's files (docs and tests left out). */
export declare function cfnScans(ctx: RuleContext): CfnFileScan[];
