import type { CentralFile, CentralReader, ConfigLocation } from "../src/config/extends.js";
import type { GitHubPort } from "../src/github/port.js";

/**
 * The central config files `extends:` names, read through the delivery's installation at the central
 * repository's default branch. A delivery reads each file once, however many PRs it evaluates; across
 * deliveries the App keeps each file's blob SHA and ETag, so asking again is a conditional request that
 * GitHub answers 304 (not counted against the rate limit) until the file changes. Only found files are
 * kept: a missing or unreadable one is asked again by the next delivery.
 */
export class CentralFiles {
  private readonly known = new Map<string, { text: string; blobSha: string; etag: string }>();
  constructor(private readonly capacity = 200) {}

  /** A reader for one delivery: each file asked once, concurrent asks share the request. */
  forDelivery(port: Pick<GitHubPort, "fileOnDefaultBranch">): CentralReader {
    const asked = new Map<string, Promise<CentralFile>>();
    return (at) => {
      // GitHub's owner and repository names ignore case; paths in a repository do not.
      const key = `${at.owner}/${at.repo}`.toLowerCase() + `:${at.path}`;
      let pending = asked.get(key);
      if (!pending) {
        pending = this.read(port, at, key);
        asked.set(key, pending);
      }
      return pending;
    };
  }

  private async read(
    port: Pick<GitHubPort, "fileOnDefaultBranch">,
    at: ConfigLocation,
    key: string,
  ): Promise<CentralFile> {
    const repo = `${at.owner}/${at.repo}`;
    if (!at.owner) return { found: false, problem: "the repository's owner is unknown" };
    const cached = this.known.get(key);
    const got = await port.fileOnDefaultBranch({ owner: at.owner, repo: at.repo }, at.path, cached?.etag);
    switch (got.status) {
      case "unchanged":
        if (cached) return { found: true, text: cached.text, version: cached.blobSha.slice(0, 12) };
        throw new Error(`GitHub answered 304 for ${repo}:${at.path} without a cached copy`);
      case "found":
        this.known.delete(key);
        if (got.etag) this.known.set(key, { text: got.text, blobSha: got.blobSha, etag: got.etag });
        if (this.known.size > this.capacity) this.known.delete(this.known.keys().next().value!);
        return { found: true, text: got.text, version: got.blobSha.slice(0, 12) };
      case "no-file":
        this.known.delete(key);
        return { found: false, problem: `${repo} has no ${at.path} on its default branch (${got.branch})` };
      case "no-repository":
        this.known.delete(key);
        return {
          found: false,
          problem: `${repo} does not exist or this App's installation cannot read it: install the App on ${repo} (it needs contents: read), or correct extends`,
        };
      case "unreadable":
        return { found: false, problem: `${repo}:${at.path} cannot be used: ${got.reason}` };
    }
  }
}
