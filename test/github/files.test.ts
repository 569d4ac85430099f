import { describe, expect, test } from "vitest";
import type { DiffLine } from "../../src/diff/model.js";
import { analyze } from "../../src/engine/analyze.js";
import { changedFilesFromPullFiles } from "../../src/github/files.js";

/** A side's lines as the public DiffLine shape (the parser's objects also carry their hunk change's fields). */
const lineAndContent = ({ line, content }: DiffLine) => ({ line, content });

describe("changedFilesFromPullFiles", () => {
  test("modified file: lines numbered from the hunk header", () => {
    const { files, notAnalyzed } = changedFilesFromPullFiles([
      {
        filename: "src/app.ts",
        status: "modified",
        additions: 2,
        deletions: 1,
        patch:
          "@@ -10,3 +10,4 @@ export function main() {\n const a = 1;\n-const b = 2;\n+const b = 3;\n+const c = 4;\n return a;",
      },
    ]);
    expect(notAnalyzed).toEqual([]);
    expect(files).toHaveLength(1);
    const f = files[0]!;
    expect(f).toMatchObject({ path: "src/app.ts", status: "modified", binary: false });
    expect(f.added.map(lineAndContent)).toEqual([
      { line: 11, content: "const b = 3;" },
      { line: 12, content: "const c = 4;" },
    ]);
    expect(f.removed.map(lineAndContent)).toEqual([{ line: 11, content: "const b = 2;" }]);
    expect(f.hunks[0]?.header).toBe("export function main() {");
  });

  test("added, removed, renamed and copied files keep paths and status from the API", () => {
    const { files } = changedFilesFromPullFiles([
      {
        filename: "db/001.sql",
        status: "added",
        additions: 1,
        deletions: 0,
        patch: "@@ -0,0 +1 @@\n+DROP TABLE users;",
      },
      { filename: "old.txt", status: "removed", additions: 0, deletions: 1, patch: "@@ -1 +0,0 @@\n-bye" },
      {
        filename: "dir with space/new name.ts",
        previous_filename: "old name.ts",
        status: "renamed",
        additions: 1,
        deletions: 1,
        patch: "@@ -1 +1 @@\n-a\n+b",
      },
      { filename: "b.ts", previous_filename: "a.ts", status: "copied", additions: 0, deletions: 0 },
      { filename: "same.ts", status: "unchanged", additions: 0, deletions: 0 },
    ]);
    expect(files.map((f) => [f.path, f.status, f.oldPath])).toEqual([
      ["db/001.sql", "added", undefined],
      ["old.txt", "deleted", undefined],
      ["dir with space/new name.ts", "renamed", "old name.ts"],
      ["b.ts", "renamed", "a.ts"],
    ]);
    expect(files[0]?.added.map(lineAndContent)).toEqual([{ line: 1, content: "DROP TABLE users;" }]);
    expect(files[1]?.removed.map(lineAndContent)).toEqual([{ line: 1, content: "bye" }]);
    expect(files.every((f) => f.patchMissing === undefined)).toBe(true);
  });

  test("a missing patch is recorded with the reason, and the file still counts", () => {
    const { files, notAnalyzed } = changedFilesFromPullFiles([
      { filename: "infra/main.tf", status: "removed", additions: 0, deletions: 4200 },
      { filename: "logo.png", status: "modified", additions: 0, deletions: 0 },
      { filename: "run.sh", status: "changed", additions: 0, deletions: 0 },
      { filename: "empty.py", status: "added", additions: 0, deletions: 0 },
    ]);
    expect(files.map((f) => f.status)).toEqual(["deleted", "modified", "modified", "added"]);
    expect(files[0]?.patchMissing).toMatch(/too large.*4200/);
    expect(files[1]).toMatchObject({ binary: true, patchMissing: expect.stringMatching(/binary/) });
    expect(files[2]?.patchMissing).toBeUndefined();
    expect(files[3]?.patchMissing).toBeUndefined();
    expect(notAnalyzed.map((n) => n.file)).toEqual(["infra/main.tf", "logo.png"]);
  });

  test("lines that look like diff headers inside a patch stay content", () => {
    const { files } = changedFilesFromPullFiles([
      {
        filename: "docs/diff.md",
        status: "modified",
        additions: 2,
        deletions: 0,
        patch: "@@ -1,1 +1,3 @@\n intro\n+--- a/x\n+diff --git a/x b/x\n\\ No newline at end of file",
      },
    ]);
    expect(files[0]?.added.map((l) => l.content)).toEqual(["--- a/x", "diff --git a/x b/x"]);
  });

  test("the engine still reports a deleted file whose patch GitHub omitted", async () => {
    const { files, notAnalyzed } = changedFilesFromPullFiles([
      { filename: "infra/prod/main.tf", status: "removed", additions: 0, deletions: 9000 },
    ]);
    const report = await analyze({ diff: files, notAnalyzed });
    expect(report.notAnalyzed).toEqual([{ file: "infra/prod/main.tf", reason: expect.stringMatching(/too large/) }]);
    expect(report.stats.files).toBe(1);
  });
});
