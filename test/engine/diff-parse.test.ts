import { describe, expect, it } from "vitest";
import { type DiffLine, newSideText, oldSideText } from "../../src/diff/model.js";
import { DiffParseError, parseUnifiedDiff } from "../../src/diff/parse.js";
import { addedFile, deletedFile, modifiedFile } from "../support/diff.js";

/** A side's lines as the public DiffLine shape (the parser's objects also carry their hunk change's fields). */
const lineAndContent = ({ line, content }: DiffLine) => ({ line, content });

describe("parseUnifiedDiff", () => {
  it("reads added, deleted and modified files with line numbers on the right side", () => {
    const diff =
      addedFile("a.txt", ["one", "two"]) +
      deletedFile("b.txt", ["gone"]) +
      modifiedFile("c.txt", [" keep", "-old", "+new", "+newer", " tail"], 10);
    const { files, warnings } = parseUnifiedDiff(diff);
    expect(warnings).toEqual([]);
    expect(files.map((f) => [f.path, f.status])).toEqual([
      ["a.txt", "added"],
      ["b.txt", "deleted"],
      ["c.txt", "modified"],
    ]);
    expect(files[0]!.added.map(lineAndContent)).toEqual([
      { line: 1, content: "one" },
      { line: 2, content: "two" },
    ]);
    expect(files[1]!.removed.map(lineAndContent)).toEqual([{ line: 1, content: "gone" }]);
    expect(files[2]!.removed.map(lineAndContent)).toEqual([{ line: 11, content: "old" }]);
    expect(files[2]!.added.map(lineAndContent)).toEqual([
      { line: 11, content: "new" },
      { line: 12, content: "newer" },
    ]);
    expect(newSideText(files[2]!)).toBe("keep\nnew\nnewer\ntail");
    expect(oldSideText(files[2]!)).toBe("keep\nold\ntail");
  });

  it("handles CRLF line endings", () => {
    const diff = modifiedFile("win.txt", ["-a", "+b"]).replace(/\n/g, "\r\n");
    const { files } = parseUnifiedDiff(diff);
    expect(files[0]!.path).toBe("win.txt");
    expect(files[0]!.added.map(lineAndContent)).toEqual([{ line: 1, content: "b" }]);
    expect(files[0]!.removed.map(lineAndContent)).toEqual([{ line: 1, content: "a" }]);
  });

  it("ignores the no-newline marker instead of duplicating the line", () => {
    const diff = [
      "diff --git a/x b/x",
      "index 1..2 100644",
      "--- a/x",
      "+++ b/x",
      "@@ -1 +1 @@",
      "-old",
      "\\ No newline at end of file",
      "+new",
      "\\ No newline at end of file",
      "",
    ].join("\n");
    const { files } = parseUnifiedDiff(diff);
    expect(files[0]!.added.map(lineAndContent)).toEqual([{ line: 1, content: "new" }]);
    expect(files[0]!.removed.map(lineAndContent)).toEqual([{ line: 1, content: "old" }]);
  });

  it("reads pure renames, renames with edits and mode-only changes", () => {
    const diff = [
      "diff --git a/old/name.ts b/new/name.ts",
      "similarity index 100%",
      "rename from old/name.ts",
      "rename to new/name.ts",
      "diff --git a/lib/x.py b/lib/y.py",
      "similarity index 90%",
      "rename from lib/x.py",
      "rename to lib/y.py",
      "index 1..2 100644",
      "--- a/lib/x.py",
      "+++ b/lib/y.py",
      "@@ -1 +1 @@",
      "-a = 1",
      "+a = 2",
      "diff --git a/run.sh b/run.sh",
      "old mode 100644",
      "new mode 100755",
      "",
    ].join("\n");
    const { files } = parseUnifiedDiff(diff);
    expect(files).toHaveLength(3);
    expect(files[0]).toMatchObject({ path: "new/name.ts", oldPath: "old/name.ts", status: "renamed", similarity: 100 });
    expect(files[1]).toMatchObject({ path: "lib/y.py", oldPath: "lib/x.py", status: "renamed" });
    expect(files[1]!.added.map(lineAndContent)).toEqual([{ line: 1, content: "a = 2" }]);
    expect(files[2]).toMatchObject({ path: "run.sh", status: "modified", oldMode: "100644", newMode: "100755" });
    expect(files[2]!.hunks).toEqual([]);
  });

  it("marks binary files as binary with no lines", () => {
    const diff = [
      "diff --git a/logo.png b/logo.png",
      "new file mode 100644",
      "index 0000000..1234567",
      "Binary files /dev/null and b/logo.png differ",
      "",
    ].join("\n");
    const { files } = parseUnifiedDiff(diff);
    expect(files[0]).toMatchObject({ path: "logo.png", status: "added", binary: true, patchMissing: "binary file" });
    expect(files[0]!.added.map(lineAndContent)).toEqual([]);
  });

  it("does not mistake a removed line that looks like a header for a new file", () => {
    const diff = modifiedFile("notes.txt", ["-diff --git a/fake b/fake", "+--- not a header", " ctx"]);
    const { files } = parseUnifiedDiff(diff);
    expect(files).toHaveLength(1);
    expect(files[0]!.removed[0]!.content).toBe("diff --git a/fake b/fake");
    expect(files[0]!.added[0]!.content).toBe("--- not a header");
  });

  it("decodes invalid UTF-8 with replacement characters instead of failing", () => {
    const head = Buffer.from("diff --git a/l.txt b/l.txt\n--- a/l.txt\n+++ b/l.txt\n@@ -1 +1 @@\n-caf");
    const bytes = Buffer.concat([head, Buffer.from([0xe9]), Buffer.from("\n+cafe\n")]);
    const { files } = parseUnifiedDiff(bytes);
    expect(files[0]!.removed[0]!.content).toBe("caf\uFFFD");
    expect(files[0]!.added[0]!.content).toBe("cafe");
  });

  it("keeps very long lines whole", () => {
    const long = "x".repeat(1_000_000);
    const { files } = parseUnifiedDiff(addedFile("big.min.js", [long]));
    expect(files[0]!.added[0]!.content.length).toBe(1_000_000);
  });

  it("treats empty input as an empty diff", () => {
    expect(parseUnifiedDiff("")).toEqual({ files: [], warnings: [] });
    expect(parseUnifiedDiff("  \n\n")).toEqual({ files: [], warnings: [] });
  });

  it("rejects input that is not a diff, saying so", () => {
    expect(() => parseUnifiedDiff("hello world\nthis is prose\n")).toThrow(DiffParseError);
    expect(() => parseUnifiedDiff("hello world\n")).toThrow(/not a unified diff/);
    expect(() => parseUnifiedDiff('{"json": true}')).toThrow(/first line: "\{\\"json\\": true\}"/);
  });

  it("warns about truncated hunks instead of dropping them silently", () => {
    const diff = ["diff --git a/t b/t", "--- a/t", "+++ b/t", "@@ -1,5 +1,5 @@", " a", "-b", "+c", ""].join("\n");
    const { files, warnings } = parseUnifiedDiff(diff);
    expect(files[0]!.added.map(lineAndContent)).toEqual([{ line: 2, content: "c" }]);
    expect(warnings.join()).toMatch(/truncated/);
  });

  it("parses a plain unified diff without git headers", () => {
    const diff = ["--- a/readme", "+++ b/readme", "@@ -1 +1 @@", "-x", "+y", ""].join("\n");
    const { files } = parseUnifiedDiff(diff);
    expect(files[0]).toMatchObject({ path: "readme", status: "modified" });
  });
});
