import type { ChangedFile, Hunk } from "../diff/model.js";
/** Whole-file text above this size is never handed to a parser; the line scanners take over. */
export declare const MAX_PARSE_CHARS: number;
/** Lines longer than this are skipped by the line scanners (minified or generated content). */
export declare const MAX_LINE_CHARS = 4000;
export type Side = "old" | "new";
/** One line of a hunk as seen from one side, with its line number on that side. */
export interface SideLine {
    text: string;
    line: number;
    /** True when the line is a change (a removal on the old side, an addition on the new side). */
    changed: boolean;
}
/** The lines of a hunk that exist on one side, in order (context plus that side's changes). */
export declare function sideLines(hunk: Hunk, side: Side): SideLine[];
export interface SectionLine extends SideLine {
    side: Side;
    /** The top-level YAML key the line sits under, as far as the hunk shows it (null before any). */
    section: string | null;
}
/** Every non-key line of each hunk, old side then new, with the top-level YAML key it sits under. */
export declare function yamlSectionLines(file: ChangedFile): Generator<SectionLine>;
/** Everything the diff shows of a file, both sides, capped: the cheap input of content prefilters. */
export declare function visibleText(file: ChangedFile, maxChars?: number): string;
/** The whole text of one side when the diff holds all of it (added or deleted files), capped; else null. */
export declare function wholeSideText(file: ChangedFile, side: Side): string | null;
export declare function dirOf(path: string): string;
export declare function isYamlPath(path: string): boolean;
export declare function isTerraformPath(path: string): boolean;
export declare function isTerraformJsonPath(path: string): boolean;
/** GitHub workflow and action files: YAML that is CI configuration, never infrastructure. */
export declare function isCiYaml(path: string): boolean;
/** Languages CDK and Pulumi programs are written in. */
export declare function isIacSourcePath(path: string): boolean;
/** A trimmed value without surrounding quotes, for display. */
export declare function unquote(value: string): string;
/** Keep messages to one readable line. */
export declare function shorten(text: string, max?: number): string;
/** Memoise one analysis per rule context's file list, so several rules share one pass over the diff. */
export declare function memoByFiles<T>(compute: (files: readonly ChangedFile[]) => T): (files: readonly ChangedFile[]) => T;
/** Files the infra rules never look at: documentation and tests (a README's HCL sample destroys nothing). */
export declare function isNonInfraPath(path: string, isDoc: (p: string) => boolean, isTest: (p: string) => boolean): boolean;
