/** Hidden marker that identifies the Action's sticky comment (src/github/marked-comment.ts keeps it single). */
export const COMMENT_MARKER = "<!-- ai-review-gate:action -->";
