/**
 * Where in a parsed statement's text an operation on a named object is written: the AST gives the
 * object's name but not the offset of the clause. These are the regexes
 *   `\bNAME\b`                                                        (locateWord)
 *   `RENAME\s+(?:COLUMN\s+)?["`]?COL`                                   (locateColumn "RENAME", /i)
 *   `\bDROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?["`]?COL\b`             (locateColumn "DROP", /i)
 *   `\bALTER\s+(?:COLUMN\s+)?["`]?COL\b`                               (locateColumn "ALTER", /i)
 * run on `text.slice(from, to)`. Building a RegExp per name costs a compilation each (tens of µs for a
 * name not seen before), so plain names (word characters only, the usual case) are matched by hand with
 * the same result; other names still go through the built regex.
 */
/** The first whole-word, case-sensitive occurrence of `name` in [from, to) of text, or `fallback`. */
export declare function locateWord(text: string, from: number, to: number, name: string, fallback: number): number;
type ColumnClause = "RENAME" | "DROP" | "ALTER";
/** The start of the clause `KEYWORD [COLUMN] [IF EXISTS] ["`]col` in [from, to) of text, or `fallback`. */
export declare function locateColumn(text: string, from: number, to: number, clause: ColumnClause, col: string, fallback: number): number;
export {};
