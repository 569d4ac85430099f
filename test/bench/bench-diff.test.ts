import { describe, expect, test } from "vitest";
import { bareRegexPass } from "../../scripts/bench-baseline.js";
import { generateDiff, generateFiles, KINDS, type Size, WARM_UP } from "../../scripts/bench-diff.js";
import { parseUnifiedDiff } from "../../src/diff/parse.js";
import { analyze } from "../../src/engine/analyze.js";

/**
 * The benchmark's figures mean something only if its input is what it claims: a well-formed diff with
 * the stated number of changed lines, the same bytes every run, and a findings-heavy mix that really
 * raises a finding per migration and manifest line.
 */
const SMALL: Size = { name: "test", files: 140, linesPerFile: 50 };

describe("bench diff generator", () => {
  test("a well-formed diff: every file parsed, changed lines as counted, no parser warnings", () => {
    for (const mix of ["mixed", "findings-heavy"] as const) {
      const { text, lines } = generateDiff(SMALL, mix);
      const parsed = parseUnifiedDiff(text);
      expect(parsed.warnings).toEqual([]);
      expect(parsed.files).toHaveLength(SMALL.files);
      const changed = parsed.files.reduce((n, f) => n + f.added.length + f.removed.length, 0);
      expect(changed).toBe(lines);
      // The bare pass counts the same changed lines (file headers are not changes).
      expect(bareRegexPass(text).changed).toBe(lines);
    }
  });

  test("seeded: the same bytes every run, other bytes for another seed", () => {
    expect(generateDiff(SMALL, "mixed", 7).text).toBe(generateDiff(SMALL, "mixed", 7).text);
    expect(generateDiff(SMALL, "mixed", 7).text).not.toBe(generateDiff(SMALL, "mixed", 8).text);
  });

  test("the two mixes differ only in the findings-heavy files' lines", () => {
    const mixed = [...generateFiles(SMALL, "mixed")];
    const heavy = [...generateFiles(SMALL, "findings-heavy")];
    expect(heavy.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual(
      mixed.map((f) => [f.filename, f.status, f.additions, f.deletions]),
    );
    const differing = heavy.filter((f, i) => f.patch !== mixed[i]!.patch).map((f) => f.filename);
    expect(differing.length).toBeGreaterThan(0);
    for (const path of differing) expect(path).toMatch(/^(?:db\/migrations\/.*\.sql|deploy\/k8s\/.*\.yaml)$/);
  });

  test("findings-heavy: each added line of a heavy migration or manifest raises its own finding", async () => {
    const heavy = [...generateFiles(SMALL, "findings-heavy")];
    const mixed = [...generateFiles(SMALL, "mixed")];
    const heavyFiles = heavy.filter((f, i) => f.patch !== mixed[i]!.patch && f.status !== "removed");
    const report = await analyze({ diff: generateDiff(SMALL, "findings-heavy").text });
    for (const f of heavyFiles) {
      const linesWithFindings = new Set(
        report.findings.filter((x) => x.file === f.filename && x.side === "new").map((x) => x.line),
      );
      expect(linesWithFindings.size, f.filename).toBeGreaterThanOrEqual(f.additions);
    }
  });
});

describe("the warm-up diff (the bench's fixed cost)", () => {
  test("holds every file kind, a findings-heavy migration and manifest, in a few hundred lines", () => {
    const kindOf = (path: string) => path.replace(/\d+/g, "N");
    const kinds = new Set([...generateFiles(WARM_UP, "mixed")].map((f) => kindOf(f.filename)));
    const everyKind = new Set([...generateFiles({ ...WARM_UP, files: 2_000 }, "mixed")].map((f) => kindOf(f.filename)));
    expect(everyKind.size).toBe(KINDS.length);
    expect(kinds).toEqual(everyKind);
    const heavy = [...generateFiles(WARM_UP, "findings-heavy")];
    const mixed = [...generateFiles(WARM_UP, "mixed")];
    const differing = heavy.filter((f, i) => f.patch !== mixed[i]!.patch && f.status !== "removed");
    expect(differing.some((f) => f.filename.endsWith(".sql"))).toBe(true);
    expect(differing.some((f) => f.filename.endsWith(".yaml"))).toBe(true);
    expect(generateDiff(WARM_UP, "findings-heavy").lines).toBeLessThan(500);
  });
});
