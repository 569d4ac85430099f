import { Octokit } from "@octokit/rest";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { validateGitHubRequest as validate } from "../support/openapi.js";

const API = "https://api.github.com";

describe("GitHub OpenAPI request validation (the nock layer's spec check)", () => {
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("accepts the requests the Action, the App and protect make", async () => {
    nock.disableNetConnect();
    const seen: string[] = [];
    const scope = nock(API)
      .persist()
      .get(/.*/)
      .reply(200, [])
      .post(/.*/)
      .reply(201, {})
      .patch(/.*/)
      .reply(200, {})
      .put(/.*/)
      .reply(200, {})
      .delete(/.*/)
      .reply(204);
    scope.on("request", (req: { method: string; url: string }, _i: unknown, body: string) => {
      seen.push(...validate({ method: req.method, url: req.url, body }));
    });
    const o = new Octokit({ auth: "x", retry: { enabled: false } });
    const r = { owner: "o", repo: "r" };
    await o.paginate(o.rest.pulls.listFiles, { ...r, pull_number: 2, per_page: 100 });
    await o.rest.pulls.listCommits({ ...r, pull_number: 2, per_page: 100 });
    await o.rest.repos.getContent({ ...r, path: ".github/ai-review-gate.yml", ref: "abc" });
    await o.rest.issues.createComment({ ...r, issue_number: 2, body: "x" });
    await o.rest.issues.setLabels({ ...r, issue_number: 2, labels: ["a"] });
    await o.rest.checks.create({
      ...r,
      name: "AI Review Gate",
      head_sha: "abc",
      status: "in_progress",
      output: { title: "t", summary: "s" },
    });
    await o.rest.checks.listForRef({ ...r, ref: "abc", check_name: "AI Review Gate" });
    await o.rest.repos.getCollaboratorPermissionLevel({ ...r, username: "u" });
    expect(seen).toEqual([]);
  });

  it("rejects endpoints that do not exist and methods an endpoint lacks", () => {
    expect(validate({ method: "GET", url: `${API}/repos/o/r/frobs` })[0]).toMatch(/no such endpoint/);
    expect(validate({ method: "POST", url: `${API}/repos/o/r/pulls/2/files`, body: "{}" })[0]).toMatch(
      /has no POST operation/,
    );
  });

  it("rejects wrong field names, bad enums, missing required fields and mistyped parameters", () => {
    const checkRun = (body: object) =>
      validate({ method: "POST", url: `${API}/repos/o/r/check-runs`, body: JSON.stringify(body) });
    expect(checkRun({ name: "x", head_sha: "a", conclusion: "succes", status: "completed" }).join()).toMatch(
      /conclusion must be equal to one of the allowed values/,
    );
    expect(checkRun({ nme: "x", head_sha: "a" }).join()).toMatch(/required property 'name'/);
    expect(validate({ method: "GET", url: `${API}/repos/o/r/pulls/abc/files` })[0]).toMatch(
      /pull_number=abc is not a valid integer/,
    );
    expect(validate({ method: "GET", url: `${API}/repos/o/r/pulls/2/files?perpage=100` })[0]).toMatch(
      /unknown query parameter "perpage"/,
    );
  });

  it("picks the most specific route when refs and paths contain slashes", () => {
    expect(
      validate({ method: "GET", url: `${API}/repos/o/r/commits/feature/x/check-runs?check_name=AI%20Review%20Gate` }),
    ).toEqual([]);
    expect(validate({ method: "GET", url: `${API}/repos/o/r/contents/.github/ai-review-gate.yml?ref=abc` })).toEqual(
      [],
    );
  });
});
