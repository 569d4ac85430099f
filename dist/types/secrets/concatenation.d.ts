/**
 * Secrets split into string pieces to dodge scanners or line limits: `"ghp_" + "…"`, Python's and C's
 * implicit `"sk_live_" "…"`, or a literal continued on the next lines (`+`, `\`, an open parenthesis).
 * The pieces are joined into one literal so that the line detectors see the whole value.
 *
 * Implicit concatenation (literals side by side) exists only in program source: in shell, YAML or
 * Dockerfiles side-by-side quoted words are separate arguments (`"A=x" \` then `"B=y"`), never joined.
 */
/** Join adjacent string literals; returns the text unchanged when there is nothing to join. */
export declare function joinLiterals(text: string, implicit: boolean): string;
/** Could this line hold a literal joined to another one? Cheap test before any joining. */
export declare function hasLiteralSeam(line: string, implicit: boolean): boolean;
/** At most this many lines make one statement. */
export declare const MAX_JOINED_LINES = 5;
export declare function continuesOnNextLine(line: string, next: string | undefined, implicit: boolean): boolean;
