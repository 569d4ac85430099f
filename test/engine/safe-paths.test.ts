import { describe, expect, it } from "vitest";
import { FAKE } from "../secrets/fixtures.js";
import { addedFile, scan } from "../support/diff.js";

/**
 * Path-based exemptions (`gate.safe_paths`, `paths.ignore`) say what a file is, never what it holds: a
 * secret committed to README.md, docs/ or an ignored folder is exposed all the same. Only
 * `secrets.allowlist` exempts a secret.
 */

const TOKEN_LINE = `Use this token for the demo: ${FAKE.githubPat}`;
const docs = (path: string) => addedFile(path, ["# Setup", TOKEN_LINE]);
const ALL = { gate: { policy: "all" as const } };

describe("a secret is never exempted by a path", () => {
  it.each(["README.md", "docs/setup.md", "notes.txt", "LICENSE", ".github/ISSUE_TEMPLATE/bug.md"])(
    "a token in %s (a default safe path) is reported and the PR is not auto-approved",
    async (path) => {
      const report = await scan(docs(path), { config: ALL });
      expect(report.findings.some((f) => f.category === "secrets" && f.file === path)).toBe(true);
      expect(report.gate.reason).not.toContain("safe paths");
      expect(report.gate.required).toBe(true);
    },
  );

  it("a token in a custom safe path, beside other safe files, still gates the PR", async () => {
    const diff = docs("site/content/intro.html") + addedFile("docs/other.md", ["words"]);
    const report = await scan(diff, { config: { gate: { policy: "all", safe_paths: ["site/**", "docs/**"] } } });
    expect(report.gate.required).toBe(true);
  });

  it("a token in an ignored file (paths.ignore) is still found, and the docs beside it do not auto-approve", async () => {
    const diff = docs("vendor/sdk/README.md") + addedFile("docs/guide.md", ["more words"]);
    const report = await scan(diff, { config: { ...ALL, paths: { ignore: ["vendor/**"] } } });
    const secret = report.findings.find((f) => f.category === "secrets");
    expect(secret?.file).toBe("vendor/sdk/README.md");
    expect(secret?.message).not.toContain(FAKE.githubPat);
    expect(report.gate.required).toBe(true);
  });

  it("other rules still skip ignored files", async () => {
    const report = await scan(addedFile("vendor/tool.sh", ["rm -rf /"]), {
      config: { ...ALL, paths: { ignore: ["vendor/**"] } },
    });
    expect(report.findings).toEqual([]);
  });

  it("secrets.allowlist.paths is the one way to exempt a file's secrets", async () => {
    const report = await scan(docs("docs/setup.md"), {
      config: { ...ALL, secrets: { allowlist: { paths: ["docs/**"] } } },
    });
    expect(report.findings.filter((f) => f.category === "secrets")).toEqual([]);
    expect(report.gate.reason).toContain("safe paths");
  });

  it("docs without a secret are still auto-approved (negative)", async () => {
    const report = await scan(addedFile("docs/setup.md", ["# Setup", "Set GITHUB_TOKEN in your environment."]), {
      config: ALL,
    });
    expect(report.gate.required).toBe(false);
    expect(report.gate.reason).toContain("safe paths");
  });
});
