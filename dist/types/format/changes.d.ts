import { type Finding, type Level, type Report } from "../types.js";
/** One report, as the next run needs it. Plain types (not inferred from zod): the package's declarations may not import zod. */
export interface ReportSnapshot {
    level: Level;
    score: number;
    head?: string | undefined;
    /** Finding keys by rule id, concatenated. */
    rules: Record<string, string>;
    partial: boolean;
}
export interface ReportDigest extends ReportSnapshot {
    /** The report this one was compared against, so a re-run at the same head compares the same way. */
    base?: ReportSnapshot | undefined;
}
/**
 * A finding's identity across pushes: rule, side, file and message with numbers blanked (line numbers in
 * messages move when code is added above). Two identical findings share a key and are counted as such.
 */
export declare function findingKey(f: Pick<Finding, "ruleId" | "side" | "file" | "message">): string;
/** This report's digest; `base` is the digest it was compared against (kept for re-runs at the same head). */
export declare function digestOf(report: Report, head?: string, base?: ReportDigest): ReportDigest;
/**
 * What a run compares against: the last report when it was for another commit; when it was for this
 * same commit (a re-run), what that report was compared against, so the comment reads the same.
 */
export declare function comparisonBase(previous: ReportDigest | null, head: string): ReportDigest | null;
/** The hidden block: base64 of the JSON, so nothing in it can close the HTML comment or render. */
export declare function digestBlock(digest: ReportDigest): string;
export type DigestReading = {
    kind: "none";
} | {
    kind: "invalid";
} | {
    kind: "ok";
    digest: ReportDigest;
};
/** The digest in a comment body: none when there is no block, invalid when one block is not well-formed. */
export declare function readDigest(body: string): DigestReading;
export interface ReportChanges {
    previous: {
        level: Level;
        score: number;
        head?: string;
    };
    /** Findings of this report the last one did not have. */
    added: Finding[];
    /** Findings the last report had and this one does not, counted by rule. */
    resolved: {
        ruleId: string;
        count: number;
    }[];
    unchanged: number;
    /** The last report was cut (too many findings to key): new and resolved are approximate. */
    partial: boolean;
}
export declare function compareReports(previous: ReportDigest, report: Report): ReportChanges;
