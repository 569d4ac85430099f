import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locateColumn, locateWord } from "../../../src/migrations/sql-locate.js";

// The regexes the hand matchers stand for (built per name, as the SQL analysis did before).
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const byRegex = (text: string, from: number, to: number, re: RegExp, fallback: number) => {
  const m = re.exec(text.slice(from, to));
  return m ? from + m.index : fallback;
};
const COLUMN_RES = {
  RENAME: (col: string) => new RegExp(`RENAME\\s+(?:COLUMN\\s+)?["\`]?${escapeRe(col)}`, "i"),
  DROP: (col: string) => new RegExp(`\\bDROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?["\`]?${escapeRe(col)}\\b`, "i"),
  ALTER: (col: string) => new RegExp(`\\bALTER\\s+(?:COLUMN\\s+)?["\`]?${escapeRe(col)}\\b`, "i"),
} as const;

// Statement text built from the pieces that decide a match: keywords in any case, spaces, quotes, names.
const piece = fc.constantFrom(
  "ALTER",
  "alter",
  "DROP",
  "Drop",
  "RENAME",
  "COLUMN",
  "column",
  "IF",
  "EXISTS",
  "if exists",
  " ",
  "  ",
  "\t",
  "\n",
  '"',
  "`",
  "c1",
  "C1",
  "c10",
  "col",
  "column_x",
  "x",
  "_",
  ";",
  ",",
  "(",
  "é",
  "\u212a",
  "k",
);
const junk = fc.array(piece, { maxLength: 6 }).map((p) => p.join(""));
const space = fc.constantFrom("", " ", "  ", "\t", "\n ");
const anyCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((up) => [...word].map((ch, i) => (up[i] ? ch.toUpperCase() : ch.toLowerCase())).join(""));
type Clause = keyof typeof COLUMN_RES;
/** The clause looked for, written nearly or exactly as the regex wants it, between junk. */
const clauseText = (clause: Clause, col: string) =>
  fc
    .tuple(
      junk,
      fc.oneof(anyCase(clause), anyCase(clause), fc.constantFrom("ALTER", "DROP", "RENAME")),
      space,
      fc.option(fc.tuple(anyCase("COLUMN"), space)),
      fc.option(fc.tuple(anyCase("IF"), space, anyCase("EXISTS"), space)),
      fc.constantFrom("", '"', "`"),
      fc.oneof(anyCase(col), fc.constant(col), fc.constant(`${col}x`)),
      junk,
    )
    .map((parts) =>
      parts
        .flat(2)
        .filter((x): x is string => typeof x === "string")
        .join(""),
    );
const text = fc.oneof(
  fc.array(piece, { maxLength: 14 }).map((p) => p.join("")),
  junk,
);
const name = fc.oneof(
  fc.constantFrom("c1", "C1", "col", "column", "k", "x", "_", "c10", "exists", "drop", "a b", "c.1", "", "é"),
  fc.stringMatching(/^\w{1,4}$/),
);

describe("locating a clause in a statement", () => {
  it("locateWord agrees with the \\bNAME\\b regex", () => {
    let found = 0;
    fc.assert(
      fc.property(
        name.chain((n) =>
          fc.tuple(
            fc.oneof(
              text,
              fc.tuple(junk, fc.constantFrom(n, `${n}_`, `x${n}`), junk, fc.constant(n), junk).map((p) => p.join("")),
            ),
            fc.constant(n),
          ),
        ),
        fc.nat(8),
        fc.nat(40),
        ([t, n], a, b) => {
          const from = Math.min(a, t.length);
          const to = Math.min(t.length, from + b);
          const at = locateWord(t, from, to, n, -1);
          if (at >= 0) found++;
          expect(at).toBe(byRegex(t, from, to, new RegExp(`\\b${escapeRe(n)}\\b`), -1));
        },
      ),
      { numRuns: 3000 },
    );
    expect(found).toBeGreaterThan(100);
  });

  it("locateColumn agrees with the clause regexes", () => {
    const cases = fc
      .tuple(fc.constantFrom<Clause>("RENAME", "DROP", "ALTER"), name)
      .chain(([clause, col]) =>
        fc.tuple(
          fc.constant(clause),
          fc.constant(col),
          fc.oneof(text, clauseText(clause, col), clauseText(clause, col)),
        ),
      );
    let found = 0;
    fc.assert(
      fc.property(cases, fc.nat(4), ([clause, col, t], a) => {
        const from = Math.min(a, t.length);
        const at = locateColumn(t, from, t.length, clause, col, -1);
        if (at >= 0) found++;
        expect(at).toBe(byRegex(t, from, t.length, COLUMN_RES[clause](col), -1));
      }),
      { numRuns: 5000 },
    );
    // The generator must reach real matches, not only misses.
    expect(found).toBeGreaterThan(100);
  });

  it("finds the clause, not an earlier mention of the name", () => {
    const sql = "ALTER TABLE c1 DROP COLUMN IF EXISTS `c1`";
    expect(locateColumn(sql, 0, sql.length, "DROP", "c1", -1)).toBe(15);
    expect(locateWord("DROP TABLE t1_c2, t1", 0, 20, "t1", -1)).toBe(18);
  });
});
