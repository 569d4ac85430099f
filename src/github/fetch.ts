import type { GitHubClient, RepoRef } from "./client.js";
import { isPermissionError, statusOf } from "./errors.js";
import type { ApiPullFile } from "./files.js";
import type { DefaultBranchFile } from "./port.js";

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

/** Contents larger than this are not a config file (the contents API stops inlining them at 1 MB). */
const MAX_DEFAULT_BRANCH_FILE = 512 * 1024;

/**
 * A file at a repository's default branch (the contents API without `ref`), conditionally when an ETag
 * is known. A 404 costs one more request (`GET /repos/{owner}/{repo}`) to tell a missing file (naming
 * the default branch) from a repository this token cannot read.
 */
export async function fetchDefaultBranchFile(
  client: GitHubClient,
  repo: RepoRef,
  path: string,
  etag?: string | null,
): Promise<DefaultBranchFile> {
  let res: { data: unknown; headers: { etag?: string } };
  try {
    res = await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...repo,
      path: path.replace(/^\.?\//, ""),
      ...(etag ? { headers: { "if-none-match": etag } } : {}),
    });
  } catch (e) {
    if (statusOf(e) === 304) return { status: "unchanged" };
    if (isPermissionError(e)) return { status: "no-repository" };
    if (statusOf(e) !== 404) throw e;
    try {
      const about = await client.request("GET /repos/{owner}/{repo}", { ...repo });
      const branch = (about.data as { default_branch?: string }).default_branch ?? "the default branch";
      return { status: "no-file", branch };
    } catch (again) {
      if (statusOf(again) === 404 || isPermissionError(again)) return { status: "no-repository" };
      throw again;
    }
  }
  const data = res.data as { type?: string; encoding?: string; content?: string; sha?: string; size?: number };
  if (Array.isArray(res.data) || data.type !== "file") return { status: "unreadable", reason: "it is not a file" };
  if ((data.size ?? 0) > MAX_DEFAULT_BRANCH_FILE || data.encoding !== "base64")
    return { status: "unreadable", reason: `it is larger than ${MAX_DEFAULT_BRANCH_FILE / 1024} KB` };
  const bytes = Buffer.from(data.content ?? "", "base64");
  if (bytes.includes(0)) return { status: "unreadable", reason: "it is not a text file" };
  return { status: "found", text: bytes.toString("utf8"), blobSha: data.sha ?? "", etag: res.headers.etag ?? null };
}
