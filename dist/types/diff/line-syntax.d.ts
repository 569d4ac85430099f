/** True when the line is only a comment in the language of `path` (best effort, by extension). */
export declare function isCommentLine(path: string, content: string): boolean;
/** Leading spaces and tabs of a line. */
export declare function indentOf(text: string): number;
/** A trimmed value without the quotes around it (`"x"`, `'x'`). */
export declare function unquote(value: string): string;
