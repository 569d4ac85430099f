import { type Category, type Finding, type Report } from "../types.js";
import { type ReportDigest } from "./changes.js";
import { type LinkBase } from "./links.js";
export interface MarkdownOptions extends LinkBase {
    /** Hidden marker put first, so the Action finds its sticky comment again. */
    marker?: string;
    /** GitHub rejects comments over 65,536 characters; stay under this by summarizing. */
    maxLength?: number;
    /** Findings listed per rule before the rest is left to the SARIF/JSON reports (reduced automatically to fit). */
    perRule?: number;
    /** Who may tick a category's checklist item (`gate.routes` of the config). */
    routes?: Partial<Record<Category, {
        team?: string | undefined;
        codeowners?: boolean | undefined;
    }>>;
    /** The digest to compare against (see `comparisonBase`): the comment then says what changed since. */
    previous?: ReportDigest;
    /** The last report's digest was present but unreadable (edited by hand, or another version's). */
    previousUnreadable?: boolean;
    /** Put this report's digest in the body (a hidden block) for the next run to compare against. */
    digest?: boolean;
}
export declare const COMMENT_LIMIT = 65536;
/** The three findings a reviewer reads first: the most severe, one per rule before a rule repeats. */
export declare function topFindings(findings: readonly Finding[], n?: number): Finding[];
/**
 * The sticky PR comment and job summary. Stays under `maxLength` by listing fewer findings per rule
 * (then dropping evidence), never by failing. Untrusted text stays inside its context (see
 * src/text/markdown.ts): one line, no HTML, no mentions, no live links.
 */
export declare function formatMarkdown(report: Report, opts?: MarkdownOptions): string;
