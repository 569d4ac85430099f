import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createClient } from "../../src/github/client.js";
import { describeApiError, isPermissionError } from "../../src/github/errors.js";
import { fetchConfig, fetchDefaultBranchFile, fetchPullFiles } from "../../src/github/fetch.js";
import { createGitHubPort } from "../../src/github/octokit-port.js";

const API = "https://api.github.com";
const quiet = { warn: () => {} };
const client = () => createClient({ auth: "t", tuning: { retryAfterBaseValue: 1, throttle: false }, log: quiet });
const ref = { owner: "o", repo: "r", pull_number: 5 };

function page(n: number, from: number) {
  return Array.from({ length: n }, (_, i) => ({
    filename: `f${from + i}.txt`,
    status: "modified",
    additions: 1,
    deletions: 0,
    patch: "@@ -1 +1,2 @@\n a\n+b",
  }));
}

describe("fetch helpers", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  test("fetchPullFiles follows Link pages and stops without an extra request", async () => {
    const scope = nock(API)
      .get("/repos/o/r/pulls/5/files")
      .query({ per_page: "100", page: "1" })
      .reply(200, page(100, 0), { link: `<${API}/repositories/1/pulls/5/files?per_page=100&page=2>; rel="next"` })
      .get("/repos/o/r/pulls/5/files")
      .query({ per_page: "100", page: "2" })
      .reply(200, page(100, 100));
    const { files, truncated } = await fetchPullFiles(client(), ref);
    expect(files).toHaveLength(200);
    expect(truncated).toBe(false);
    expect(scope.isDone()).toBe(true);
  });

  test("fetchPullFiles caps at the limit and says the list was truncated", async () => {
    nock(API).get("/repos/o/r/pulls/5/files").query(true).reply(200, page(100, 0), { link: '<x?page=2>; rel="next"' });
    const { files, truncated } = await fetchPullFiles(client(), ref, 100);
    expect(files).toHaveLength(100);
    expect(truncated).toBe(true);
  });

  test("the port's pullCommits stops at 250 and says the list was truncated", async () => {
    const commits = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ sha: `s${i}`, commit: { message: "m" }, author: null, committer: null }));
    nock(API)
      .get("/repos/o/r/pulls/5/commits")
      .query({ per_page: "100", page: "1" })
      .reply(200, commits(100), { link: '<x>; rel="next"' })
      .get("/repos/o/r/pulls/5/commits")
      .query({ per_page: "100", page: "2" })
      .reply(200, commits(100), { link: '<x>; rel="next"' })
      .get("/repos/o/r/pulls/5/commits")
      .query({ per_page: "100", page: "3" })
      .reply(200, commits(100), { link: '<x>; rel="next"' });
    const listed = await createGitHubPort(client()).pullCommits({ owner: "o", repo: "r", number: 5 });
    expect(listed.items).toHaveLength(250);
    expect(listed.truncated).toBe(true);
  });

  test("fetchConfig reads the raw file at the base sha, null on 404", async () => {
    const scope = nock(API, { reqheaders: { accept: /raw/ } })
      .get(/\/repos\/o\/r\/contents\/\.github(%2F|\/)ai-review-gate\.yml$/)
      .query({ ref: "base123" })
      .reply(200, "gate:\n  threshold: high\n", { "content-type": "application/vnd.github.raw" })
      .get(/\/repos\/o\/r\/contents\/missing\.yml$/)
      .query({ ref: "base123" })
      .reply(404, { message: "Not Found" });
    const repo = { owner: "o", repo: "r" };
    expect(await fetchConfig(client(), repo, "base123", ".github/ai-review-gate.yml")).toBe(
      "gate:\n  threshold: high\n",
    );
    expect(await fetchConfig(client(), repo, "base123", "missing.yml")).toBeNull();
    expect(scope.isDone()).toBe(true);
  });

  test("fetchDefaultBranchFile: the file with its ETag, 304 when unchanged, 404 told apart, no blobs", async () => {
    const text = "gate:\n  policy: all\n";
    const file = (extra = {}) => ({
      type: "file",
      encoding: "base64",
      size: text.length,
      sha: "b".repeat(40),
      content: Buffer.from(text).toString("base64"),
      ...extra,
    });
    const scope = nock(API)
      .get(/\/repos\/org\/\.github\/contents\/\.github(%2F|\/)gate\.yml$/)
      .reply(200, file(), { etag: '"e1"' })
      .get(/\/repos\/org\/\.github\/contents\/\.github(%2F|\/)gate\.yml$/)
      .matchHeader("if-none-match", '"e1"')
      .reply(304)
      .get(/\/repos\/org\/\.github\/contents\/missing\.yml$/)
      .reply(404, { message: "Not Found" })
      .get("/repos/org/.github")
      .reply(200, { default_branch: "trunk" })
      .get(/\/repos\/org\/private\/contents\/x\.yml$/)
      .reply(404, { message: "Not Found" })
      .get("/repos/org/private")
      .reply(404, { message: "Not Found" })
      .get(/\/repos\/org\/\.github\/contents\/dir$/)
      .reply(200, [file()])
      .get(/\/repos\/org\/\.github\/contents\/big\.yml$/)
      .reply(200, file({ size: 2_000_000, encoding: "none", content: "" }))
      .get(/\/repos\/org\/\.github\/contents\/bin\.yml$/)
      .reply(200, file({ content: Buffer.from("a\0b").toString("base64") }));
    const central = { owner: "org", repo: ".github" };
    const found = await fetchDefaultBranchFile(client(), central, ".github/gate.yml");
    expect(found).toEqual({ status: "found", text, blobSha: "b".repeat(40), etag: '"e1"' });
    expect(await fetchDefaultBranchFile(client(), central, ".github/gate.yml", '"e1"')).toEqual({
      status: "unchanged",
    });
    expect(await fetchDefaultBranchFile(client(), central, "missing.yml")).toEqual({
      status: "no-file",
      branch: "trunk",
    });
    expect(await fetchDefaultBranchFile(client(), { owner: "org", repo: "private" }, "x.yml")).toEqual({
      status: "no-repository",
    });
    expect(await fetchDefaultBranchFile(client(), central, "dir")).toMatchObject({ status: "unreadable" });
    expect(await fetchDefaultBranchFile(client(), central, "big.yml")).toMatchObject({ status: "unreadable" });
    expect(await fetchDefaultBranchFile(client(), central, "bin.yml")).toMatchObject({ status: "unreadable" });
    expect(scope.isDone()).toBe(true);
  });

  test("5xx is retried, then reported with status and route", async () => {
    const scope = nock(API).get("/repos/o/r/pulls/5/files").query(true).times(3).reply(502, { message: "Bad Gateway" });
    const c = createClient({ auth: "t", tuning: { retries: 2, retryAfterBaseValue: 1, throttle: false }, log: quiet });
    const err = await fetchPullFiles(c, ref).catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(describeApiError(err, "listing files")).toMatch(
      /^listing files failed: HTTP 502 .*GET .*\/pulls\/5\/files\)$/,
    );
  });

  test("a 5xx followed by success recovers transparently", async () => {
    nock(API)
      .get("/repos/o/r/pulls/5/files")
      .query(true)
      .reply(500, { message: "boom" })
      .get("/repos/o/r/pulls/5/files")
      .query(true)
      .reply(200, page(3, 0));
    expect((await fetchPullFiles(client(), ref)).files).toHaveLength(3);
  });

  test("403 'Resource not accessible by integration' is a permission error; a rate limit is not", async () => {
    nock(API)
      .post("/repos/o/r/issues/5/comments")
      .reply(403, { message: "Resource not accessible by integration" })
      .post("/repos/o/r/issues/5/comments")
      .reply(403, { message: "API rate limit exceeded for installation" }, { "x-ratelimit-remaining": "1" });
    const c = client();
    const post = () =>
      c.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner: "o",
        repo: "r",
        issue_number: 5,
        body: "x",
      });
    expect(isPermissionError(await post().catch((e: unknown) => e))).toBe(true);
    expect(isPermissionError(await post().catch((e: unknown) => e))).toBe(false);
  });
});
