import type { Report } from "../types.js";
export interface MarkdownOptions {
    /** `https://github.com/owner/repo`: findings then link to the exact line of `headSha`. */
    repoUrl?: string;
    headSha?: string;
    /** Hidden marker put first, so the Action finds its sticky comment again. */
    marker?: string;
    /** GitHub rejects comments over 65,536 characters; stay under this by summarizing. */
    maxLength?: number;
    /** Findings listed per category before summarizing (reduced automatically to fit). */
    perCategory?: number;
}
export declare const COMMENT_LIMIT = 65536;
/**
 * The sticky PR comment and job summary. Stays under `maxLength` by listing fewer findings per
 * category (then dropping evidence), never by failing. Untrusted text stays inside its context (see
 * src/text/markdown.ts): one line, no HTML, no mentions.
 */
export declare function formatMarkdown(report: Report, opts?: MarkdownOptions): string;
