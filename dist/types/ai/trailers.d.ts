/**
 * The trailer block of a commit message, read from its end as `git interpret-trailers` does: the last
 * paragraph (after the last blank line, never the subject paragraph), taken as trailers when all its lines
 * are `Key: value` lines or indented continuations, or when a quarter are and git wrote one of them
 * (`Signed-off-by`, `(cherry picked from commit …)`). Reading from the end
 * means no amount of text before the block, and no unclosed code fence, can hide it. Linear in the size
 * of the block; the message itself is bounded by the input caps.
 */
export declare function trailerLines(message: string): string[];
