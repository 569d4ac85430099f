/**
 * Secrets split into string pieces to dodge scanners or line limits: `"ghp_" + "…"`, Python's and C's
 * implicit `"sk_live_" "…"`, or a literal continued on the next lines (`+`, `\`, an open parenthesis).
 * The pieces are joined into one literal so that the line detectors see the whole value.
 *
 * Implicit concatenation (literals side by side) exists only in program source: in shell, YAML or
 * Dockerfiles side-by-side quoted words are separate arguments (`"A=x" \` then `"B=y"`), never joined.
 */

/** Adjacent literals with the same quotes joined by `+`, `.` (PHP, Perl) or `&` (VB). */
const OPERATOR_SEAM = { double: /"\s*(?:\+|\.|&)\s*"/g, single: /'\s*(?:\+|\.|&)\s*'/g };
/** Literals side by side (Python, C, C++, Ruby). */
const IMPLICIT_SEAM = { double: /"\s+"/g, single: /'\s+'/g };

function seams(implicit: boolean): RegExp[] {
  const list = [OPERATOR_SEAM.double, OPERATOR_SEAM.single];
  if (implicit) list.push(IMPLICIT_SEAM.double, IMPLICIT_SEAM.single);
  return list;
}

/** Join adjacent string literals; returns the text unchanged when there is nothing to join. */
export function joinLiterals(text: string, implicit: boolean): string {
  let out = text;
  for (const seam of seams(implicit)) out = out.replace(seam, "");
  return out;
}

const anySeam = (implicit: boolean) =>
  new RegExp(
    seams(implicit)
      .map((seam) => seam.source)
      .join("|"),
  );
/** The seams as one regex each way: the test below runs on every added line. */
const ANY_SEAM = { implicit: anySeam(true), operator: anySeam(false) };

/** Could this line hold a literal joined to another one? Cheap test before any joining. */
export function hasLiteralSeam(line: string, implicit: boolean): boolean {
  if (!line.includes('"') && !line.includes("'")) return false;
  return (implicit ? ANY_SEAM.implicit : ANY_SEAM.operator).test(line);
}

/** A line whose statement goes on: it ends in a concatenation operator (or, in source, a literal, `(` or `\`). */
const ENDS_WITH_OPERATOR = /(?:[+&]|\s\.)\s*$/;
const ENDS_OPEN = /(?:["'(=,\\])\s*$/;
/** A continuation line that starts with a string literal (optionally after the operator). */
const STARTS_WITH_LITERAL = /^\s*(?:[+&]\s*|\.\s+)?[rbuRBU]?["']/;
/** At most this many lines make one statement. */
export const MAX_JOINED_LINES = 5;

export function continuesOnNextLine(line: string, next: string | undefined, implicit: boolean): boolean {
  if (next === undefined || !STARTS_WITH_LITERAL.test(next)) return false;
  return ENDS_WITH_OPERATOR.test(line) || (implicit && ENDS_OPEN.test(line)) || /^\s*[+&]/.test(next);
}
