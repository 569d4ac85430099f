import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { indentOf } from "../../src/diff/line-syntax.js";
import type { SideLine } from "../../src/diff/side.js";
import { enclosingKeys, parseKeyLine, type YamlKey } from "../../src/workflows/yaml-keys.js";

/** The definition: walk up line by line to less-indented lines of the same hunk, at most 3,000 lines. */
function walkUp(lines: readonly SideLine[], index: number): YamlKey[] {
  const start = lines[index];
  if (!start) return [];
  const chain: YamlKey[] = [];
  let col = indentOf(start.text);
  for (let j = index - 1; j >= Math.max(0, index - 3000) && col > 0; j--) {
    const entry = lines[j]!;
    if (entry.hunk !== start.hunk) break;
    const lc = indentOf(entry.text);
    if (lc >= entry.text.length || entry.text[lc] === "#" || lc >= col) continue;
    col = lc;
    const key = parseKeyLine(entry.text, entry.line);
    if (key) chain.push(key);
  }
  if (col > 0) {
    const top = parseKeyLine(start.header, -1);
    if (top && top.col === 0) chain.push(top);
  }
  return chain;
}

const TEXTS = [
  "",
  "  ",
  "# note",
  "  # note",
  "- run: x",
  "name: a",
  "run: |",
  "echo hi",
  "\tsteps:",
  "- uses: a/b@v1",
];
const lineArb = fc.record({
  indent: fc.constantFrom(0, 0, 2, 4, 6, 8, 10),
  text: fc.constantFrom(...TEXTS),
  hunkBreak: fc.boolean(),
});

function sideLines(rows: readonly { indent: number; text: string; hunkBreak: boolean }[]): SideLine[] {
  let hunk = 0;
  return rows.map((r, i) => {
    if (r.hunkBreak && i > 0 && i % 7 === 0) hunk++;
    return {
      line: i + 1,
      text: " ".repeat(r.indent) + r.text,
      changed: true,
      hunk,
      hunkStart: false,
      header: hunk % 2 ? "jobs:" : "",
    };
  });
}

describe("enclosingKeys", () => {
  test.prop([fc.array(lineArb, { minLength: 1, maxLength: 120 })], { numRuns: 400 })(
    "finds what a line-by-line walk up finds, for every line",
    (rows) => {
      const lines = sideLines(rows);
      for (let i = 0; i < lines.length; i++) expect(enclosingKeys(lines, i)).toEqual(walkUp(lines, i));
    },
  );

  it("stops 3,000 lines up, as the walk does, and stays linear on a long list of siblings", () => {
    const rows = [{ indent: 0, text: "jobs:", hunkBreak: false }];
    for (let i = 0; i < 8_000; i++) rows.push({ indent: 6, text: `- run: step ${i}`, hunkBreak: false });
    rows.push({ indent: 2, text: "# a comment does not count", hunkBreak: false });
    rows.push({ indent: 8, text: "name: last", hunkBreak: false });
    const lines = sideLines(rows);
    for (const i of [1, 2_999, 3_000, 3_001, 8_000, 8_001, 8_002])
      expect(enclosingKeys(lines, i), `line ${i}`).toEqual(walkUp(lines, i));
    expect(enclosingKeys(lines, 3_001).map((k) => k.key)).toEqual([]);
    expect(enclosingKeys(lines, 2_999).map((k) => k.key)).toEqual(["jobs"]);
  });
});
