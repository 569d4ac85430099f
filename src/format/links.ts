import { createHash } from "node:crypto";
import { encodePath } from "../text/url.js";

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
export function diffAnchor(path: string): string {
  return `diff-${createHash("sha256").update(path).digest("hex")}`;
}

/** Only URLs of the shape GitHub gives are used: a link base can never carry Markdown or a script URL. */
const PULL_URL = /^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9._-]+)*\/pull\/\d+$/;
const REPO_URL = /^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9._-]+)+$/;
const SHA = /^[0-9a-f]{7,64}$/i;

export function findingHref(loc: FindingLocation, base: LinkBase): string | null {
  if (base.pullUrl && PULL_URL.test(base.pullUrl)) {
    const line = loc.line === null ? "" : `${loc.side === "old" ? "L" : "R"}${loc.line}`;
    return `${base.pullUrl}/files#${diffAnchor(loc.file)}${line}`;
  }
  if (!base.repoUrl || !REPO_URL.test(base.repoUrl)) return null;
  const sha = loc.side === "old" ? base.baseSha : base.headSha;
  if (!sha || !SHA.test(sha)) return null;
  return `${base.repoUrl}/blob/${sha}/${encodePath(loc.file)}${loc.line === null ? "" : `#L${loc.line}`}`;
}
