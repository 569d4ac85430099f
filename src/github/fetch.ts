import type { GitHubClient, RepoRef } from "./client.js";
import { statusOf } from "./errors.js";
import type { ApiPullFile } from "./files.js";

/** GitHub lists at most 3,000 files and 250 commits for a pull request. */
export const MAX_PULL_FILES = 3000;
export const MAX_PULL_COMMITS = 250;
const PER_PAGE = 100;

export function hasNextPage(headers: { link?: string | undefined }): boolean {
  return typeof headers.link === "string" && /rel="next"/.test(headers.link);
}

export interface FetchedFiles {
  files: ApiPullFile[];
  /** True when the PR has more files than GitHub lists (the rest cannot be analyzed). */
  truncated: boolean;
}

/**
 * All changed files of a pull request with their patches, 100 per request, following the Link header
 * (so a PR of exactly 100·n files costs n requests), up to GitHub's 3,000-file limit.
 */
export async function fetchPullFiles(
  client: GitHubClient,
  ref: RepoRef & { pull_number: number },
  limit = MAX_PULL_FILES,
): Promise<FetchedFiles> {
  const files: ApiPullFile[] = [];
  for (let page = 1; ; page++) {
    const res = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
      ...ref,
      per_page: PER_PAGE,
      page,
    });
    files.push(...(res.data as ApiPullFile[]));
    if (files.length >= limit) return { files: files.slice(0, limit), truncated: hasNextPage(res.headers) };
    if (!hasNextPage(res.headers) || res.data.length === 0) return { files, truncated: false };
  }
}

/**
 * The config file's text at the BASE commit, or null when it does not exist there. Reading the base,
 * never the head, means a pull request cannot weaken the policy that judges it.
 */
export async function fetchConfig(
  client: GitHubClient,
  repo: RepoRef,
  baseSha: string,
  path: string,
): Promise<string | null> {
  try {
    const res = await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...repo,
      path: path.replace(/^\.?\//, ""),
      ref: baseSha,
      mediaType: { format: "raw" },
    });
    const data: unknown = res.data;
    if (typeof data === "string") return data;
    if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
    if (data && typeof data === "object" && !Array.isArray(data) && "content" in data) {
      const content = (data as { content?: string; encoding?: string }).content ?? "";
      return Buffer.from(content, "base64").toString("utf8");
    }
    throw new Error(`config path ${path} is not a file at ${baseSha.slice(0, 7)}`);
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}
