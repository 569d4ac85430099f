// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { gitHistoryRewriteRule } from "../../../src/rules/destructive-command/git-history-rewrite.js";
import { addedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("destructive-command/git-history-rewrite", () => {
  it("flags force pushes high and lease/reset/clean lower", async () => {
    const diff = addedFile(".github/workflows/sync.yml", [
      "jobs:",
      "  sync:",
      "    steps:",
      "      - run: git push --force origin HEAD:main",
      "      - run: git push -f origin latest",
      "      - run: git push --force-with-lease origin bot/update",
      "      - run: git reset --hard origin/main",
      "      - run: git clean -fdx",
    ]);
    const f = await runRule(gitHistoryRewriteRule, diff);
    expect(f.map((x) => x.severity)).toEqual(["high", "high", "medium", "medium", "medium"]);
    expect(f[0]!.message).toContain("HEAD:main");
  });

  it("ignores normal pushes and unrelated -f flags", async () => {
    const diff = addedFile("scripts/release.sh", [
      "git push origin main --tags",
      "git tag -f v1 && git push origin v1",
      "git clean -n",
      "docker push -f image",
    ]);
    expect(await runRule(gitHistoryRewriteRule, diff)).toEqual([]);
  });
});

ruleTester(gitHistoryRewriteRule, {
  valid: [
    { name: "a normal push", diff: addedFile("scripts/release.sh", ["git push origin main --tags"]) },
    { name: "a comment", diff: addedFile("scripts/release.sh", ["# never: git push --force"]) },
  ],
  invalid: [
    {
      name: "a force push in a workflow",
      diff: addedFile(".github/workflows/release.yml", [
        "jobs:",
        "  r:",
        "    steps:",
        "      - run: git push --force origin main",
      ]),
      findings: [{ line: 4, severity: "high", message: "git push --force to main (overwrites remote history)" }],
    },
    {
      name: "git reset --hard",
      diff: addedFile("Makefile", ["reset:", "\tgit reset --hard origin/main"]),
      findings: [{ line: 2, severity: "medium" }],
    },
    {
      name: "moving a release tag is low: one ref repointed, no history lost",
      diff: addedFile(".github/workflows/release.yml", [
        "jobs:",
        "  major-tag:",
        "    steps:",
        "      - run: |",
        '          git tag --force "$major" "$GITHUB_SHA"',
        '          git push --force origin "refs/tags/$major"',
        "      - run: git push -f origin v1",
        '      - run: git push --force origin "${{ steps.version.outputs.major }}"',
      ]),
      findings: [
        { line: 6, severity: "low", message: "moves the tag" },
        { line: 7, severity: "low" },
        { line: 8, severity: "low" },
      ],
    },
  ],
});
