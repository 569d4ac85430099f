/**
 * Where a finding's link goes. With the pull request known, into its "Files changed" view at the exact
 * line (`#diff-<sha256(path)>R<line>`, `L<line>` for a line of the base version): the reviewer lands in
 * the diff, where they comment. Without it (the CLI, a push), the file at the head commit, or at the
 * base commit for removed lines; no link when neither commit is known.
 */
export interface FindingLocation {
    file: string;
    /** null: the whole file. */
    line: number | null;
    side: "new" | "old";
}
export interface LinkBase {
    /** `https://github.com/owner/repo/pull/7`: links then open the PR's "Files changed" view. */
    pullUrl?: string;
    /** `https://github.com/owner/repo`, with `headSha` (and `baseSha` for removed lines): blob links. */
    repoUrl?: string;
    headSha?: string;
    baseSha?: string;
}
/** GitHub's anchor of a file in a pull request's diff view. */
export declare function diffAnchor(path: string): string;
export declare function findingHref(loc: FindingLocation, base: LinkBase): string | null;
