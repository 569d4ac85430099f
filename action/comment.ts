import { type DigestReading, readDigest } from "../src/format/changes.js";
import { type KnownComment, markedComment } from "../src/github/marked-comment.js";

/** Hidden marker that identifies the Action's sticky comment (src/github/marked-comment.ts keeps it single). */
export const COMMENT_MARKER = "<!-- ai-review-gate:action -->";

/**
 * The last report's digest, from the sticky comment this run will update. Only a comment the token's
 * identity wrote is read; its body is still hostile (anyone with write access can edit it).
 */
export function previousReport(existing: readonly KnownComment[]): DigestReading {
  const sticky = markedComment(existing, COMMENT_MARKER);
  return sticky ? readDigest(sticky.body) : { kind: "none" };
}
