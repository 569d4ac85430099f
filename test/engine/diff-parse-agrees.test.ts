import { fc, test } from "@fast-check/vitest";
import parseDiffLib from "parse-diff";
import { describe, expect } from "vitest";
import { parseUnifiedDiff } from "../../src/diff/parse.js";

// parseUnifiedDiff reads hunk bodies itself and hands parse-diff only the file headers (speed: hunk
// bodies are most of a diff). Files, hunks, line numbers and contents must stay parse-diff's own,
// including on bodies whose lines disagree with their hunk header's counts.
const PATHS = ["a/x.ts", "b/y.sql", '"a/q r"', "x", "/dev/null", "1/z"];
const BODY_LINES = ["+a", "-b", " c", "", "\\ No newline at end of file", "+--- a/x", "-+++ b", " @@ -1 +1 @@", "xyz"];
const HEADER_LINES = [
  "new file mode 100644",
  "deleted file mode 100644",
  "old mode 100644",
  "new mode 100755",
  "index 1a..2b 100644",
];

const count = fc.option(fc.nat(4));
const hunk = fc
  .tuple(fc.nat(5), count, fc.nat(5), count, fc.array(fc.constantFrom(...BODY_LINES), { maxLength: 8 }))
  .map(([a, b, c, d, body]) => [
    `@@ -${a}${b === null ? "" : `,${b}`} +${c}${d === null ? "" : `,${d}`} @@ f`,
    ...body,
  ]);
const file = fc
  .tuple(
    fc.boolean(),
    fc.constantFrom(...PATHS),
    fc.constantFrom(...PATHS),
    fc.subarray(HEADER_LINES),
    fc.boolean(),
    fc.boolean(),
    fc.array(hunk, { maxLength: 3 }),
  )
  .map(([git, from, to, extra, minus, plus, hunks]) => [
    ...(git ? [`diff --git ${from} ${to}`] : []),
    ...extra,
    ...(minus ? [`--- ${from}`] : []),
    ...(plus ? [`+++ ${to}\t2020-01-01 10:00:00`] : []),
    ...hunks.flat(),
  ]);

/** What parse-diff makes of the same text (markers dropped first, as parseUnifiedDiff documents). */
function byParseDiff(text: string) {
  const sections = text.split(/\n(?=diff --git )/);
  return sections.flatMap((s, i) => {
    const section = i < sections.length - 1 ? `${s}\n` : s;
    const lines = section.split("\n").filter((l) => l[0] !== "\\");
    return parseDiffLib(lines.join("\n")).map((f) => ({
      modes: [f.oldMode, f.newMode],
      hunks: f.chunks.map((c) => ({
        counts: [c.oldStart, c.oldLines, c.newStart, c.newLines],
        changes: c.changes.map((ch) =>
          ch.type === "normal"
            ? ["context", ch.content.slice(1), ch.ln1, ch.ln2]
            : [ch.type, ch.content.slice(1), ch.ln],
        ),
      })),
    }));
  });
}

describe("parseUnifiedDiff agrees with parse-diff", () => {
  test.prop([fc.array(file, { minLength: 1, maxLength: 5 }), fc.boolean()])(
    "on files, hunks, line numbers and contents",
    (files, trailingNewline) => {
      const text = files.flat().join("\n") + (trailingNewline ? "\n" : "");
      const expected = byParseDiff(text);
      let parsed: ReturnType<typeof parseUnifiedDiff>["files"];
      try {
        parsed = parseUnifiedDiff(text).files;
      } catch {
        return; // no file with a path: nothing to compare
      }
      // Files without a path are skipped (with a warning): compare only when none was.
      if (parsed.length !== expected.length) return;
      expect(
        parsed.map((f) => ({
          modes: [f.oldMode, f.newMode],
          hunks: f.hunks.map((h) => ({
            counts: [h.oldStart, h.oldLines, h.newStart, h.newLines],
            changes: h.changes.map((c) =>
              c.type === "context"
                ? ["context", c.content, c.oldLine, c.newLine]
                : [c.type, c.content, c.type === "add" ? c.newLine : c.oldLine],
            ),
          })),
        })),
      ).toEqual(expected);
    },
  );
});
