import { describe, expect, test } from "vitest";
import { CentralFiles } from "../../app/central-files.js";
import { MemoryGitHub } from "../support/memory-github.js";
import { BASE, CONFIG, HEAD, World } from "./world.js";

/**
 * Organization-wide config in the App: the base's config `extends:` a central file, read through the
 * installation at the central repository's default branch (never from the PR), each file once per
 * delivery, and conditionally (ETag) across deliveries.
 */

const ORG_REPO = "Codertocat/.github";
const CENTRAL_PATH = ".github/ai-review-gate.yml";

function worldExtending(central: string | null, own = "extends: .github\n"): World {
  const w = new World(own);
  if (central !== null) w.gh.setRepositoryFile(ORG_REPO, CENTRAL_PATH, central);
  w.pull();
  return w;
}

describe("the App reads extends from the central repository's default branch", () => {
  test("the central config gates the PR; the repository's own file adds to it", async () => {
    const w = worldExtending(CONFIG, "extends: .github\ngate:\n  approvals:\n    high: 2\n");
    await w.open();
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
    expect(w.gh.runsOn(HEAD)[0]!.title).toMatch(/needs 2 more sign-offs/);
    expect(w.gh.calls.filter((c) => c === "fileOnDefaultBranch")).toHaveLength(1);
  });

  test("a PR that edits its own config to drop extends changes nothing: the base is read", async () => {
    const w = worldExtending(CONFIG);
    w.gh.setFile(HEAD, ".github/ai-review-gate.yml", "gate:\n  policy: ai-authored\n");
    await w.open();
    expect(w.gh.conclusion(HEAD)).toBe("action_required");
  });

  test("a missing central repository fails the check closed, saying where and why", async () => {
    const w = worldExtending(null);
    await w.open();
    const run = w.gh.runsOn(HEAD)[0]!;
    expect(run.conclusion).toBe("failure");
    expect(run.summary).toContain("Codertocat/.github does not exist or this App's installation cannot read it");
    expect(run.summary).toContain(`the config on the base branch (${BASE.slice(0, 7)})`);
  });

  test("an invalid central file names itself and its default branch", async () => {
    const w = worldExtending("gate:\n  threshold: extreme\n");
    await w.open();
    const run = w.gh.runsOn(HEAD)[0]!;
    expect(run.conclusion).toBe("failure");
    expect(run.summary).toContain("Codertocat/.github:.github/ai-review-gate.yml");
    expect(run.summary).toMatch(/gate\.threshold \(line 2\)/);
    expect(run.summary).toContain("on its repository's default branch");
  });

  test("a locked setting weakened by the repository fails closed at the repository's line", async () => {
    const w = worldExtending(`${CONFIG}locked: [gate.policy]\n`, "extends: .github\ngate:\n  policy: ai-authored\n");
    await w.open();
    const run = w.gh.runsOn(HEAD)[0]!;
    expect(run.conclusion).toBe("failure");
    expect(run.summary).toMatch(/gate\.policy \(line 3\): locked by Codertocat\/\.github/);
  });
});

describe("central files are read once per delivery and conditionally across deliveries", () => {
  const at = { owner: "Codertocat", repo: ".github", path: CENTRAL_PATH };

  test("one delivery asks once, however many times it needs the file", async () => {
    const gh = new MemoryGitHub();
    gh.setRepositoryFile(ORG_REPO, CENTRAL_PATH, "gate:\n  policy: all\n");
    const read = new CentralFiles().forDelivery(gh);
    const [a, b] = await Promise.all([read(at), read({ ...at, owner: "codertocat" })]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ found: true, text: "gate:\n  policy: all\n" });
    expect(gh.calls).toEqual(["fileOnDefaultBranch"]);
    // Paths are case-sensitive: another file, another read.
    expect(await read({ ...at, path: ".GitHub/ai-review-gate.yml" })).toMatchObject({ found: false });
  });

  test("the next delivery sends the ETag and reuses the text on 304; a changed file is read anew", async () => {
    const gh = new MemoryGitHub();
    gh.setRepositoryFile(ORG_REPO, CENTRAL_PATH, "gate:\n  policy: all\n");
    const seen: (string | null | undefined)[] = [];
    const port = {
      fileOnDefaultBranch: (...a: Parameters<MemoryGitHub["fileOnDefaultBranch"]>) => {
        seen.push(a[2]);
        return gh.fileOnDefaultBranch(...a);
      },
    };
    const central = new CentralFiles();
    const first = await central.forDelivery(port)(at);
    const second = await central.forDelivery(port)(at);
    expect(second).toEqual(first);
    expect(seen[0]).toBeUndefined();
    expect(seen[1]).toMatch(/^"[0-9a-f]{40}"$/);
    gh.setRepositoryFile(ORG_REPO, CENTRAL_PATH, "gate:\n  policy: ai-authored\n");
    expect(await central.forDelivery(port)(at)).toMatchObject({ text: "gate:\n  policy: ai-authored\n" });
  });

  test("a file that disappears is not served from the cache", async () => {
    const gh = new MemoryGitHub();
    gh.setRepositoryFile(ORG_REPO, CENTRAL_PATH, "gate:\n  policy: all\n");
    const central = new CentralFiles();
    await central.forDelivery(gh)(at);
    gh.repositories.delete(ORG_REPO);
    expect(await central.forDelivery(gh)(at)).toMatchObject({ found: false });
  });
});
